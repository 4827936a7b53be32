package org.linli.deadline.internal;

import java.time.Instant;
import org.linli.casefile.CaseTaskClosed;
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

  DeadlineTracker(StepDeadlineRepository steps, Deadlines deadlines) {
    this.steps = steps;
    this.deadlines = deadlines;
  }

  @EventListener
  void opened(CaseTaskOpened t) {
    steps.open(t.taskId(), t.caseId(), t.activityId(), t.stepName(), t.candidateGroup(), t.assignee(), t.divisionCode(),
        t.openedAt(), t.warnAt(), t.dueAt());
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
