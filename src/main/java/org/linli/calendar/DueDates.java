package org.linli.calendar;

import java.time.Duration;
import java.util.Date;
import org.linli.system.EngineClock;
import org.springframework.stereotype.Component;

/**
 * Due dates for BPMN expressions, counted from the engine clock: {@code
 * camunda:dueDate="${dueDates.workingDays(3)}"}, or in a timer's timeDate.
 */
@Component("dueDates")
public class DueDates {

  private final WorkingCalendar calendar;

  public DueDates(WorkingCalendar calendar) {
    this.calendar = calendar;
  }

  public Date workingDays(int days) {
    return Date.from(calendar.plusWorkingDays(EngineClock.now(), days));
  }

  public Date workingDaysAfter(Date from, int days) {
    return Date.from(calendar.plusWorkingDays(from.toInstant(), days));
  }

  public Date workingHours(int hours) {
    return Date.from(calendar.plusWorkingHours(EngineClock.now(), hours));
  }

  /** Calendar time, for emergencies: minutes from now, weekends and holidays included. */
  public Date minutes(int minutes) {
    return Date.from(EngineClock.now().plus(Duration.ofMinutes(minutes)));
  }
}
