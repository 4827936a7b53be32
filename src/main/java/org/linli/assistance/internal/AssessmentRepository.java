package org.linli.assistance.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.linli.assistance.HouseholdVerifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * assistance_assessment: what verification confirmed of a household and what the eligibility table
 * made of it. The eligibility step and the entitlement read these, never process variables.
 */
@Repository
class AssessmentRepository {

  /** A household's verified figures and, once assessed, the outcome. */
  record Assessment(long caseId, String verifiedBy, BigDecimal perCapitaIncome, BigDecimal savingsPerCapita,
      BigDecimal vehicleValue, int dwellings, int householdSize, Instant verifiedAt, Boolean eligible,
      BigDecimal monthlyAmount, String reason, Instant assessedAt) {}

  private final JdbcClient jdbc;

  AssessmentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A (new) verification replaces the earlier figures and clears an earlier outcome (an objection re-verifies). */
  void verified(long caseId, HouseholdVerifier.Verified v, Instant at) {
    int updated = jdbc.sql("update assistance_assessment set verified_by = ?, per_capita_income = ?, savings_per_capita = ?,"
            + " vehicle_value = ?, dwellings = ?, household_size = ?, verified_at = ?, eligible = null, monthly_amount = null,"
            + " reason = null, assessed_at = null where case_id = ?")
        .params(v.source(), v.perCapitaIncome(), v.savingsPerCapita(), v.vehicleValue(), v.dwellings(), v.householdSize(),
            Timestamp.from(at), caseId)
        .update();
    if (updated == 0) {
      jdbc.sql("insert into assistance_assessment (case_id, verified_by, per_capita_income, savings_per_capita, vehicle_value,"
              + " dwellings, household_size, verified_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
          .params(caseId, v.source(), v.perCapitaIncome(), v.savingsPerCapita(), v.vehicleValue(), v.dwellings(),
              v.householdSize(), Timestamp.from(at))
          .update();
    }
  }

  void assessed(long caseId, boolean eligible, BigDecimal monthlyAmount, String reason, Instant at) {
    jdbc.sql("update assistance_assessment set eligible = ?, monthly_amount = ?, reason = ?, assessed_at = ? where case_id = ?")
        .params(eligible, monthlyAmount, reason, Timestamp.from(at), caseId)
        .update();
  }

  Optional<Assessment> byCase(long caseId) {
    return jdbc.sql("select case_id, verified_by, per_capita_income, savings_per_capita, vehicle_value, dwellings,"
            + " household_size, verified_at, eligible, monthly_amount, reason, assessed_at from assistance_assessment"
            + " where case_id = ?")
        .param(caseId)
        .query((rs, i) -> new Assessment(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
            rs.getBigDecimal(5), rs.getInt(6), rs.getInt(7), rs.getTimestamp(8).toInstant(),
            (Boolean) rs.getObject(9, Boolean.class), rs.getBigDecimal(10), rs.getString(11),
            rs.getTimestamp(12) == null ? null : rs.getTimestamp(12).toInstant()))
        .optional();
  }
}
