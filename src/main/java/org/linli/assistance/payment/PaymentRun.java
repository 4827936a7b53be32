package org.linli.assistance.payment;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.linli.assistance.AssistanceFiles;
import org.linli.assistance.HouseholdView;
import org.linli.assistance.Relation;
import org.linli.assistance.payment.internal.EntitlementRepository;
import org.linli.assistance.payment.internal.PaymentFiles;
import org.linli.assistance.payment.internal.PaymentRepository;
import org.linli.assistance.payment.internal.PaymentRepository.BatchRow;
import org.linli.assistance.payment.internal.PaymentRepository.LineRow;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.system.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.linli.calendar.WorkingCalendar;

/**
 * The monthly payment run: one payment line per household paid in the month, one batch and one bank
 * file per county. A month's batch is written once, in one transaction: a second run (again, or on
 * another node at the same time) finds it and only writes the same file again from the stored lines.
 */
@Service
public class PaymentRun {

  private static final Logger log = LoggerFactory.getLogger(PaymentRun.class);

  private final EntitlementRepository entitlements;
  private final PaymentRepository payments;
  private final CaseFiles cases;
  private final AssistanceFiles households;
  private final PaymentProperties properties;
  private final java.time.ZoneId zone;
  private final TransactionTemplate tx;

  PaymentRun(EntitlementRepository entitlements, PaymentRepository payments, CaseFiles cases,
      AssistanceFiles households, PaymentProperties properties, TransactionTemplate tx, WorkingCalendar calendar) {
    this.zone = calendar.zone();
    this.entitlements = entitlements;
    this.payments = payments;
    this.cases = cases;
    this.households = households;
    this.properties = properties;
    this.tx = tx;
  }

  /** Pays the month in every county that has households to pay; returns each county's batch. */
  public List<PaymentBatch> run(YearMonth period) {
    TreeSet<String> counties = new TreeSet<>(entitlements.countiesActiveIn(period));
    counties.addAll(payments.countiesWithBatch(period));
    List<PaymentBatch> batches = new ArrayList<>();
    for (String county : counties) {
      batches.add(run(county, period));
    }
    return batches;
  }

  /** The job's task: the current month in the configured zone, by the engine clock. */
  public List<PaymentBatch> runCurrentMonth() {
    return run(YearMonth.from(EngineClock.now().atZone(zone)));
  }

  /** Pays one county's month (once) and writes its file (each time). */
  public PaymentBatch run(String county, YearMonth period) {
    BatchRow batch = null;
    for (int attempt = 0; batch == null; attempt++) {
      try {
        batch = tx.execute(s -> payments.batch(county, period).orElseGet(() -> pay(county, period)));
      } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
        // another run holds or wrote this month's batch: read what it wrote
        if (attempt >= 3) {
          throw e;
        }
        log.info("Payment batch {} {} written concurrently; reading it", county, period);
      }
    }
    List<LineRow> lines = payments.lines(batch.id());
    String body = PaymentFiles.body(county, period, lines);
    String content = body + PaymentFiles.totalLine(lines.size(), PaymentFiles.total(lines), PaymentFiles.sha256(body));
    var file = PaymentFiles.write(properties.directory(), batch.fileName(), content);
    return new PaymentBatch(batch.id(), county, period, batch.fileName(), file, batch.lineCount(), batch.total(), batch.checksum());
  }

  private BatchRow pay(String county, YearMonth period) {
    String fileName = PaymentFiles.fileName(county, period);
    // the batch row first: its unique key makes a concurrent run of the month wait here, then fail
    long batchId = payments.insertBatch(county, period, fileName, EngineClock.now());
    List<LineRow> lines = new ArrayList<>();
    record Due(Entitlement entitlement, CaseFile caseFile) {}
    List<Due> due = entitlements.activeInCounty(county, period).stream()
        .filter(e -> !payments.paid(e.id(), period))
        .map(e -> new Due(e, cases.byId(e.caseId()).orElseThrow()))
        .sorted(java.util.Comparator.comparing((Due d) -> d.caseFile().divisionCode()).thenComparing(d -> d.caseFile().caseNumber()))
        .toList();
    for (Due d : due) {
      Entitlement e = d.entitlement();
      CaseFile c = d.caseFile();
      String[] payee = payee(e.caseId());
      BigDecimal amount = entitlements.amountIn(e.id(), period);
      LineRow line = new LineRow(lines.size() + 1, c.divisionCode(), c.caseNumber(), payee[0], payee[1], amount);
      payments.insertLine(e.id(), period, batchId, line, EngineClock.now());
      lines.add(line);
    }
    String checksum = PaymentFiles.sha256(PaymentFiles.body(county, period, lines));
    BigDecimal total = PaymentFiles.total(lines);
    payments.completeBatch(batchId, lines.size(), total, checksum);
    log.info("Payment batch {} {}: {} households, {} CNY", county, period, lines.size(), total);
    return new BatchRow(batchId, county, EntitlementRepository.period(period), fileName, lines.size(), total, checksum);
  }

  /** The applicant's name and masked ID number: the bank matches the card by case number and name. */
  private String[] payee(long caseId) {
    return households.view(caseId)
        .flatMap(v -> v.members().stream().filter(m -> m.relation() == Relation.SELF).findFirst())
        .map((HouseholdView.Member m) -> new String[] {m.name(), m.maskedIdNumber()})
        .orElse(new String[] {"", ""});
  }
}
