package org.linli.deadline.internal;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.Job;
import org.linli.casefile.CaseTaskClosed;
import org.linli.casefile.CaseTaskDueChanged;
import org.linli.casefile.CaseTaskRegrouped;
import org.linli.system.EngineClock;
import org.linli.casefile.CaseTaskOpened;
import org.linli.casefile.WarningTimes;
import org.linli.deadline.Deadlines;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Keeps a deadline record for each step, in the engine's transaction. */
@Component
class DeadlineTracker implements WarningTimes {

  private final StepDeadlineRepository steps;
  private final Deadlines deadlines;
  private final ManagementService management;
  private final IdentityService identity;

  DeadlineTracker(StepDeadlineRepository steps, Deadlines deadlines, ManagementService management, IdentityService identity) {
    this.steps = steps;
    this.deadlines = deadlines;
    this.management = management;
    this.identity = identity;
  }

  @EventListener
  void opened(CaseTaskOpened t) {
    steps.open(t.taskId(), t.caseId(), t.activityId(), t.stepName(), t.candidateGroup(), t.assignee(), t.divisionCode(),
        t.openedAt(), t.warnAt(), t.dueAt());
  }

  /**
   * A due date moved by hand: the step's yellow and red timers move with it, and marks still ahead
   * of the clock may come again, once, at the new times.
   */
  @EventListener
  void dueChanged(CaseTaskDueChanged t) {
    steps.reschedule(t.taskId(), t.warnAt(), t.dueAt(), EngineClock.now());
    // the timers belong to the process, not to whoever moved the date in Tasklist
    Authentication user = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      for (Job timer : management.createJobQuery().executionId(t.executionId()).timers().list()) {
        Instant at = timer.getDuedate() == null ? null : timer.getDuedate().toInstant();
        if (at != null && at.equals(t.previousDueAt()) && t.dueAt() != null) {
          management.setJobDuedate(timer.getId(), Date.from(t.dueAt()));
        } else if (at != null && at.equals(t.previousWarnAt()) && t.warnAt() != null) {
          management.setJobDuedate(timer.getId(), Date.from(t.warnAt()));
        }
      }
    } finally {
      if (user != null) {
        identity.setAuthentication(user);
      }
    }
  }

  /** Marks and mail of a step follow it to its new group. */
  @EventListener
  void regrouped(CaseTaskRegrouped t) {
    steps.regroup(t.taskId(), t.candidateGroup());
  }

  @EventListener
  void closed(CaseTaskClosed t) {
    steps.close(t.taskId(), t.closedAt());
  }

  /** Steps without a warning time of their own count their limit on the working-day calendar. */
  @Override
  public Instant warnAt(Instant start, Instant due) {
    return deadlines.warnAt(true, start, due);
  }
}
