package org.linli.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Working days and working hours: weekends and official holidays are off, make-up days (调休) are
 * working days. Years without a known schedule fall back to weekends only, with one warning per
 * year.
 *
 * <p>"N working days" from a moment ends at the close of office on the N-th working day after the
 * day of that moment: the day a matter is received is not counted, as in statutory time limits.
 */
public class WorkingCalendar {

  private static final Logger log = LoggerFactory.getLogger(WorkingCalendar.class);

  private final ZoneId zone;
  private final List<CalendarProperties.Period> periods;
  private final Set<LocalDate> holidays;
  private final Set<LocalDate> workdays;
  private final Set<Integer> knownYears;
  private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();

  public WorkingCalendar(
      ZoneId zone,
      List<CalendarProperties.Period> periods,
      Set<LocalDate> holidays,
      Set<LocalDate> workdays,
      Set<Integer> knownYears) {
    if (periods.isEmpty()) {
      throw new IllegalArgumentException("a working day needs at least one office period");
    }
    this.zone = zone;
    this.periods = List.copyOf(periods);
    this.holidays = Set.copyOf(holidays);
    this.workdays = Set.copyOf(workdays);
    this.knownYears = Set.copyOf(knownYears);
  }

  /** The one zone of Linli: days, office hours, times shown, daily and monthly jobs. */
  public ZoneId zone() {
    return zone;
  }

  /** Today in the calendar's zone, by the engine's clock (which tests move). */
  public LocalDate today() {
    return LocalDate.ofInstant(org.linli.system.EngineClock.now(), zone);
  }

  public boolean isKnownYear(int year) {
    return knownYears.contains(year);
  }

  public boolean isWorkingDay(LocalDate day) {
    if (!knownYears.contains(day.getYear()) && warnedYears.add(day.getYear())) {
      log.warn(
          "No official holiday schedule for {}: counting weekends only. Add the year to {} or to"
              + " linli.calendar.extra-holidays / extra-workdays.",
          day.getYear(),
          "the calendar data file");
    }
    if (workdays.contains(day)) {
      return true;
    }
    if (holidays.contains(day)) {
      return false;
    }
    DayOfWeek dow = day.getDayOfWeek();
    return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
  }

  /** The next working day strictly after the given day. */
  public LocalDate nextWorkingDay(LocalDate day) {
    LocalDate d = day.plusDays(1);
    while (!isWorkingDay(d)) {
      d = d.plusDays(1);
    }
    return d;
  }

  /** Close of office on the {@code days}-th working day after the day of {@code from}. */
  public Instant plusWorkingDays(Instant from, int days) {
    if (days < 0) {
      throw new IllegalArgumentException("working days must not be negative: " + days);
    }
    LocalDate d = from.atZone(zone).toLocalDate();
    if (days == 0) {
      // "today": the close of this working day, or of the next one if today is off
      if (!isWorkingDay(d)) {
        d = nextWorkingDay(d);
      }
    }
    for (int i = 0; i < days; i++) {
      d = nextWorkingDay(d);
    }
    return closeOfOffice(d);
  }

  /** The moment {@code duration} of office time has passed after {@code from}. */
  public Instant plusWorkingTime(Instant from, Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("working time must not be negative: " + duration);
    }
    Duration left = duration;
    ZonedDateTime t = from.atZone(zone);
    LocalDate day = t.toLocalDate();
    while (true) {
      if (isWorkingDay(day)) {
        for (CalendarProperties.Period p : periods) {
          ZonedDateTime start = day.atTime(p.start()).atZone(zone);
          ZonedDateTime end = day.atTime(p.end()).atZone(zone);
          if (!t.isBefore(end)) {
            continue;
          }
          ZonedDateTime begin = t.isAfter(start) ? t : start;
          Duration available = Duration.between(begin, end);
          if (left.compareTo(available) <= 0) {
            return begin.plus(left).toInstant();
          }
          left = left.minus(available);
          t = end;
        }
      }
      day = day.plusDays(1);
      t = day.atStartOfDay(zone);
    }
  }

  public Instant plusWorkingHours(Instant from, int hours) {
    return plusWorkingTime(from, Duration.ofHours(hours));
  }

  /**
   * The latest moment from which {@code duration} of office time remains until {@code to}: with a
   * due time at the close of a day, one working day before it is the opening of that day.
   */
  public Instant minusWorkingTime(Instant to, Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("working time must not be negative: " + duration);
    }
    Duration left = duration;
    ZonedDateTime t = to.atZone(zone);
    LocalDate day = t.toLocalDate();
    while (true) {
      if (isWorkingDay(day)) {
        for (int i = periods.size() - 1; i >= 0; i--) {
          CalendarProperties.Period p = periods.get(i);
          ZonedDateTime start = day.atTime(p.start()).atZone(zone);
          ZonedDateTime end = day.atTime(p.end()).atZone(zone);
          if (!t.isAfter(start)) {
            continue;
          }
          ZonedDateTime finish = t.isBefore(end) ? t : end;
          Duration available = Duration.between(start, finish);
          if (left.compareTo(available) <= 0) {
            return finish.minus(left).toInstant();
          }
          left = left.minus(available);
          t = start;
        }
      }
      day = day.minusDays(1);
      t = day.plusDays(1).atStartOfDay(zone);
    }
  }

  /** Office time in one working day. */
  public Duration workingDayLength() {
    Duration total = Duration.ZERO;
    for (CalendarProperties.Period p : periods) {
      total = total.plus(Duration.between(p.start(), p.end()));
    }
    return total;
  }

  /** Office time between two moments (zero if {@code to} is not after {@code from}). */
  public Duration workingTimeBetween(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    Duration total = Duration.ZERO;
    LocalDate day = from.atZone(zone).toLocalDate();
    LocalDate last = to.atZone(zone).toLocalDate();
    for (; !day.isAfter(last); day = day.plusDays(1)) {
      if (!isWorkingDay(day)) {
        continue;
      }
      for (CalendarProperties.Period p : periods) {
        Instant start = max(day.atTime(p.start()).atZone(zone).toInstant(), from);
        Instant end = min(day.atTime(p.end()).atZone(zone).toInstant(), to);
        if (end.isAfter(start)) {
          total = total.plus(Duration.between(start, end));
        }
      }
    }
    return total;
  }

  private Instant closeOfOffice(LocalDate day) {
    return day.atTime(periods.get(periods.size() - 1).end()).atZone(zone).toInstant();
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
