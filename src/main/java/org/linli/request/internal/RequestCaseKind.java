package org.linli.request.internal;

import org.linli.casefile.CaseKindDefinition;
import org.linli.request.RequestProcess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RequestCaseKind {

  @Bean
  CaseKindDefinition residentRequestKind() {
    return new CaseKindDefinition(RequestProcess.KIND, RequestProcess.NUMBER_PREFIX, RequestProcess.KEY);
  }
}
