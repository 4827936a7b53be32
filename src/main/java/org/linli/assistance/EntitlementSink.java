package org.linli.assistance;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Optional;

/**
 * Where an approved application opens its entitlement (待遇). The seam between the assistance flow
 * and payments: the flow's service task {@code ${entitlementOpener}} calls the one bean of this type.
 * {@code org.linli.assistance.payment} implements it with {@code Entitlements.open(caseId, programme,
 * monthlyAmount, startMonth)}; a one-off programme (LINSHI) is paid in its first month only. Called inside the engine's transaction: throwing rolls the step back and retries it.
 * Must be idempotent per case (a retried job calls again).
 */
public interface EntitlementSink {

  /**
   * @param programme DIBAO, TEKUN (monthly) or LINSHI (one-off: the amount is paid once)
   * @param monthlyAmount CNY, two decimals
   * @param startMonth the first month paid
   */
  void open(long caseId, String programme, BigDecimal monthlyAmount, YearMonth startMonth);

  /** What the case's entitlement was opened with. */
  record Opened(BigDecimal monthlyAmount, YearMonth startMonth) {}

  /** The case's entitlement, if it has one already (an urgent one-off paid before the approval). */
  Optional<Opened> opened(long caseId);
}
