package org.linli.assistance.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Re-check (动态管理) intervals: households with a member of working age able to work are re-checked
 * more often than stable ones (only children, elderly, or people unable to work).
 *
 * @param stableMonths months between re-checks of a stable household
 * @param workingAgeMonths months between re-checks when a member is of working age and able to work
 * @param workingAgeFrom first year of working age
 * @param workingAgeTo last year of working age
 * @param cron when the daily job starts the due re-checks (Quartz cron, in the calendar's zone)
 */
@ConfigurationProperties("linli.assistance.recheck")
public record RecheckProperties(
    @DefaultValue("12") int stableMonths,
    @DefaultValue("6") int workingAgeMonths,
    @DefaultValue("18") int workingAgeFrom,
    @DefaultValue("59") int workingAgeTo,
    @DefaultValue("0 30 1 * * ?") String cron) {}
