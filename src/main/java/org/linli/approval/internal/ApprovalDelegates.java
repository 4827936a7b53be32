package org.linli.approval.internal;

import static org.linli.approval.ApprovalProcess.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.exception.NotValidException;
import org.linli.approval.ApprovalProcess.Outcome;
import org.linli.casefile.CaseVariables;
import org.linli.casefile.engine.CaseExecutions;
import org.linli.system.ModelBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The listeners and the service task of bpmn/verification-approval.bpmn; the work is in {@link Approvals}:
 *
 * <ul>
 *   <li>{@code ${approvalStarted}} on the start event: the round is recorded with the levels its caller
 *       passed in this same transaction, and what a caller copied in from an earlier round is cleared;
 *   <li>{@code ${approvalOpenLevel}} on Task_OpenLevel: the next level's name, group, reviewers and due
 *       times go into variables that the review step and its timers read as they are created;
 *   <li>{@code ${approvalFinished}} on each end event: the outcome (by the end event) goes back to the
 *       caller and onto the case's timeline.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class ApprovalDelegates {

  @ModelBean
  @Bean
  ExecutionListener approvalStarted(CaseExecutions cases, Approvals approvals) {
    return execution -> start(cases, approvals, execution);
  }

  @ModelBean
  @Bean
  JavaDelegate approvalOpenLevel(Approvals approvals) {
    return execution -> {
      Approvals.OpenedLevel level = approvals.openNextLevel(execution.getProcessInstanceId());
      execution.setVariable(VAR_LEVEL_NAME, level.name());
      org.linli.system.Bilingual.Halves name = org.linli.system.Bilingual.split(level.name());
      execution.setVariable(VAR_LEVEL_NAME_ZH, name.zh());
      execution.setVariable(VAR_LEVEL_NAME_EN, name.en().equals(name.zh()) ? "" : ": " + name.en());
      execution.setVariable(VAR_GROUP, level.group());
      execution.setVariable(VAR_REVIEWERS, level.reviewers());
      execution.setVariable(CaseVariables.DECISION, null);
      // process variables rather than task inputs: the boundary timers sit on the multi-instance body
      execution.setVariable(VAR_DUE, level.due());
      execution.setVariable(VAR_WARN_AT, level.warnAt());
    };
  }

  @ModelBean
  @Bean
  ExecutionListener approvalFinished(Approvals approvals) {
    return execution -> finish(approvals, execution, outcomeAt(execution.getCurrentActivityId()));
  }

  /** Also {@code ${approvalFlow.start(execution)}} of earlier model versions. */
  static void start(CaseExecutions cases, Approvals approvals, DelegateExecution execution) {
    long caseId = cases.caseId(execution).orElseThrow(() -> new NotValidException(
        "审核审批由案件流程调用 an approval is called by a case's process, not started on its own"));
    approvals.start(caseId, execution.getProcessInstanceId(), (String) execution.getVariable(VAR_LEVELS));
    // the caller's "all variables" in-mapping brings back the last call's outputs
    for (String output : List.of(VAR_OUTCOME, VAR_LEVEL, VAR_REASONS, VAR_MISSING, VAR_COMMENT, CaseVariables.DECISION)) {
      execution.setVariable(output, null);
    }
  }

  /** Also {@code ${approvalFlow.finish(execution, 'APPROVED')}} of earlier model versions. */
  static void finish(Approvals approvals, DelegateExecution execution, Outcome outcome) {
    Object comment = execution.getVariable(VAR_COMMENT);
    if (comment == null) {
      comment = execution.getVariable(CaseVariables.COMMENT); // completed outside Linli's task list
    }
    Object missing = execution.getVariable(VAR_MISSING);
    Approvals.Finished finished = approvals.finish(execution.getProcessInstanceId(), outcome,
        comment == null ? null : comment.toString(), missing == null ? null : missing.toString(),
        execution.getCurrentActivityId(), execution.getCurrentActivityName());
    execution.setVariable(VAR_OUTCOME, finished.outcome().name());
    execution.setVariable(VAR_LEVEL, finished.levelName());
    execution.setVariable(VAR_REASONS, finished.reasons());
    if (outcome != Outcome.RETURNED) {
      execution.setVariable(VAR_MISSING, null);
    }
  }

  private static Outcome outcomeAt(String endEvent) {
    return switch (endEvent) {
      case END_APPROVED -> Outcome.APPROVED;
      case END_REJECTED -> Outcome.REJECTED;
      case END_RETURNED -> Outcome.RETURNED;
      default -> throw new IllegalStateException("an approval ends at " + END_APPROVED + ", " + END_REJECTED + " or "
          + END_RETURNED + ", not at " + endEvent);
    };
  }
}
