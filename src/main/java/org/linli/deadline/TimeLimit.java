package org.linli.deadline;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time limit as the time-limit tables give it: {@code working-days:3}, {@code working-hours:4}
 * (office time on the working-day calendar) or an ISO-8601 duration such as {@code PT30M} or
 * {@code P2D} (calendar time, for emergencies).
 */
public record TimeLimit(Unit unit, int amount, Duration duration) {

  public enum Unit {
    WORKING_DAYS,
    WORKING_HOURS,
    CALENDAR
  }

  private static final Pattern WORKING = Pattern.compile("\\s*working-(days|hours)\\s*:\\s*(\\d{1,4})\\s*");

  public static TimeLimit workingDays(int days) {
    return new TimeLimit(Unit.WORKING_DAYS, days, null);
  }

  public static TimeLimit parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("empty time limit");
    }
    Matcher m = WORKING.matcher(text);
    if (m.matches()) {
      int amount = Integer.parseInt(m.group(2));
      return new TimeLimit(m.group(1).equals("days") ? Unit.WORKING_DAYS : Unit.WORKING_HOURS, amount, null);
    }
    try {
      Duration d = Duration.parse(text.strip());
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("a time limit must be positive: " + text);
      }
      return new TimeLimit(Unit.CALENDAR, 0, d);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "not a time limit: '" + text + "' (use working-days:N, working-hours:N or an ISO-8601 duration such as PT2H)");
    }
  }

  public boolean workingTime() {
    return unit != Unit.CALENDAR;
  }

  @Override
  public String toString() {
    return switch (unit) {
      case WORKING_DAYS -> "working-days:" + amount;
      case WORKING_HOURS -> "working-hours:" + amount;
      case CALENDAR -> duration.toString();
    };
  }
}
