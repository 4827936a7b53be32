package org.linli.assistance.payment.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** payment_batch and payment_line. */
@Repository
public class PaymentRepository {

  public record BatchRow(long id, String countyCode, int payPeriod, String fileName, int lineCount, BigDecimal total, String checksum) {}

  public record LineRow(int lineNo, String divisionCode, String caseNumber, String payeeName, String payeeIdMasked, BigDecimal amount) {}

  private final JdbcClient jdbc;

  PaymentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<BatchRow> batch(String county, YearMonth period) {
    return jdbc.sql("select id, county_code, pay_period, file_name, line_count, total_amount, checksum from payment_batch"
            + " where county_code = ? and pay_period = ?")
        .params(county, EntitlementRepository.period(period))
        .query((rs, n) -> new BatchRow(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getInt(5),
            rs.getBigDecimal(6), rs.getString(7)))
        .optional();
  }

  public List<String> countiesWithBatch(YearMonth period) {
    return jdbc.sql("select county_code from payment_batch where pay_period = ? order by county_code")
        .param(EntitlementRepository.period(period)).query(String.class).list();
  }

  /** Fails with a duplicate key while another run holds or has written the same county and month. */
  public long insertBatch(String county, YearMonth period, String fileName, Instant at) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("insert into payment_batch (county_code, pay_period, file_name, line_count, total_amount, checksum, created_at)"
            + " values (?, ?, ?, 0, 0, '', ?)")
        .params(county, EntitlementRepository.period(period), fileName, Timestamp.from(at))
        .update(key, "id");
    return key.getKey().longValue();
  }

  public void completeBatch(long id, int count, BigDecimal total, String checksum) {
    jdbc.sql("update payment_batch set line_count = ?, total_amount = ?, checksum = ? where id = ?")
        .params(count, total, checksum, id).update();
  }

  public boolean paid(long entitlementId, YearMonth period) {
    return jdbc.sql("select count(*) from payment_line where entitlement_id = ? and pay_period = ?")
        .params(entitlementId, EntitlementRepository.period(period)).query(Long.class).single() > 0;
  }

  public void insertLine(long entitlementId, YearMonth period, long batchId, LineRow line, Instant at) {
    jdbc.sql("insert into payment_line (entitlement_id, pay_period, batch_id, line_no, division_code, case_number,"
            + " payee_name, payee_id_masked, amount, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(entitlementId, EntitlementRepository.period(period), batchId, line.lineNo(), line.divisionCode(),
            line.caseNumber(), line.payeeName(), line.payeeIdMasked(), line.amount(), Timestamp.from(at))
        .update();
  }

  public List<LineRow> lines(long batchId) {
    return jdbc.sql("select line_no, division_code, case_number, payee_name, payee_id_masked, amount from payment_line"
            + " where batch_id = ? order by line_no")
        .param(batchId)
        .query((rs, n) -> new LineRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getBigDecimal(6)))
        .list();
  }
}
