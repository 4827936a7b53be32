package org.linli.deadline;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.linli.calendar.WorkingCalendar;
import org.linli.system.EngineClock;
import org.linli.system.ModelBean;
import org.springframework.stereotype.Component;

/**
 * Due and warning times of steps, for BPMN and Java. A user task reads its limit in its input
 * mappings, so that its due date and its boundary timers agree:
 *
 * <pre>
 * stepLimit  = ${deadlines.limit(execution, 'Task_SignRequest')}
 * stepDue    = ${deadlines.due(stepLimit)}
 * stepWarnAt = ${deadlines.warnAt(stepLimit, stepDue)}
 * </pre>
 *
 * A step turns yellow when the configured share of its limit is used or, for working-time limits,
 * when the configured number of working days is left, whichever comes first; red at its due time.
 */
@Component("deadlines")
@ModelBean
public class Deadlines {

  private final TimeLimits limits;
  private final WorkingCalendar calendar;
  private final DeadlineProperties properties;

  Deadlines(TimeLimits limits, WorkingCalendar calendar, DeadlineProperties properties) {
    this.limits = limits;
    this.calendar = calendar;
    this.properties = properties;
  }

  /** When the step (its activity id in the time-limit table) is due if it starts now. */
  public Date due(DelegateExecution execution, String step) {
    return Date.from(dueFrom(limits.limit(execution, step), EngineClock.now()));
  }

  /** When the step turns yellow if it starts now. */
  public Date warnAt(DelegateExecution execution, String step) {
    TimeLimit limit = limits.limit(execution, step);
    Instant now = EngineClock.now();
    return Date.from(warnAt(limit.workingTime(), now, dueFrom(limit, now)));
  }

  public Instant dueFrom(TimeLimit limit, Instant start) {
    return switch (limit.unit()) {
      case WORKING_DAYS -> calendar.plusWorkingDays(start, limit.amount());
      case WORKING_HOURS -> calendar.plusWorkingHours(start, limit.amount());
      case CALENDAR -> start.plus(limit.duration());
    };
  }

  /** When a step that runs from {@code start} to {@code due} turns yellow. */
  public Instant warnAt(boolean workingTime, Instant start, Instant due) {
    if (!due.isAfter(start)) {
      return due;
    }
    if (!workingTime) {
      long millis = Duration.between(start, due).toMillis();
      return start.plusMillis((long) (millis * properties.warnShare()));
    }
    Duration total = calendar.workingTimeBetween(start, due);
    Instant share = calendar.plusWorkingTime(start, scale(total, properties.warnShare()));
    if (properties.warnLeadWorkingDays() == 0) {
      return share;
    }
    Duration lead = calendar.workingDayLength().multipliedBy(properties.warnLeadWorkingDays());
    if (lead.compareTo(total) >= 0) {
      return share; // a limit of a day or less: "one day left" would be at once
    }
    Instant leadPoint = calendar.minusWorkingTime(due, lead);
    return leadPoint.isBefore(share) ? leadPoint : share;
  }

  private static Duration scale(Duration d, double factor) {
    return Duration.ofSeconds((long) (d.getSeconds() * factor));
  }
}
