package org.linli.deadline.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.linli.casefile.engine.CaseExecutions;
import org.linli.system.ModelBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks behind the boundary timers of user tasks:
 *
 * <ul>
 *   <li>{@code ${stepReminder}} after a warning timer: the owners of the case's yellow steps are reminded;
 *   <li>{@code ${overdueMarker}} after a due-time timer: the case's overdue steps are marked and reported;
 *   <li>{@code ${overdueEscalation}} after an interrupting due-time timer: the cancelled step is marked
 *       overdue and recorded as moved up to the group in the {@code escalateTo} variable;
 *   <li>{@code ${overdueUpward}} after a non-interrupting due-time timer: the case's overdue steps stay
 *       open, are marked and reported at once to the group in the {@code escalateTo} variable.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class DeadlineDelegates {

  static final String VAR_ESCALATE_TO = "escalateTo";
  private static final int PER_CASE = 50;

  @ModelBean
  @Bean
  JavaDelegate stepReminder(CaseExecutions cases, DeadlineMarks marks) {
    return execution -> cases.caseId(execution).ifPresent(id -> marks.remindCase(id, PER_CASE));
  }

  @ModelBean
  @Bean
  JavaDelegate overdueMarker(CaseExecutions cases, DeadlineMarks marks) {
    return execution -> cases.caseId(execution).ifPresent(id -> marks.markCaseOverdue(id, PER_CASE));
  }

  @ModelBean
  @Bean
  JavaDelegate overdueEscalation(CaseExecutions cases, DeadlineMarks marks) {
    return execution -> cases.caseId(execution).ifPresent(id -> marks.escalateCancelledStep(id, escalateTo(execution)));
  }

  @ModelBean
  @Bean
  JavaDelegate overdueUpward(CaseExecutions cases, DeadlineMarks marks) {
    return execution -> cases.caseId(execution).ifPresent(id -> marks.escalateOverdueSteps(id, escalateTo(execution)));
  }

  private static String escalateTo(DelegateExecution execution) {
    Object to = execution.getVariable(VAR_ESCALATE_TO);
    if (to == null) {
      throw new IllegalStateException("the escalation at " + execution.getCurrentActivityId() + " needs an " + VAR_ESCALATE_TO + " input");
    }
    return to.toString();
  }
}
