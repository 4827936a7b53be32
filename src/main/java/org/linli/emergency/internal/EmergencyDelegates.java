package org.linli.emergency.internal;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks and listeners of bpmn/emergency-response.bpmn; the work is in {@link EmergencyResponse}. */
@Configuration(proxyBeanMethods = false)
class EmergencyDelegates {

  @Bean
  JavaDelegate emergencyActivation(EmergencyResponse response) {
    return response::activate;
  }

  @Bean
  JavaDelegate emergencyLevelChange(EmergencyResponse response) {
    return response::changeLevel;
  }

  @Bean
  JavaDelegate emergencyIncident(EmergencyResponse response) {
    return response::becomeIncident;
  }

  @Bean
  JavaDelegate emergencyAllClear(EmergencyResponse response) {
    return response::allClear;
  }

  @Bean
  JavaDelegate emergencyWithdrawal(EmergencyResponse response) {
    return response::withdraw;
  }

  @Bean
  ExecutionListener emergencyFigures(EmergencyResponse response) {
    return response::figures;
  }
}
