package org.linli.assistance.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A household's monthly assistance, from its first month to its last (open-ended while active).
 *
 * @param monthlyAmount the amount of the latest month with an amount (adjustments included)
 * @param endMonth the last month paid, or null
 * @param recheckRunning whether a re-check is under way (its process started, outcome not applied)
 */
public record Entitlement(
    long id,
    long caseId,
    String programme,
    String countyCode,
    String divisionCode,
    BigDecimal monthlyAmount,
    YearMonth startMonth,
    YearMonth endMonth,
    Status status,
    int recheckIntervalMonths,
    LocalDate nextRecheckOn,
    boolean recheckRunning,
    Instant createdAt) {

  public enum Status {
    ACTIVE,
    /** An end month is set; months up to it are still paid. */
    ENDED
  }

  public boolean paidIn(YearMonth month) {
    return !month.isBefore(startMonth) && (endMonth == null || !month.isAfter(endMonth));
  }
}
