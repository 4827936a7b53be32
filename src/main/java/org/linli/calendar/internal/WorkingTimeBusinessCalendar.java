package org.linli.calendar.internal;

import java.time.Instant;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.task.Task;
import org.linli.calendar.WorkingCalendar;
import org.linli.system.EngineClock;

/**
 * Lets BPMN timers and due dates say {@code working-days:3} or {@code working-hours:4}; every other
 * value goes to the engine's own calendar of the same name (ISO 8601 dates, durations, cycles).
 */
class WorkingTimeBusinessCalendar implements BusinessCalendar {

  static final Pattern WORKING = Pattern.compile("\\s*working-(days|hours)\\s*:\\s*(\\d{1,4})\\s*");

  private final WorkingCalendar calendar;
  private final BusinessCalendar fallback;

  WorkingTimeBusinessCalendar(WorkingCalendar calendar, BusinessCalendar fallback) {
    this.calendar = calendar;
    this.fallback = fallback;
  }

  @Override
  public Date resolveDuedate(String duedate) {
    return resolveDuedate(duedate, (Date) null);
  }

  @Override
  public Date resolveDuedate(String duedate, Date startDate) {
    Matcher m = WORKING.matcher(duedate);
    if (!m.matches()) {
      return startDate == null ? fallback.resolveDuedate(duedate) : fallback.resolveDuedate(duedate, startDate);
    }
    Instant from = startDate == null ? EngineClock.now() : startDate.toInstant();
    int amount = Integer.parseInt(m.group(2));
    Instant due =
        m.group(1).equals("days") ? calendar.plusWorkingDays(from, amount) : calendar.plusWorkingHours(from, amount);
    return Date.from(due);
  }

  @Override
  public Date resolveDuedate(String duedate, Task task) {
    if (WORKING.matcher(duedate).matches()) {
      return resolveDuedate(duedate, (Date) null);
    }
    return fallback.resolveDuedate(duedate, task);
  }
}
