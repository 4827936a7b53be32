package org.linli.request.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.linli.casefile.engine.CaseExecutions;
import org.linli.request.RequestDeadlines;
import org.linli.request.RequestProcess;
import org.linli.system.ModelBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service task and listeners of bpmn/resident-request.bpmn:
 *
 * <ul>
 *   <li>{@code ${publishReply}} on Task_PublishReply: {@link ReplyPublishing} with the {@code reply} variable;
 *   <li>{@code ${requestReceived}}, the start listener of Task_SignRequest: the unit's return window starts
 *       ({@link RequestDeadlines#received});
 *   <li>{@code ${requestReopened}}, the take listener of the reopening flows: {@link RequestRounds#reopen}.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class RequestDelegates {

  @ModelBean
  @Bean
  JavaDelegate publishReply(ReplyPublishing replies) {
    return execution -> replies.publish(execution.getProcessBusinessKey(), (String) execution.getVariable(RequestProcess.VAR_REPLY));
  }

  @ModelBean
  @Bean
  ExecutionListener requestReceived(CaseExecutions cases, RequestDeadlines deadlines) {
    return execution -> deadlines.received(caseId(cases, execution));
  }

  @ModelBean
  @Bean
  ExecutionListener requestReopened(CaseExecutions cases, RequestRounds rounds) {
    return execution -> reopen(cases, rounds, execution);
  }

  /** Also {@code ${requestLoop.reopen(execution)}} of earlier model versions. */
  static void reopen(CaseExecutions cases, RequestRounds rounds, DelegateExecution execution) {
    rounds.reopen(caseId(cases, execution), execution.getCurrentActivityId(), execution.getCurrentActivityName());
  }

  static long caseId(CaseExecutions cases, DelegateExecution execution) {
    return cases.caseId(execution)
        .orElseThrow(() -> new IllegalStateException("no case record for process instance " + execution.getProcessInstanceId()));
  }
}
