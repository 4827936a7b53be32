package org.linli.emergency.internal;

import org.linli.casefile.CaseKindDefinition;
import org.linli.emergency.EmergencyProcess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EmergencyCaseKind {

  @Bean
  CaseKindDefinition emergencyKind() {
    return new CaseKindDefinition(EmergencyProcess.KIND, EmergencyProcess.NUMBER_PREFIX, EmergencyProcess.KEY);
  }
}
