package org.linli.deadline.internal;

import java.time.Instant;
import java.util.Optional;
import org.linli.casefile.CaseEventType;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseTask;
import org.linli.deadline.StepMarked;
import org.linli.deadline.StepMarked.Mark;
import org.linli.deadline.internal.StepDeadlineRepository.Step;
import org.linli.system.Bilingual;
import org.linli.system.EngineClock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Puts the warning, overdue and escalation marks on steps, each once: the claim on the step's
 * deadline record decides, then the timeline entry and the {@link StepMarked} event follow in the
 * same transaction, so a rolled-back timer or sweep leaves no trace and a retry marks again.
 */
@Service
class DeadlineMarks {

  private final StepDeadlineRepository steps;
  private final CaseFiles cases;
  private final ApplicationEventPublisher events;

  DeadlineMarks(StepDeadlineRepository steps, CaseFiles cases, ApplicationEventPublisher events) {
    this.steps = steps;
    this.cases = cases;
    this.events = events;
  }

  /** Reminds the owners of each open step of the case that turned yellow; returns how many. */
  int remindCase(long caseId, int limit) {
    int n = 0;
    for (Step s : steps.toRemind(caseId, EngineClock.now(), limit)) {
      n += remind(s) ? 1 : 0;
    }
    return n;
  }

  int markCaseOverdue(long caseId, int limit) {
    int n = 0;
    for (Step s : steps.overdue(caseId, EngineClock.now(), limit)) {
      n += markOverdue(s) ? 1 : 0;
    }
    return n;
  }

  boolean remind(Step s) {
    Instant now = EngineClock.now();
    if (!cases.lockOpen(s.caseId()) || !steps.claimReminder(s.taskId(), now)) {
      return false;
    }
    CaseFile c = caseOf(s);
    String owner = owner(s);
    cases.record(s.caseId(), CaseEventType.REMINDED, s.activityId(), s.stepName(), null, s.candidateGroup(),
        new Bilingual.Halves("临近办理时限 " + s.dueAt(), "due at " + s.dueAt()));
    cases.refreshDeadlineState(s.caseId());
    publish(Mark.REMINDER, c, s, owner, null);
    return true;
  }

  boolean markOverdue(Step s) {
    Instant now = EngineClock.now();
    if (!cases.lockOpen(s.caseId()) || !steps.claimOverdue(s.taskId(), now)) {
      return false;
    }
    CaseFile c = caseOf(s);
    cases.record(s.caseId(), CaseEventType.OVERDUE, s.activityId(), s.stepName(), null, s.candidateGroup(),
        new Bilingual.Halves("已超过办理时限 " + s.dueAt(), "was due at " + s.dueAt()));
    cases.refreshDeadlineState(s.caseId());
    publish(Mark.OVERDUE, c, s, owner(s), null);
    return true;
  }

  /**
   * The step of the case that its due time just cancelled is marked overdue (unless the sweep did
   * already) and recorded as moved up to {@code toGroup}.
   */
  Optional<Step> escalateCancelledStep(long caseId, String toGroup) {
    Instant now = EngineClock.now();
    Optional<Step> step = steps.cancelledAtDue(caseId, now);
    step.ifPresent(
        s -> {
          markOverdue(s);
          if (steps.claimEscalation(s.taskId(), now)) {
            cases.record(caseId, CaseEventType.ESCALATED, s.activityId(), s.stepName(), null, s.candidateGroup(),
                new Bilingual.Halves("超期未办，上移至 " + toGroup, "overdue, moved up to " + toGroup));
            publish(Mark.ESCALATION, caseOf(s), s, s.assignee(), toGroup);
          }
        });
    return step;
  }

  /**
   * Open steps of the case past their due time are marked overdue (unless the sweep did already) and
   * reported at once to {@code toGroup}, the next level up; the steps stay where they are.
   */
  int escalateOverdueSteps(long caseId, String toGroup) {
    Instant now = EngineClock.now();
    if (!cases.lockOpen(caseId)) {
      return 0;
    }
    int escalated = 0;
    for (Step s : steps.overdueNotEscalated(caseId, now)) {
      markOverdue(s);
      if (steps.claimEscalation(s.taskId(), now)) {
        cases.record(caseId, CaseEventType.ESCALATED, s.activityId(), s.stepName(), null, s.candidateGroup(),
            new Bilingual.Halves("超期未办，已报告上一级 " + toGroup, "overdue, reported up to " + toGroup));
        publish(Mark.ESCALATION, caseOf(s), s, owner(s), toGroup);
        escalated++;
      }
    }
    return escalated;
  }

  private CaseFile caseOf(Step s) {
    return cases.byId(s.caseId()).orElseThrow(() -> new IllegalStateException("no case " + s.caseId()));
  }

  /** The step's current assignee, if it is still open and claimed. */
  private String owner(Step s) {
    return cases.task(s.taskId()).map(CaseTask::assignee).orElse(s.assignee());
  }

  private void publish(Mark mark, CaseFile c, Step s, String assignee, String toGroup) {
    events.publishEvent(new StepMarked(mark, c.id(), c.caseNumber(), c.title(), s.taskId(), s.activityId(), s.stepName(),
        s.candidateGroup(), assignee, s.divisionCode(), s.dueAt(), toGroup));
  }
}
