package org.linli.assistance;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The whole application, ID numbers, incomes and disability included. Only {@link AssistanceFiles#detail}
 * hands it out, to staff acting on the case, and each time it is logged.
 */
public record HouseholdDetail(
    long caseId,
    long applicationId,
    HouseholdApplication application,
    BigDecimal perCapitaIncome,
    String createdBy,
    Instant createdAt) {}
