package org.linli.assistance;

import java.math.BigDecimal;
import java.time.YearMonth;

/** Where an approved case opens its entitlement; the payments feature implements it. */
public interface EntitlementSink {

  void open(long caseId, String programme, BigDecimal monthlyAmount, YearMonth startMonth);
}
