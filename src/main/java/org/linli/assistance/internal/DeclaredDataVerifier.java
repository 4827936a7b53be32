package org.linli.assistance.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.linli.assistance.AssistanceStandards;
import org.linli.assistance.Assets;
import org.linli.assistance.Eligibility;
import org.linli.assistance.HouseholdApplication;
import org.linli.assistance.HouseholdVerifier;
import org.linli.assistance.PreCheck;
import org.linli.calendar.WorkingCalendar;

/** The default verifier: takes the declared figures as they are and notes the pre-check's findings. */
public class DeclaredDataVerifier implements HouseholdVerifier {

  public static final String SOURCE = "DECLARED";

  private final AssistanceStandards standards;

  private final WorkingCalendar calendar;

  public DeclaredDataVerifier(AssistanceStandards standards, WorkingCalendar calendar) {
    this.standards = standards;
    this.calendar = calendar;
  }

  @Override
  public Verified verify(String caseNumber, HouseholdApplication a) {
    PreCheck check = standards.preCheck(a, calendar.today());
    int n = a.members().size();
    Assets assets = a.assets();
    return new Verified(SOURCE, Eligibility.perCapitaIncome(a.members()),
        perCapita(assets.savings().add(assets.businessValueOrZero()), n), assets.vehicleValue(), assets.dwellings(), n,
        check.findings().stream().map(PreCheck.Finding::message).toList());
  }

  static BigDecimal perCapita(BigDecimal total, int n) {
    return total.divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP);
  }
}
