package org.linli.approval.internal;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.linli.system.ModelBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service task of bpmn/verification-approval.bpmn, as a thin bean. */
@Configuration(proxyBeanMethods = false)
class ApprovalDelegates {

  @ModelBean

  @Bean
  JavaDelegate approvalOpenLevel(ApprovalFlow flow) {
    return flow.openLevelDelegate();
  }
}
