package org.linli.approval.internal;

import java.time.Instant;
import java.util.Date;
import org.linli.approval.ApprovalLevel;
import org.linli.approval.ApprovalProcess.Outcome;
import org.linli.casefile.CaseEventType;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.deadline.Deadlines;
import org.linli.deadline.TimeLimit;
import org.linli.organization.Routing;
import org.linli.system.Bilingual;
import org.linli.system.EngineClock;
import org.springframework.stereotype.Component;

/**
 * The rounds of bpmn/verification-approval.bpmn: a round starts with the levels its caller set,
 * opens one level after the other (its group, reviewers and due time) and ends with an outcome on
 * the case's timeline. A round is known by its process instance; its path is the approval_round
 * record's, never the variables'.
 */
@Component
class Approvals {

  /** The level just opened, for the review step and its timers. */
  record OpenedLevel(String name, String group, int reviewers, Date due, Date warnAt) {}

  /** What the round hands back to its caller. */
  record Finished(Outcome outcome, String levelName, String reasons) {}

  private final Routing routing;
  private final Deadlines deadlines;
  private final CaseFiles cases;
  private final ApprovalRounds rounds;

  Approvals(Routing routing, Deadlines deadlines, CaseFiles cases, ApprovalRounds rounds) {
    this.routing = routing;
    this.deadlines = deadlines;
    this.cases = cases;
    this.rounds = rounds;
  }

  /** Records the round of case {@code caseId} with the levels its caller passed (JSON, see {@link ApprovalLevel}). */
  void start(long caseId, String processInstanceId, String levels) {
    rounds.start(caseId, processInstanceId, ApprovalLevel.parse(levels), EngineClock.now());
  }

  /** Opens the round's next level. */
  OpenedLevel openNextLevel(String processInstanceId) {
    ApprovalRounds.Round round = round(processInstanceId);
    int index = round.levelIndex() + 1;
    rounds.levelOpened(round.id(), index);
    ApprovalLevel level = round.levels().get(index);
    String group = group(round.caseId(), level);
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
    return new OpenedLevel(level.name(), group, level.countersign() ? 2 : 1, due, warnAt);
  }

  /** Whether the round's record has a level after the one open now. */
  boolean hasNextLevel(String processInstanceId) {
    return round(processInstanceId).hasNextLevel();
  }

  /**
   * Ends the round with {@code outcome} and puts it on the case's timeline at {@code step}.
   *
   * @param reasons the deciding reviewer's comment, or null
   * @param missing what is missing, for a file returned for correction, or null
   */
  Finished finish(String processInstanceId, Outcome outcome, String reasons, String missing, String step, String stepName) {
    ApprovalRounds.Round round = round(processInstanceId);
    rounds.ended(round.id(), EngineClock.now());
    String levelName = round.level().name();
    Bilingual.Halves words = switch (outcome) {
      case APPROVED -> new Bilingual.Halves("审核审批通过", "Approved");
      case REJECTED -> new Bilingual.Halves("审核审批不予通过", "Rejected");
      case RETURNED -> new Bilingual.Halves("退回补正", "Returned for correction");
    };
    Bilingual.Halves level = Bilingual.split(levelName);
    StringBuilder zh = new StringBuilder(words.zh()).append("（").append(level.zh()).append("）");
    StringBuilder en = new StringBuilder(words.en()).append(" (").append(level.en()).append(")");
    if (reasons != null && outcome != Outcome.APPROVED) {
      zh.append("：").append(reasons);
      en.append(": ").append(reasons);
    }
    if (outcome == Outcome.RETURNED && missing != null) {
      zh.append("；需补正：").append(missing);
      en.append("; missing: ").append(missing);
    }
    cases.recordStep(round.caseId(), CaseEventType.COMPLETED, step, stepName, new Bilingual.Halves(zh.toString(), en.toString()));
    return new Finished(outcome, levelName, reasons);
  }

  private ApprovalRounds.Round round(String processInstanceId) {
    return rounds.byProcessInstance(processInstanceId)
        .orElseThrow(() -> new IllegalStateException("no approval round for " + processInstanceId));
  }

  /** The level's group at the case's place (and department), as the case record holds them now. */
  private String group(long caseId, ApprovalLevel level) {
    if (level.group() != null) {
      return level.group();
    }
    CaseFile c = cases.byId(caseId).orElseThrow();
    String department = level.departmentCode() != null ? level.departmentCode() : c.departmentCode();
    return routing.forLevel(level.level(), c.divisionCode(), department);
  }
}
