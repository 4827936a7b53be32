package org.linli.system;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.linli.system.InvalidInputException.FieldError;

/**
 * Reads what a person typed into a workbench form: blank is null, unreadable text is a field error
 * in {@code errors} (and null), so a page can show every problem next to its input at once.
 */
public final class TypedFields {

  private TypedFields() {}

  public static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  /** Typed text without its surrounding blanks; null when nothing was typed. */
  public static String text(String typed) {
    return blank(typed) ? null : typed.strip();
  }

  public static Integer whole(String text, String field, String message, List<FieldError> errors) {
    if (blank(text)) {
      return null;
    }
    try {
      return Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      errors.add(new FieldError(field, message));
      return null;
    }
  }

  public static Double decimal(String text, String field, String message, List<FieldError> errors) {
    if (blank(text)) {
      return null;
    }
    try {
      return Double.valueOf(text.strip());
    } catch (NumberFormatException e) {
      errors.add(new FieldError(field, message));
      return null;
    }
  }

  /** Thousands grouped by commas (12,000.50 or 12，000): the only commas an amount may hold. */
  private static final java.util.regex.Pattern GROUPED = java.util.regex.Pattern.compile("[+-]?\\d{1,3}([,，]\\d{3})+(\\.\\d+)?");

  /** A sum of money or an area as typed, plain or with thousands grouped by commas; "1,5" is no amount. */
  public static BigDecimal amount(String text, String field, String message, List<FieldError> errors) {
    if (blank(text)) {
      return null;
    }
    String typed = text.strip();
    if (GROUPED.matcher(typed).matches()) {
      typed = typed.replace(",", "").replace("，", "");
    }
    try {
      return new BigDecimal(typed);
    } catch (NumberFormatException e) {
      errors.add(new FieldError(field, message));
      return null;
    }
  }

  /** One of an enum's constants, by its name. */
  public static <E extends Enum<E>> E option(Class<E> type, String text, String field, String message, List<FieldError> errors) {
    if (blank(text)) {
      return null;
    }
    try {
      return Enum.valueOf(type, text.strip());
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(field, message));
      return null;
    }
  }

  /** A yes/no choice sent as {@code true} or {@code false}. */
  public static Boolean yesNo(String text, String field, String message, List<FieldError> errors) {
    if (blank(text)) {
      return null;
    }
    String v = text.strip();
    if (v.equals("true") || v.equals("false")) {
      return Boolean.valueOf(v);
    }
    errors.add(new FieldError(field, message));
    return null;
  }

  /** The years a date Linli keeps may fall in: birth dates from 1900, nothing planned beyond 2199. */
  public static final int FIRST_YEAR = 1900;
  public static final int LAST_YEAR = 2199;

  /** An ISO date, 2026-07-01, in a plausible year. */
  public static LocalDate date(String text, String field, String message, List<FieldError> errors) {
    if (blank(text)) {
      return null;
    }
    try {
      LocalDate day = LocalDate.parse(text.strip());
      if (!plausible(day.getYear())) {
        errors.add(new FieldError(field, message));
        return null;
      }
      return day;
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, message));
      return null;
    }
  }

  /** Whether a year is one a date Linli keeps can fall in (not 0000, not 9999). */
  public static boolean plausible(int year) {
    return year >= FIRST_YEAR && year <= LAST_YEAR;
  }
}
