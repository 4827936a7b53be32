package org.linli.assistance.internal;

import static org.linli.assistance.AssistanceProcess.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.linli.assistance.AssistanceFlowProperties;
import org.linli.assistance.AssistanceStandard;
import org.linli.assistance.AssistanceStandards;
import org.linli.assistance.HouseholdApplication;
import org.linli.assistance.PreCheck;
import org.linli.assistance.Programme;
import org.linli.calendar.WorkingCalendar;
import org.linli.casefile.CaseEventType;
import org.linli.casefile.CaseFiles;
import org.linli.system.Bilingual;
import org.linli.system.EngineClock;
import org.springframework.stereotype.Component;

/**
 * Task_Eligibility ({@code ${assistanceEligibility}}): asks assistance-eligibility.dmn about the
 * household, with the figures recorded by verification, the standard in force today and the
 * application as entered; records the outcome, which the entitlement reads later. Nothing of it
 * comes from process variables: a variable named {@code standard} or {@code householdSize} changes
 * nothing. The gateway right after reads the outcome from the {@code eligible} variable, in the same
 * transaction.
 */
@Component
class EligibilityAssessment {

  /** The outcome, for the gateway after the step. */
  record Outcome(boolean eligible, String reason) {}

  private final CaseFiles cases;
  private final AssistanceApplicationRepository applications;
  private final AssessmentRepository assessments;
  private final AssistanceStandards standards;
  private final AssistanceFlowProperties properties;
  private final DecisionService decisions;
  private final WorkingCalendar calendar;

  EligibilityAssessment(CaseFiles cases, AssistanceApplicationRepository applications, AssessmentRepository assessments,
      AssistanceStandards standards, AssistanceFlowProperties properties, DecisionService decisions, WorkingCalendar calendar) {
    this.calendar = calendar;
    this.cases = cases;
    this.applications = applications;
    this.assessments = assessments;
    this.standards = standards;
    this.properties = properties;
    this.decisions = decisions;
  }

  /** Judges the household of case {@code caseId} (number {@code number}) at {@code step} and records the outcome. */
  Outcome assess(long caseId, String number, String step, String stepName) {
    HouseholdApplication a = applications.byCase(caseId)
        .orElseThrow(() -> new IllegalStateException("case " + caseId + " has no application")).application();
    AssessmentRepository.Assessment verified = assessments.byCase(caseId)
        .orElseThrow(() -> new IllegalStateException("case " + caseId + " has not been verified"));
    LocalDate today = calendar.today();
    AssistanceStandard s = standards.at(a.divisionCode(), today);
    PreCheck check = standards.preCheck(a, today);
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("programme", a.programme().name());
    inputs.put(IN_PER_CAPITA_INCOME, verified.perCapitaIncome().doubleValue());
    inputs.put(IN_STANDARD, s.minimumLiving().doubleValue());
    inputs.put(IN_SAVINGS_PER_CAPITA, verified.savingsPerCapita().doubleValue());
    inputs.put(IN_SAVINGS_LIMIT, s.savingsPerCapitaLimit().doubleValue());
    inputs.put(IN_VEHICLE_VALUE, verified.vehicleValue().doubleValue());
    inputs.put(IN_VEHICLE_LIMIT, s.vehicleValueLimit().doubleValue());
    inputs.put(IN_DWELLINGS, verified.dwellings());
    inputs.put(IN_MAX_DWELLINGS, s.maxDwellings());
    inputs.put(IN_HOUSEHOLD_SIZE, verified.householdSize());
    inputs.put(IN_TEKUN_GROUP, a.programme() != Programme.TEKUN
        || !check.codes().contains(PreCheck.Code.APPLICANT_NOT_IN_TEKUN_GROUP));
    inputs.put(IN_SUPPORT_STANDARD, s.extremePovertySupport().doubleValue());
    inputs.put(IN_ONE_OFF_AMOUNT, properties.temporaryAmount().doubleValue());
    DmnDecisionResultEntries r = decisions.evaluateDecisionByKey(ELIGIBILITY_DECISION).variables(inputs).evaluate()
        .getSingleResult();
    if (r == null || r.get("eligible") == null) {
      throw new IllegalStateException(ELIGIBILITY_DECISION + " gave no result for " + number);
    }
    boolean eligible = Boolean.TRUE.equals(r.get("eligible"));
    BigDecimal amount = r.get("monthlyAmount") == null ? BigDecimal.ZERO
        : new BigDecimal(r.get("monthlyAmount").toString()).setScale(2, RoundingMode.HALF_UP);
    String reason = r.get("reason") == null ? "" : r.get("reason").toString();
    assessments.assessed(caseId, eligible, eligible ? amount : null, reason, EngineClock.now());
    Bilingual.Halves why = Bilingual.split(reason);
    cases.recordStep(caseId, CaseEventType.COMPLETED, step, stepName, new Bilingual.Halves(
        (eligible ? "符合条件" : "不符合条件") + "：" + why.zh() + (eligible ? "；金额 " + amount.toPlainString() + " 元" : ""),
        (eligible ? "Eligible" : "Not eligible") + ": " + why.en() + (eligible ? "; amount " + amount.toPlainString() + " CNY" : "")));
    return new Outcome(eligible, reason);
  }
}
