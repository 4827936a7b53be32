package org.linli.approval.internal;

import static org.linli.approval.ApprovalProcess.*;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.linli.approval.ApprovalLevel;
import org.linli.approval.ApprovalProcess.Outcome;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseEventType;
import org.linli.casefile.CaseVariables;
import org.linli.casefile.engine.CaseExecutions;
import org.linli.deadline.Deadlines;
import org.linli.deadline.TimeLimit;
import org.linli.organization.Routing;
import org.linli.system.EngineClock;
import org.linli.system.ModelBean;
import org.springframework.stereotype.Component;

/**
 * The engine side of bpmn/verification-approval.bpmn: resets a new call, opens each level (its group,
 * decisions, reviewers and deadline) and hands the outcome back to the caller.
 */
@Component("approvalFlow")
@ModelBean
public class ApprovalFlow {

  private final Routing routing;
  private final Deadlines deadlines;
  private final CaseFiles cases;
  private final CaseExecutions executions;
  private final ApprovalRounds rounds;

  ApprovalFlow(Routing routing, Deadlines deadlines, CaseFiles cases, CaseExecutions executions, ApprovalRounds rounds) {
    this.routing = routing;
    this.deadlines = deadlines;
    this.cases = cases;
    this.executions = executions;
    this.rounds = rounds;
  }

  /**
   * On the start event: records the round with the levels the caller passed in this same
   * transaction (from then on the round's record, not the variable, is the approval's path) and
   * clears what a caller may have copied in from an earlier round (its "all variables" in-mapping
   * brings back the last call's outputs).
   */
  public void start(DelegateExecution execution) {
    long caseId = executions.caseId(execution).orElseThrow(() -> new NotValidException(
        "审核审批由案件流程调用 an approval is called by a case's process, not started on its own"));
    List<ApprovalLevel> levels = ApprovalLevel.parse((String) execution.getVariable(VAR_LEVELS));
    rounds.start(caseId, execution.getProcessInstanceId(), levels, EngineClock.now());
    for (String output : List.of(VAR_OUTCOME, VAR_LEVEL, VAR_REASONS, VAR_MISSING, VAR_COMMENT, CaseVariables.DECISION)) {
      execution.setVariable(output, null);
    }
  }

  /** {@code ${approvalOpenLevel}}: the next level's owners, decisions, reviewers and due time. */
  JavaDelegate openLevelDelegate() {
    return this::openLevel;
  }

  /**
   * Opens the round's next level. Its group, reviewers and due times go into variables that the
   * review step and its timers read in this same transaction, as they are created.
   */
  void openLevel(DelegateExecution execution) {
    ApprovalRounds.Round round = round(execution);
    int index = round.levelIndex() + 1;
    rounds.levelOpened(round.id(), index);
    ApprovalLevel level = round.levels().get(index);
    execution.setVariable(VAR_LEVEL_NAME, level.name());
    execution.setVariable(VAR_GROUP, group(execution, level));
    execution.setVariable(VAR_REVIEWERS, level.countersign() ? 2 : 1);
    execution.setVariable(CaseVariables.DECISION, null);
    TimeLimit literal = level.literalLimit();
    Date due;
    Date warnAt;
    if (literal != null) {
      Instant now = EngineClock.now();
      Instant dueAt = deadlines.due(literal, now);
      due = Date.from(dueAt);
      warnAt = Date.from(deadlines.warnAt(literal.workingTime(), now, dueAt));
    } else {
      // a step key of the caller's time-limit table, read from the case's pinned version
      due = Date.from(deadlines.due(round.caseId(), level.timeLimit(), EngineClock.now()));
      warnAt = Date.from(deadlines.warnAt(round.caseId(), level.timeLimit(), EngineClock.now()));
    }
    // process variables rather than task inputs: the boundary timers sit on the multi-instance body
    execution.setVariable(VAR_DUE, due);
    execution.setVariable(VAR_WARN_AT, warnAt);
  }

  /** {@code ${approvalFlow.hasNextLevel(execution)}}: the round's record says whether a level follows. */
  public boolean hasNextLevel(DelegateExecution execution) {
    return round(execution).hasNextLevel();
  }

  private ApprovalRounds.Round round(DelegateExecution execution) {
    return rounds.byProcessInstance(execution.getProcessInstanceId())
        .orElseThrow(() -> new IllegalStateException("no approval round for " + execution.getProcessInstanceId()));
  }

  /** The level's group at the case's place (and department), as the case record holds them now. */
  private String group(DelegateExecution execution, ApprovalLevel level) {
    if (level.group() != null) {
      return level.group();
    }
    CaseFile c = executions.caseId(execution).flatMap(cases::byId).orElseThrow();
    String department = level.departmentCode() != null ? level.departmentCode() : c.departmentCode();
    return routing.forLevel(level.level(), c.divisionCode(), department);
  }

  /** On each end event: the outputs for the caller, and the outcome on the case's timeline. */
  public void finish(DelegateExecution execution, String outcomeName) {
    Outcome outcome = Outcome.valueOf(outcomeName);
    ApprovalRounds.Round round = round(execution);
    rounds.ended(round.id(), EngineClock.now());
    String levelName = round.level().name();
    Object comment = execution.getVariable(VAR_COMMENT);
    if (comment == null) {
      comment = execution.getVariable(CaseVariables.COMMENT); // completed outside Linli's task list
    }
    String reasons = comment == null ? null : comment.toString();
    execution.setVariable(VAR_OUTCOME, outcome.name());
    execution.setVariable(VAR_LEVEL, levelName);
    execution.setVariable(VAR_REASONS, reasons);
    if (outcome != Outcome.RETURNED) {
      execution.setVariable(VAR_MISSING, null);
    }
    String words = switch (outcome) {
      case APPROVED -> "审核审批通过 Approved";
      case REJECTED -> "审核审批不予通过 Rejected";
      case RETURNED -> "退回补正 Returned for correction";
    };
    StringBuilder note = new StringBuilder(words).append(" (").append(levelName).append(")");
    if (reasons != null && outcome != Outcome.APPROVED) {
      note.append(": ").append(reasons);
    }
    Object missing = execution.getVariable(VAR_MISSING);
    if (outcome == Outcome.RETURNED && missing != null) {
      note.append("；需补正 Missing: ").append(missing);
    }
    executions.caseId(execution).ifPresent(caseId -> cases.recordStep(caseId, CaseEventType.COMPLETED,
        execution.getCurrentActivityId(), execution.getCurrentActivityName(), note.toString()));
  }
}
