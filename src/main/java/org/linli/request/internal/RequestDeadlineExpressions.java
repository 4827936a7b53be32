package org.linli.request.internal;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.linli.casefile.engine.CaseExecutions;
import org.linli.request.RequestDeadlines;
import org.linli.system.ModelBean;
import org.springframework.stereotype.Component;

/**
 * {@code ${requestDeadlines.…}} in bpmn/resident-request.bpmn: the handling step's due and warning
 * times, from {@link RequestDeadlines}. {@code received} serves instances of model versions deployed
 * before the listener {@code ${requestReceived}} took over.
 */
@Component("requestDeadlines")
@ModelBean
public class RequestDeadlineExpressions {

  private final RequestDeadlines deadlines;
  private final CaseExecutions cases;

  RequestDeadlineExpressions(RequestDeadlines deadlines, CaseExecutions cases) {
    this.deadlines = deadlines;
    this.cases = cases;
  }

  /** {@code stepDue} of Task_HandleRequest. */
  public Date handleDue(DelegateExecution execution) {
    return Date.from(deadlines.handleDue(RequestDelegates.caseId(cases, execution)));
  }

  /** {@code stepWarnAt} of Task_HandleRequest. */
  public Date handleWarnAt(DelegateExecution execution) {
    return Date.from(deadlines.handleWarnAt(RequestDelegates.caseId(cases, execution)));
  }

  /** Earlier model versions' start listener of Task_SignRequest. */
  public void received(DelegateExecution execution) {
    deadlines.received(RequestDelegates.caseId(cases, execution));
  }
}
