package org.linli.request.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.linli.casefile.CaseEventType;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.engine.CaseExecutions;
import org.linli.request.RequestProcess;
import org.linli.system.ModelBean;
import org.springframework.stereotype.Component;

/**
 * The reopening (发回重办) on the "not satisfied" and "redo" flows of the request process; the
 * count of rounds is the request's record, so that nobody can buy a request more rounds.
 */
@Component("requestLoop")
@ModelBean
public class RequestLoop {

  private final CaseFiles cases;
  private final CaseExecutions executions;
  private final ResidentRequestRepository requests;

  RequestLoop(CaseFiles cases, CaseExecutions executions, ResidentRequestRepository requests) {
    this.cases = cases;
    this.executions = executions;
    this.requests = requests;
  }

  /** Whether a resident who is not satisfied sends the request back once more, or a supervisor decides. */
  public boolean mayReopen(DelegateExecution execution) {
    return requests.ownership(caseId(execution)).reopenCount() < RequestProcess.MAX_REOPENS;
  }

  public void reopen(DelegateExecution execution) {
    // the handling unit gets a fresh time limit for the new round
    long caseId = caseId(execution);
    int round = requests.reopened(caseId);
    cases.recordStep(caseId, CaseEventType.REOPENED, execution.getCurrentActivityId(), execution.getCurrentActivityName(),
        "round " + round);
  }

  private long caseId(DelegateExecution execution) {
    return executions.caseId(execution)
        .orElseThrow(() -> new IllegalStateException("no case record for process instance " + execution.getProcessInstanceId()));
  }
}
