package org.linli.approval;

import static org.linli.approval.ApprovalProcess.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.linli.approval.internal.ApprovalRounds;
import org.linli.system.EngineClock;
import org.linli.casefile.CaseTask;
import org.linli.casefile.CaseVariables;
import org.linli.security.LinliUser;
import org.linli.system.ForbiddenException;
import org.linli.system.InvalidInputException;
import org.linli.tasklist.StepInput;
import org.springframework.stereotype.Component;
import org.linli.system.TypedFields;

/**
 * The rules of a review step ({@value ApprovalProcess#TASK_REVIEW}) for the {@code StepCompleter} of
 * any case kind that calls the approval: the task list completes steps through the completer of the
 * case's kind, so that completer hands its review tasks to this one.
 *
 * <pre>{@code
 * public List<String> decisions(CaseTask t) {
 *   return approvalSteps.handles(t) ? approvalSteps.decisions(t) : ...;
 * }
 * }</pre>
 */
@Component
public class ApprovalSteps {

  private final ApprovalRounds rounds;

  ApprovalSteps(ApprovalRounds rounds) {
    this.rounds = rounds;
  }

  /** Whether the step is a review of the approval process. */
  public boolean handles(CaseTask task) {
    return TASK_REVIEW.equals(task.activityId());
  }

  /** The decisions the round's current level offers. */
  public List<String> decisions(CaseTask task) {
    return rounds.open(task.caseId()).map(r -> r.level().decisions()).orElse(ALL_DECISIONS);
  }

  /**
   * Checks and records a review, and returns the variables the approval's gateways read in the
   * completion's transaction. Return and reject need a reason, return also what is missing; at a
   * countersigned level nobody decides twice (the reviews on record say who decided).
   *
   * @throws InvalidInputException naming the field, before anything is written
   * @throws ForbiddenException when the user already decided on this level
   */
  public Map<String, Object> complete(CaseTask task, StepInput in, LinliUser user) {
    ApprovalRounds.Round round = rounds.open(task.caseId())
        .orElseThrow(() -> new IllegalStateException("case " + task.caseNumber() + " has no approval under way"));
    List<String> offered = round.level().decisions();
    if (in.decision() == null || !offered.contains(in.decision())) {
      throw new InvalidInputException("decision", "请选择审核结论 choose one of " + offered);
    }
    String comment = TypedFields.text(in.comment());
    String missing = TypedFields.text(in.missing());
    if (rounds.reviews(round.id(), round.levelIndex()).stream().anyMatch(r -> r.reviewer().equals(user.username()))) {
      throw new ForbiddenException("会签须由两位不同的审核人决定, 您已审核过本级 a countersigned level needs two different reviewers; "
          + user.username() + " has already decided on it");
    }
    // the timeline's label already says the decision; the note keeps the reviewer's words
    String note = switch (in.decision()) {
      case APPROVE -> comment;
      case REJECT -> {
        require(comment, "comment", "请说明不予通过的理由 give the reason for rejecting");
        yield comment;
      }
      case RETURN -> {
        require(comment, "comment", "请说明退回补正的理由 give the reason for returning");
        require(missing, "missing", "请列明需补正的材料 list what is missing");
        yield comment + "；需补正：" + missing;
      }
      default -> throw new InvalidInputException("decision", "unknown decision " + in.decision());
    };
    rounds.review(round.id(), round.levelIndex(), new ApprovalRounds.Review(user.username(), in.decision(), comment,
        RETURN.equals(in.decision()) ? missing : null, EngineClock.now()));
    Map<String, Object> v = new HashMap<>();
    v.put(CaseVariables.DECISION, in.decision());
    v.put(CaseVariables.COMMENT, note); // the timeline's note says the decision in words
    v.put(VAR_COMMENT, comment);
    v.put(VAR_MISSING, RETURN.equals(in.decision()) ? missing : null);
    return v;
  }

  private static void require(String value, String field, String message) {
    if (value == null) {
      throw new InvalidInputException(field, message);
    }
  }
}
