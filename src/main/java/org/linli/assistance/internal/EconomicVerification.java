package org.linli.assistance.internal;

import java.util.List;
import org.linli.assistance.HouseholdApplication;
import org.linli.assistance.HouseholdVerifier;
import org.linli.casefile.CaseEventType;
import org.linli.casefile.CaseFiles;
import org.linli.system.Bilingual;
import org.linli.system.EngineClock;
import org.springframework.stereotype.Component;

/**
 * Task_Verify (asyncBefore): asks the verifier and records what it confirmed, which the eligibility
 * step reads after the home visit. A failing verifier fails the job, which the engine retries and
 * then turns into an incident. The figures (incomes, savings) stay in Linli's tables: no process
 * variable carries them.
 */
@Component
class EconomicVerification {

  private final HouseholdVerifier verifier;
  private final AssistanceApplicationRepository applications;
  private final AssessmentRepository assessments;
  private final CaseFiles cases;

  EconomicVerification(HouseholdVerifier verifier, AssistanceApplicationRepository applications,
      AssessmentRepository assessments, CaseFiles cases) {
    this.verifier = verifier;
    this.applications = applications;
    this.assessments = assessments;
    this.cases = cases;
  }

  /** Verifies the household of case {@code caseId} (number {@code number}) at {@code step}. */
  void verify(long caseId, String number, String step, String stepName) {
    HouseholdApplication a = applications.byCase(caseId)
        .orElseThrow(() -> new IllegalStateException("case " + caseId + " has no application")).application();
    HouseholdVerifier.Verified v = verifier.verify(number, a);
    assessments.verified(caseId, v, EngineClock.now());
    List<Bilingual.Halves> findings = v.findings().stream().map(Bilingual::split).toList();
    cases.recordStep(caseId, CaseEventType.COMPLETED, step, stepName, new Bilingual.Halves(
        "核对完成（" + v.source() + "）" + (findings.isEmpty() ? "" : "：" + String.join("；", findings.stream().map(Bilingual.Halves::zh).toList())),
        "Verified (" + v.source() + ")" + (findings.isEmpty() ? "" : ": " + String.join("; ", findings.stream().map(Bilingual.Halves::en).toList()))));
  }
}
