package org.linli.emergency.internal;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.linli.system.ModelBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks and listeners of bpmn/emergency-response.bpmn; the work is in {@link EmergencyResponse}. */
@Configuration(proxyBeanMethods = false)
class EmergencyDelegates {

  @ModelBean

  @Bean
  JavaDelegate emergencyActivation(EmergencyResponse response) {
    return response::activate;
  }

  @ModelBean

  @Bean
  JavaDelegate emergencyLevelChange(EmergencyResponse response) {
    return response::changeLevel;
  }

  @ModelBean

  @Bean
  JavaDelegate emergencyIncident(EmergencyResponse response) {
    return response::becomeIncident;
  }

  @ModelBean

  @Bean
  JavaDelegate emergencyAllClear(EmergencyResponse response) {
    return response::allClear;
  }

  @ModelBean

  @Bean
  JavaDelegate emergencyWithdrawal(EmergencyResponse response) {
    return response::withdraw;
  }

  @ModelBean

  @Bean
  ExecutionListener emergencyFigures(EmergencyResponse response) {
    return response::figures;
  }
}
