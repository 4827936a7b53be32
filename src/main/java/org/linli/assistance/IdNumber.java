package org.linli.assistance;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A resident identity card number (居民身份证号码, GB 11643-1999): a 6-digit division code, the
 * birth date as yyyyMMdd, a 3-digit sequence whose last digit gives the sex, and an ISO 7064
 * MOD 11-2 check character. {@link #toString()} is masked so that a whole number never ends up in
 * a log line by accident.
 */
public final class IdNumber {

  public enum Sex { MALE, FEMALE }

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK = "10X98765432";

  private final String value;
  private final LocalDate birthDate;

  private IdNumber(String value, LocalDate birthDate) {
    this.value = value;
    this.birthDate = birthDate;
  }

  /** Parses a number, checked against today (the calendar's day); throws with a bilingual reason. */
  public static IdNumber of(String value, LocalDate today) {
    Optional<String> problem = problem(value, today);
    if (problem.isPresent()) {
      throw new IllegalArgumentException(problem.get());
    }
    String v = normalise(value);
    return new IdNumber(v, birth(v));
  }

  /** Why a number is not valid, in words for the person who typed it; empty when it is valid. */
  public static Optional<String> problem(String value, LocalDate today) {
    if (value == null || value.isBlank()) {
      return Optional.of("请填写身份证号码 give the ID number");
    }
    String v = normalise(value);
    if (v.length() != 18) {
      return Optional.of("身份证号码应为18位 an ID number has 18 characters");
    }
    if (!v.matches("\\d{17}[0-9X]")) {
      return Optional.of("身份证号码应为17位数字加校验位（数字或X） 17 digits and a check character (digit or X)");
    }
    if (v.startsWith("0")) {
      return Optional.of("身份证号码的地区码不正确 not a division code");
    }
    LocalDate birth;
    try {
      birth = birth(v);
    } catch (DateTimeException e) {
      return Optional.of("身份证号码中的出生日期不存在 the birth date in the number is not a real date");
    }
    if (birth.isAfter(today) || birth.getYear() < 1900) {
      return Optional.of("身份证号码中的出生日期不合理 the birth date in the number is in the future or before 1900");
    }
    if (v.charAt(17) != checkCharacter(v.substring(0, 17))) {
      return Optional.of("身份证号码校验位不正确 wrong check digit");
    }
    return Optional.empty();
  }

  /** The check character for the first 17 digits (ISO 7064 MOD 11-2). */
  public static char checkCharacter(String first17) {
    if (first17 == null || !first17.matches("\\d{17}")) {
      throw new IllegalArgumentException("17 digits expected");
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK.charAt(sum % 11);
  }

  private static String normalise(String value) {
    // people type a lower-case x; the standard's check character is an upper-case X
    return value.strip().toUpperCase(java.util.Locale.ROOT);
  }

  private static LocalDate birth(String v) {
    return LocalDate.of(Integer.parseInt(v.substring(6, 10)), Integer.parseInt(v.substring(10, 12)),
        Integer.parseInt(v.substring(12, 14)));
  }

  public String value() {
    return value;
  }

  /** The 6-digit division code of the place the number was issued (not necessarily where one lives now). */
  public String divisionPrefix() {
    return value.substring(0, 6);
  }

  public LocalDate birthDate() {
    return birthDate;
  }

  public Sex sex() {
    return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
  }

  /** For lists and mail: the first 6 and last 4 characters, {@code 330106********1234}. */
  public String mask() {
    return mask(value);
  }

  /** Masks any stored number the same way, also one that would no longer pass today's checks. */
  public static String mask(String value) {
    if (value == null || value.length() < 10) {
      return "****";
    }
    return value.substring(0, 6) + "********" + value.substring(value.length() - 4);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IdNumber other && other.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return mask();
  }
}
