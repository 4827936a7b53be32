package org.linli.assistance.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.assistance.payment.PaymentFixtures.*;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.linli.assistance.AssistanceFiles;
import org.linli.casefile.CaseFiles;
import org.linli.request.RequestIntake;
import org.linli.support.LinliIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The monthly run and its bank file. Tests share one database, so each test pays months of its own
 * and checks its own households' lines, and the whole file's count, total and checksum.
 */
@LinliIntegrationTest
class PaymentRunTests {

  static final String COUNTY = "330106";

  @Autowired Entitlements entitlements;
  @Autowired PaymentRun run;
  @Autowired RequestIntake intake;
  @Autowired CaseFiles cases;
  @Autowired AssistanceFiles files;
  @Autowired JdbcClient jdbc;
  @Autowired org.linli.assistance.EntitlementSink sink;

  Entitlement open(String applicant, String seq, String amount, YearMonth start) {
    long caseId = newCase(intake, cases);
    household(files, caseId, applicant, seq, false);
    return entitlements.open(caseId, "DIBAO", new BigDecimal(amount), start);
  }

  String caseNumber(Entitlement e) {
    return cases.byId(e.caseId()).orElseThrow().caseNumber();
  }

  /** Checks the file's shape and figures; returns its household lines. */
  static List<String[]> checkedLines(PaymentBatch batch) throws Exception {
    byte[] bytes = Files.readAllBytes(batch.file());
    assertThat(bytes[0]).as("no BOM").isEqualTo((byte) 'l');
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertThat(text).endsWith("\n");
    List<String> lines = text.lines().toList();
    assertThat(lines.get(0)).isEqualTo("line_no,county_code,township_code,village_code,case_number,payee_name,payee_id_masked,amount,pay_period");
    String last = lines.get(lines.size() - 1);
    String body = text.substring(0, text.length() - last.length() - 1);
    List<String[]> data = lines.subList(1, lines.size() - 1).stream().map(l -> l.split(",", -1)).toList();
    BigDecimal sum = data.stream().map(f -> new BigDecimal(f[7])).reduce(BigDecimal.ZERO, BigDecimal::add);
    var sha = java.util.HexFormat.of().formatHex(
        java.security.MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
    assertThat(last).isEqualTo("TOTAL," + data.size() + "," + sum.setScale(2).toPlainString() + "," + sha);
    for (int i = 0; i < data.size(); i++) {
      assertThat(data.get(i)[0]).isEqualTo(String.valueOf(i + 1));
      assertThat(data.get(i)[1]).isEqualTo(COUNTY);
      assertThat(data.get(i)[8]).isEqualTo(String.valueOf(batch.period().getYear() * 100 + batch.period().getMonthValue()));
    }
    assertThat(batch.lineCount()).isEqualTo(data.size());
    assertThat(batch.total()).isEqualByComparingTo(sum);
    assertThat(batch.checksum()).isEqualTo(sha);
    assertThat(batch.file().getFileName().toString()).isEqualTo("yikatong-" + COUNTY + "-" + last(batch) + ".csv");
    return data;
  }

  static String last(PaymentBatch b) {
    return String.valueOf(b.period().getYear() * 100 + b.period().getMonthValue());
  }

  static String[] lineOf(List<String[]> lines, String caseNumber) {
    return lines.stream().filter(f -> f[4].equals(caseNumber)).findFirst().orElse(null);
  }

  @Test
  void aMonthsFileCarriesEachHouseholdOnceWithCountTotalAndChecksum() throws Exception {
    Entitlement a = open("王大山", "211", "850.50", YearMonth.of(2030, 1));
    Entitlement b = open("刘小河", "213", "1200.00", YearMonth.of(2030, 1));
    Entitlement later = open("陈晚来", "215", "700.00", YearMonth.of(2030, 2));

    PaymentBatch batch = run.run(COUNTY, YearMonth.of(2030, 1));
    List<String[]> lines = checkedLines(batch);
    String[] la = lineOf(lines, caseNumber(a));
    assertThat(la).containsExactly(la[0], COUNTY, "330106002", TAOYUAN, caseNumber(a), "王大山", la[6], "850.50", "203001");
    assertThat(la[6]).matches("330106\\*{8}\\d{3}[0-9X]").doesNotContain("1951");
    assertThat(lineOf(lines, caseNumber(b))[7]).isEqualTo("1200.00");
    assertThat(lineOf(lines, caseNumber(later))).as("not before its first month").isNull();
    assertThat(run.run(YearMonth.of(2030, 1))).extracting(PaymentBatch::id).containsExactly(batch.id());
  }

  @Test
  void adjustmentsApplyFromTheirMonthAndEndedEntitlementsAreNotPaid() throws Exception {
    Entitlement a = open("赵调整", "221", "900.00", YearMonth.of(2032, 1));
    Entitlement b = open("钱终止", "223", "600.00", YearMonth.of(2032, 1));
    entitlements.adjust(a.id(), new BigDecimal("1000.00"), YearMonth.of(2032, 3), "家庭人口减少 fewer members");
    entitlements.end(b.id(), YearMonth.of(2032, 2), "收入超过标准 income above the standard");
    assertThat(entitlements.byId(b.id()).orElseThrow().status()).isEqualTo(Entitlement.Status.ENDED);

    List<String[]> feb = checkedLines(run.run(COUNTY, YearMonth.of(2032, 2)));
    assertThat(lineOf(feb, caseNumber(a))[7]).isEqualTo("900.00");
    assertThat(lineOf(feb, caseNumber(b))[7]).as("its last month is paid").isEqualTo("600.00");
    List<String[]> mar = checkedLines(run.run(COUNTY, YearMonth.of(2032, 3)));
    assertThat(lineOf(mar, caseNumber(a))[7]).isEqualTo("1000.00");
    assertThat(lineOf(mar, caseNumber(b))).isNull();
    assertThat(entitlements.active(YearMonth.of(2032, 3))).extracting(Entitlement::id).contains(a.id()).doesNotContain(b.id());
  }

  @Test
  void openIsIdempotentPerCaseAndTheSinkOpensToo() {
    long caseId = newCase(intake, cases);
    sink.open(caseId, "DIBAO", new BigDecimal("500.00"), YearMonth.of(2033, 1));
    Entitlement again = entitlements.open(caseId, "DIBAO", new BigDecimal("999.00"), YearMonth.of(2033, 5));
    assertThat(again.monthlyAmount()).isEqualByComparingTo("500.00");
    assertThat(again.startMonth()).isEqualTo(YearMonth.of(2033, 1));
    assertThat(jdbc.sql("select count(*) from entitlement where case_id = ?").param(caseId).query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void temporaryAssistanceIsPaidInItsFirstMonthOnly() {
    long caseId = newCase(intake, cases);
    sink.open(caseId, "LINSHI", new BigDecimal("2000.00"), YearMonth.of(2034, 3));
    sink.open(caseId, "LINSHI", new BigDecimal("2000.00"), YearMonth.of(2034, 3)); // a retried step
    Entitlement e = entitlements.byCase(caseId).orElseThrow();
    assertThat(e.endMonth()).isEqualTo(YearMonth.of(2034, 3));
    assertThat(e.paidIn(YearMonth.of(2034, 3))).isTrue();
    assertThat(e.paidIn(YearMonth.of(2034, 4))).isFalse();
  }

  @Test
  void theJobTwiceWritesNothingNewAndTheSameFile() throws Exception {
    Entitlement a = open("孙两次", "231", "800.00", YearMonth.of(2034, 1));
    PaymentBatch first = run.run(COUNTY, YearMonth.of(2034, 4));
    byte[] bytes = Files.readAllBytes(first.file());
    long rows = lines(YearMonth.of(2034, 4));
    open("周迟到", "233", "300.00", YearMonth.of(2034, 4)); // opened after the month's batch

    Files.delete(first.file());
    PaymentBatch second = run.run(COUNTY, YearMonth.of(2034, 4));
    assertThat(second.id()).isEqualTo(first.id());
    assertThat(lines(YearMonth.of(2034, 4))).isEqualTo(rows);
    assertThat(Files.readAllBytes(second.file())).isEqualTo(bytes);
    assertThat(lineOf(checkedLines(second), caseNumber(a))).isNotNull();
  }

  @Test
  void twoRunsOfTheSameMonthAtOncePayEachHouseholdOnce() throws Exception {
    Entitlement a = open("吴并发", "241", "820.00", YearMonth.of(2036, 1));
    Entitlement b = open("郑并发", "243", "640.00", YearMonth.of(2036, 1));
    YearMonth period = YearMonth.of(2036, 6);
    CountDownLatch go = new CountDownLatch(1);
    Callable<PaymentBatch> task = () -> {
      go.await();
      return run.run(COUNTY, period);
    };
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<PaymentBatch> f1 = pool.submit(task);
      Future<PaymentBatch> f2 = pool.submit(task);
      go.countDown();
      PaymentBatch b1 = f1.get();
      PaymentBatch b2 = f2.get();
      assertThat(b1.id()).isEqualTo(b2.id());
      assertThat(b1.checksum()).isEqualTo(b2.checksum());
    } finally {
      pool.shutdown();
    }
    for (Entitlement e : List.of(a, b)) {
      assertThat(jdbc.sql("select count(*) from payment_line where entitlement_id = ? and pay_period = 203606")
          .param(e.id()).query(Long.class).single()).isEqualTo(1);
    }
    assertThat(jdbc.sql("select count(*) from payment_batch where pay_period = 203606").query(Long.class).single()).isEqualTo(1);
    checkedLines(run.run(COUNTY, period));
  }

  long lines(YearMonth p) {
    return jdbc.sql("select count(*) from payment_line where pay_period = ?").param(p.getYear() * 100 + p.getMonthValue())
        .query(Long.class).single();
  }

}
