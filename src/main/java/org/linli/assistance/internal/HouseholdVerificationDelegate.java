package org.linli.assistance.internal;

import org.linli.system.ModelBean;
import static org.linli.assistance.AssistanceProcess.*;

import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.linli.assistance.AssistanceFlowProperties;
import org.linli.assistance.AssistanceStandard;
import org.linli.assistance.AssistanceStandards;
import org.linli.assistance.HouseholdApplication;
import org.linli.assistance.HouseholdVerifier;
import org.linli.assistance.PreCheck;
import org.linli.assistance.Programme;
import org.linli.casefile.CaseFiles;
import org.linli.system.EngineClock;
import org.springframework.stereotype.Component;

/**
 * Task_Verify (asyncBefore): asks the verifier and sets the inputs of assistance-eligibility. A
 * failing verifier fails the job, which the engine retries and then turns into an incident.
 */
@Component("householdVerification")
@ModelBean
class HouseholdVerificationDelegate implements JavaDelegate {

  private final HouseholdVerifier verifier;
  private final AssistanceApplicationRepository applications;
  private final AssistanceStandards standards;
  private final AssistanceFlowProperties properties;
  private final CaseFiles cases;

  HouseholdVerificationDelegate(HouseholdVerifier verifier, AssistanceApplicationRepository applications,
      AssistanceStandards standards, AssistanceFlowProperties properties, CaseFiles cases) {
    this.verifier = verifier;
    this.applications = applications;
    this.standards = standards;
    this.properties = properties;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long caseId = cases.caseIdOf(execution).orElseThrow(() -> new IllegalStateException("no case for " + execution.getId()));
    HouseholdApplication a = applications.byCase(caseId)
        .orElseThrow(() -> new IllegalStateException("case " + caseId + " has no application")).application();
    HouseholdVerifier.Verified v = verifier.verify(execution.getProcessBusinessKey(), a);
    LocalDate today = LocalDate.ofInstant(EngineClock.now(), ZoneId.of("Asia/Shanghai"));
    AssistanceStandard s = standards.at(a.divisionCode(), today);
    PreCheck check = standards.preCheck(a, today);
    execution.setVariable(VAR_VERIFIED_BY, v.source());
    execution.setVariable(IN_PER_CAPITA_INCOME, v.perCapitaIncome().doubleValue());
    execution.setVariable(IN_STANDARD, s.minimumLiving().doubleValue());
    execution.setVariable(IN_SAVINGS_PER_CAPITA, v.savingsPerCapita().doubleValue());
    execution.setVariable(IN_SAVINGS_LIMIT, s.savingsPerCapitaLimit().doubleValue());
    execution.setVariable(IN_VEHICLE_VALUE, v.vehicleValue().doubleValue());
    execution.setVariable(IN_VEHICLE_LIMIT, s.vehicleValueLimit().doubleValue());
    execution.setVariable(IN_DWELLINGS, v.dwellings());
    execution.setVariable(IN_MAX_DWELLINGS, s.maxDwellings());
    execution.setVariable(IN_HOUSEHOLD_SIZE, v.householdSize());
    execution.setVariable(IN_TEKUN_GROUP, a.programme() != Programme.TEKUN
        || !check.codes().contains(PreCheck.Code.APPLICANT_NOT_IN_TEKUN_GROUP));
    execution.setVariable(IN_SUPPORT_STANDARD, s.extremePovertySupport().doubleValue());
    execution.setVariable(IN_ONE_OFF_AMOUNT, properties.temporaryAmount().doubleValue());
    cases.record(execution, "COMPLETED", "核对完成 Verified (" + v.source() + ")：人均月收入 per-capita income "
        + v.perCapitaIncome().toPlainString() + (v.findings().isEmpty() ? "" : "；" + String.join("；", v.findings())));
  }
}
