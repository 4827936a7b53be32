package org.linli.deadline;

import java.time.Duration;
import java.time.Instant;
import org.linli.calendar.WorkingCalendar;
import org.springframework.stereotype.Service;

/**
 * Due times and warning times, from time limits. A step's due time is its start plus its time
 * limit (on the working-day calendar for working-time limits); it turns yellow at its warning time,
 * when the configured share of the limit is used or, for working-time limits, when the configured
 * number of working days is left, whichever comes first; red at its due time.
 *
 * <p>Models reach this through the {@code deadlines} bean, which reads the case from the execution:
 *
 * <pre>
 * stepDue    = ${deadlines.due(execution, 'Task_SignRequest')}
 * stepWarnAt = ${deadlines.warnAt(execution, 'Task_SignRequest')}
 * </pre>
 */
// the bean name "deadlines" belongs to the models' adapter (deadline.internal.DeadlineExpressions)
@Service("deadlineTimes")
public class Deadlines {

  private final TimeLimits limits;
  private final WorkingCalendar calendar;
  private final DeadlineProperties properties;

  Deadlines(TimeLimits limits, WorkingCalendar calendar, DeadlineProperties properties) {
    this.limits = limits;
    this.calendar = calendar;
    this.properties = properties;
  }

  /** When a step of a case that starts at {@code start} is due, by the time-limit table the case pinned. */
  public Instant due(long caseId, String step, Instant start) {
    return due(limits.limit(caseId, step), start);
  }

  /** When a step of a case that starts at {@code start} turns yellow, by the time-limit table the case pinned. */
  public Instant warnAt(long caseId, String step, Instant start) {
    TimeLimit limit = limits.limit(caseId, step);
    return warnAt(limit.workingTime(), start, due(limit, start));
  }

  /** The due time of something that starts at {@code start} and has the time limit {@code limit}. */
  public Instant due(TimeLimit limit, Instant start) {
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
