package org.linli.assistance;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A county's assistance standards from a date on, as the county's civil affairs bureau publishes
 * them each year. Amounts in CNY; they are data (application.yml), never code.
 *
 * @param countyCode 6-digit county code
 * @param effectiveFrom first day the entry is in force; it stays in force until a later entry starts
 * @param minimumLiving 低保标准, CNY per person and month
 * @param extremePovertySupport 特困人员基本生活标准, CNY per person and month
 * @param savingsPerCapitaLimit savings (with business value) per member above which a household is not poor enough
 * @param vehicleValueLimit total value of the household's vehicles allowed
 * @param maxDwellings dwellings a household may own
 * @param housingAreaPerCapitaLimit m² of owned housing per member allowed
 */
public record AssistanceStandard(
    String countyCode,
    LocalDate effectiveFrom,
    BigDecimal minimumLiving,
    BigDecimal extremePovertySupport,
    BigDecimal savingsPerCapitaLimit,
    BigDecimal vehicleValueLimit,
    int maxDwellings,
    BigDecimal housingAreaPerCapitaLimit) {}
