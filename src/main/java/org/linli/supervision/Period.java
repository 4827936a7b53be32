package org.linli.supervision;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import org.linli.system.InvalidInputException;

/** Days from {@code from} to {@code to}, both included, on the calendar's zone. */
public record Period(LocalDate from, LocalDate to) {

  /** The longest period a figure covers: two years and a day, as kept. */
  static final int MAX_DAYS = 2 * 366 + 1;

  public Period {
    if (from == null || to == null) {
      throw new InvalidInputException("from", "请选择起止日期 give both days of the period");
    }
    if (to.isBefore(from)) {
      throw new InvalidInputException("to", "结束日期早于开始日期 the period ends before it starts");
    }
    if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
      throw new InvalidInputException("from", "时段最长两年 a period is at most two years");
    }
  }

  public static Period today(LocalDate today) {
    return new Period(today, today);
  }

  /** Monday to today. */
  public static Period thisWeek(LocalDate today) {
    return new Period(today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), today);
  }

  /** The 1st of the month to today. */
  public static Period thisMonth(LocalDate today) {
    return new Period(today.withDayOfMonth(1), today);
  }

  /** The last {@code days} days up to today. */
  public static Period lastDays(LocalDate today, int days) {
    return new Period(today.minusDays(days - 1L), today);
  }
}
