package org.linli.assistance;

import java.math.BigDecimal;
import java.util.List;

/**
 * The outcome of the eligibility pre-check: no findings means the declared figures do not rule the
 * household out. It is a hint for the caseworker and input for the verification rules, not a decision.
 *
 * @param perCapitaIncome the household's monthly income per member
 * @param incomeThreshold the standard the income was compared with (null when the programme has no income test)
 */
public record PreCheck(
    Programme programme,
    AssistanceStandard standard,
    BigDecimal perCapitaIncome,
    BigDecimal incomeThreshold,
    List<Finding> findings) {

  /** Why the household may not qualify; {@code code} is stable for rules, {@code message} is for people. */
  public record Finding(Code code, String message) {}

  public enum Code {
    INCOME_AT_OR_ABOVE_STANDARD,
    SAVINGS_ABOVE_LIMIT,
    VEHICLE_ABOVE_LIMIT,
    TOO_MANY_DWELLINGS,
    HOUSING_AREA_ABOVE_LIMIT,
    APPLICANT_NOT_IN_TEKUN_GROUP
  }

  public boolean passes() {
    return findings.isEmpty();
  }

  public List<Code> codes() {
    return findings.stream().map(Finding::code).toList();
  }
}
