package org.linli.assistance.internal;

import org.linli.assistance.AssistanceProcess;
import org.linli.casefile.CaseKindDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AssistanceCaseKind {

  @Bean
  CaseKindDefinition assistanceKind() {
    return new CaseKindDefinition(AssistanceProcess.KIND, AssistanceProcess.NUMBER_PREFIX, AssistanceProcess.KEY);
  }
}
