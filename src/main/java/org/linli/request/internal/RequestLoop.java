package org.linli.request.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.linli.casefile.engine.CaseExecutions;
import org.linli.system.ModelBean;
import org.springframework.stereotype.Component;

/**
 * {@code ${requestLoop.mayReopen(execution)}} on the flows after an unsatisfied rating, from
 * {@link RequestRounds}. {@code reopen} serves instances of model versions deployed before the
 * listener {@code ${requestReopened}} took over.
 */
@Component("requestLoop")
@ModelBean
public class RequestLoop {

  private final CaseExecutions cases;
  private final RequestRounds rounds;

  RequestLoop(CaseExecutions cases, RequestRounds rounds) {
    this.cases = cases;
    this.rounds = rounds;
  }

  /** Whether a resident who is not satisfied sends the request back once more, or a supervisor decides. */
  public boolean mayReopen(DelegateExecution execution) {
    return rounds.mayReopen(RequestDelegates.caseId(cases, execution));
  }

  /** Earlier model versions' take listener of the reopening flows. */
  public void reopen(DelegateExecution execution) {
    RequestDelegates.reopen(cases, rounds, execution);
  }
}
