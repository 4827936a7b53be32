package org.linli.approval.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.linli.approval.ApprovalProcess.Outcome;
import org.linli.casefile.engine.CaseExecutions;
import org.linli.system.ModelBean;
import org.springframework.stereotype.Component;

/**
 * {@code ${approvalFlow.…}} in bpmn/verification-approval.bpmn: whether a level follows, from the
 * round's record. {@code start} and {@code finish} serve instances of model versions deployed before
 * the listeners {@code ${approvalStarted}} and {@code ${approvalFinished}} took over.
 */
@Component("approvalFlow")
@ModelBean
public class ApprovalFlow {

  private final CaseExecutions cases;
  private final Approvals approvals;

  ApprovalFlow(CaseExecutions cases, Approvals approvals) {
    this.cases = cases;
    this.approvals = approvals;
  }

  /** {@code ${approvalFlow.hasNextLevel(execution)}}: the round's record says whether a level follows. */
  public boolean hasNextLevel(DelegateExecution execution) {
    return approvals.hasNextLevel(execution.getProcessInstanceId());
  }

  /** Earlier model versions' start listener; see {@link ApprovalDelegates#start}. */
  public void start(DelegateExecution execution) {
    ApprovalDelegates.start(cases, approvals, execution);
  }

  /** Earlier model versions' end listeners; see {@link ApprovalDelegates#finish}. */
  public void finish(DelegateExecution execution, String outcomeName) {
    ApprovalDelegates.finish(approvals, execution, Outcome.valueOf(outcomeName));
  }
}
