package org.linli.assistance.payment.internal;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Optional;
import org.linli.assistance.EntitlementSink;
import org.linli.assistance.payment.Entitlements;
import org.springframework.stereotype.Component;

/** The application flow's seam: an approved case opens its entitlement here (idempotent per case). */
@Component
class EntitlementSinkImpl implements EntitlementSink {

  private final Entitlements entitlements;

  EntitlementSinkImpl(Entitlements entitlements) {
    this.entitlements = entitlements;
  }

  @Override
  public void open(long caseId, String programme, BigDecimal monthlyAmount, YearMonth startMonth) {
    var entitlement = entitlements.open(caseId, programme, monthlyAmount, startMonth);
    if ("LINSHI".equals(programme) && entitlement.endMonth() == null) {
      // temporary assistance is paid once: its first month is its last
      entitlements.end(entitlement.id(), startMonth, "一次性临时救助 one-off temporary assistance");
    }
  }

  @Override
  public Optional<Opened> opened(long caseId) {
    return entitlements.byCase(caseId).map(e -> new Opened(e.monthlyAmount(), e.startMonth()));
  }
}
