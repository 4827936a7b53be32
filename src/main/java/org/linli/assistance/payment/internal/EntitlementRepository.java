package org.linli.assistance.payment.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.linli.assistance.payment.Entitlement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** entitlement and entitlement_change. Months are stored as ints yyyymm. */
@Repository
public class EntitlementRepository {

  private static final String COLUMNS = "e.id, e.case_id, e.programme, e.county_code, e.division_code, e.start_period,"
      + " e.end_period, e.status, e.recheck_interval_months, e.next_recheck_on, e.recheck_instance_id, e.created_at,"
      + " coalesce((select c.amount from entitlement_change c where c.entitlement_id = e.id"
      + "   and c.from_period = (select max(c2.from_period) from entitlement_change c2 where c2.entitlement_id = e.id)),"
      + "   e.monthly_amount) as current_amount";

  private final JdbcClient jdbc;

  EntitlementRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public static int period(YearMonth month) {
    return month.getYear() * 100 + month.getMonthValue();
  }

  public static YearMonth month(int period) {
    return YearMonth.of(period / 100, period % 100);
  }

  public long insert(long caseId, String programme, String countyCode, String divisionCode, BigDecimal amount,
      YearMonth start, int intervalMonths, LocalDate nextRecheck, Instant at) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("insert into entitlement (case_id, programme, county_code, division_code, monthly_amount, start_period,"
            + " status, recheck_interval_months, next_recheck_on, created_at) values (?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?)")
        .params(caseId, programme, countyCode, divisionCode, amount, period(start), intervalMonths,
            Date.valueOf(nextRecheck), Timestamp.from(at))
        .update(key, "id");
    return key.getKey().longValue();
  }

  public Optional<Entitlement> byId(long id) {
    return jdbc.sql("select " + COLUMNS + " from entitlement e where e.id = ?").param(id).query(EntitlementRepository::map).optional();
  }

  public Optional<Entitlement> byCase(long caseId) {
    return jdbc.sql("select " + COLUMNS + " from entitlement e where e.case_id = ?").param(caseId)
        .query(EntitlementRepository::map).optional();
  }

  /** Locks the row for the rest of the transaction. */
  public Optional<Entitlement> lock(long id) {
    jdbc.sql("select id from entitlement where id = ? for update").param(id).query(Long.class).optional();
    return byId(id);
  }

  public List<Entitlement> active(YearMonth month) {
    int p = period(month);
    return jdbc.sql("select " + COLUMNS + " from entitlement e where e.start_period <= ?"
            + " and (e.end_period is null or e.end_period >= ?) order by e.id")
        .params(p, p).query(EntitlementRepository::map).list();
  }

  public List<Entitlement> activeInCounty(String county, YearMonth month) {
    int p = period(month);
    return jdbc.sql("select " + COLUMNS + " from entitlement e where e.county_code = ? and e.start_period <= ?"
            + " and (e.end_period is null or e.end_period >= ?) order by e.id")
        .params(county, p, p).query(EntitlementRepository::map).list();
  }

  public List<String> countiesActiveIn(YearMonth month) {
    int p = period(month);
    return jdbc.sql("select distinct county_code from entitlement where start_period <= ?"
            + " and (end_period is null or end_period >= ?) order by county_code")
        .params(p, p).query(String.class).list();
  }

  /** The amount in force for the month: the latest change from that month or before, else the first amount. */
  public BigDecimal amountIn(long id, YearMonth month) {
    return jdbc.sql("select coalesce((select c.amount from entitlement_change c where c.entitlement_id = e.id"
            + " and c.from_period = (select max(c2.from_period) from entitlement_change c2 where c2.entitlement_id = e.id"
            + " and c2.from_period <= ?)), e.monthly_amount) from entitlement e where e.id = ?")
        .params(period(month), id).query(BigDecimal.class).single();
  }

  /** A change from a month replaces an earlier change from the same month. */
  public void change(long id, YearMonth from, BigDecimal amount, String reason, Instant at) {
    jdbc.sql("delete from entitlement_change where entitlement_id = ? and from_period = ?").params(id, period(from)).update();
    jdbc.sql("insert into entitlement_change (entitlement_id, from_period, amount, reason, created_at) values (?, ?, ?, ?, ?)")
        .params(id, period(from), amount, reason, Timestamp.from(at)).update();
  }

  public void end(long id, YearMonth last, String reason) {
    jdbc.sql("update entitlement set status = 'ENDED', end_period = ?, end_reason = ?, recheck_instance_id = null where id = ?")
        .params(period(last), reason, id).update();
  }

  /** Entitlements whose re-check has come and none is running. */
  public List<Entitlement> recheckDue(LocalDate day) {
    return jdbc.sql("select " + COLUMNS + " from entitlement e where e.status = 'ACTIVE' and e.next_recheck_on <= ?"
            + " and e.recheck_instance_id is null order by e.next_recheck_on, e.id")
        .param(Date.valueOf(day)).query(EntitlementRepository::map).list();
  }

  /** Claims the re-check for one starter; false when another node or run got it first. */
  public boolean claimRecheck(long id, String marker) {
    return jdbc.sql("update entitlement set recheck_instance_id = ? where id = ? and recheck_instance_id is null"
            + " and status = 'ACTIVE'").params(marker, id).update() == 1;
  }

  /** A re-check case of an entitlement, what its reviewers set and its outcome. */
  public record Recheck(long caseId, long entitlementId, BigDecimal amount, String outcome, String reasons, Instant appliedAt) {}

  public void recheckOpened(long caseId, long entitlementId) {
    jdbc.sql("insert into assistance_recheck (case_id, entitlement_id) values (?, ?)").params(caseId, entitlementId).update();
  }

  public Optional<Recheck> recheck(long caseId) {
    return jdbc.sql("select case_id, entitlement_id, amount, outcome, reasons, applied_at from assistance_recheck where case_id = ?")
        .param(caseId)
        .query((rs, i) -> new Recheck(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3), rs.getString(4), rs.getString(5),
            rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
        .optional();
  }

  /** The monthly amount a re-check's reviewer set; the last one set counts. */
  public void recheckAmount(long caseId, BigDecimal amount) {
    jdbc.sql("update assistance_recheck set amount = ? where case_id = ?").params(amount, caseId).update();
  }

  public void recheckApplied(long caseId, String outcome, String reasons, Instant at) {
    jdbc.sql("update assistance_recheck set outcome = ?, reasons = ?, applied_at = ? where case_id = ?")
        .params(outcome, reasons, java.sql.Timestamp.from(at), caseId).update();
  }

  /** The case of the entitlement's re-check under way, if one is. */
  public Optional<Long> runningRecheck(long entitlementId) {
    return jdbc.sql("select r.case_id from assistance_recheck r join entitlement e on e.id = r.entitlement_id"
            + " join case_file c on c.id = r.case_id where e.id = ? and c.process_instance_id = e.recheck_instance_id")
        .param(entitlementId).query(Long.class).optional();
  }

  /** Re-check cases of the entitlements of households with this applicant phone. */
  public List<Long> recheckCasesByPhone(String phone) {
    return jdbc.sql("select r.case_id from assistance_recheck r join entitlement e on e.id = r.entitlement_id"
        + " join assistance_application a on a.case_id = e.case_id where a.applicant_phone = ?").param(phone).query(Long.class).list();
  }

  public void recheckStarted(long id, String processInstanceId) {
    jdbc.sql("update entitlement set recheck_instance_id = ? where id = ?").params(processInstanceId, id).update();
  }

  public void recheckDone(long id, LocalDate next) {
    jdbc.sql("update entitlement set recheck_instance_id = null, next_recheck_on = ? where id = ?")
        .params(Date.valueOf(next), id).update();
  }

  private static Entitlement map(ResultSet rs, int row) throws SQLException {
    int end = rs.getInt("end_period");
    Integer endPeriod = rs.wasNull() ? null : end;
    return new Entitlement(
        rs.getLong("id"),
        rs.getLong("case_id"),
        rs.getString("programme"),
        rs.getString("county_code"),
        rs.getString("division_code"),
        rs.getBigDecimal("current_amount"),
        month(rs.getInt("start_period")),
        endPeriod == null ? null : month(endPeriod),
        Entitlement.Status.valueOf(rs.getString("status")),
        rs.getInt("recheck_interval_months"),
        rs.getDate("next_recheck_on").toLocalDate(),
        rs.getString("recheck_instance_id") != null,
        rs.getTimestamp("created_at").toInstant());
  }
}
