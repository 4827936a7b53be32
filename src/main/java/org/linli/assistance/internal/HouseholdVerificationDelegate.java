package org.linli.assistance.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.linli.assistance.HouseholdApplication;
import org.linli.assistance.HouseholdVerifier;
import org.linli.casefile.CaseFiles;
import org.linli.system.EngineClock;
import org.linli.system.ModelBean;
import org.springframework.stereotype.Component;

/**
 * Task_Verify (asyncBefore): asks the verifier and records what it confirmed, which the eligibility
 * step reads after the home visit. A failing verifier fails the job, which the engine retries and
 * then turns into an incident. The figures (incomes, savings) stay in Linli's tables: no process
 * variable carries them.
 */
@Component("householdVerification")
@ModelBean
class HouseholdVerificationDelegate implements JavaDelegate {

  private final HouseholdVerifier verifier;
  private final AssistanceApplicationRepository applications;
  private final AssessmentRepository assessments;
  private final CaseFiles cases;

  HouseholdVerificationDelegate(HouseholdVerifier verifier, AssistanceApplicationRepository applications,
      AssessmentRepository assessments, CaseFiles cases) {
    this.verifier = verifier;
    this.applications = applications;
    this.assessments = assessments;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long caseId = cases.caseIdOf(execution).orElseThrow(() -> new IllegalStateException("no case for " + execution.getId()));
    HouseholdApplication a = applications.byCase(caseId)
        .orElseThrow(() -> new IllegalStateException("case " + caseId + " has no application")).application();
    HouseholdVerifier.Verified v = verifier.verify(execution.getProcessBusinessKey(), a);
    assessments.verified(caseId, v, EngineClock.now());
    cases.record(execution, "COMPLETED", "核对完成 Verified (" + v.source() + ")" + (v.findings().isEmpty() ? ""
        : "：" + String.join("；", v.findings())));
  }
}
