package org.linli.assistance.internal;

import static org.linli.assistance.AssistanceProcess.*;

import java.math.BigDecimal;
import java.time.YearMonth;
import org.linli.assistance.AssistanceFlowProperties;
import org.linli.assistance.EntitlementSink;
import org.linli.assistance.Programme;
import org.linli.calendar.WorkingCalendar;
import org.linli.casefile.CaseEventType;
import org.linli.casefile.CaseFiles;
import org.linli.system.Bilingual;
import org.linli.system.EngineClock;
import org.springframework.stereotype.Component;

/**
 * Opens the entitlement through {@link EntitlementSink} (payments' seam), for
 * the programme of the application and the amount the eligibility step recorded. Monthly
 * programmes start the month after approval; temporary help is paid in the month granted. On
 * Task_OpenUrgentEntitlement it opens the urgent one-off; an urgent case later approved is not paid
 * twice.
 */
@Component
class EntitlementOpening {

  private final EntitlementSink sink;
  private final CaseFiles cases;
  private final AssistanceFlowProperties properties;
  private final AssistanceApplicationRepository applications;
  private final AssessmentRepository assessments;
  private final WorkingCalendar calendar;

  EntitlementOpening(EntitlementSink sink, CaseFiles cases, AssistanceFlowProperties properties,
      AssistanceApplicationRepository applications, AssessmentRepository assessments, WorkingCalendar calendar) {
    this.sink = sink;
    this.cases = cases;
    this.properties = properties;
    this.applications = applications;
    this.assessments = assessments;
    this.calendar = calendar;
  }

  /** Opens the entitlement of case {@code caseId} at {@code step}: the urgent one-off at Task_OpenUrgentEntitlement. */
  void open(long caseId, String step, String stepName) {
    Programme programme = applications.byCase(caseId)
        .orElseThrow(() -> new IllegalStateException("case " + caseId + " has no application")).application().programme();
    YearMonth now = YearMonth.from(EngineClock.now().atZone(calendar.zone()));
    boolean urgentStep = TASK_OPEN_URGENT.equals(step);
    if (!urgentStep && programme == Programme.LINSHI && sink.opened(caseId).isPresent()) {
      cases.recordStep(caseId, CaseEventType.COMPLETED, step, stepName,
          new Bilingual.Halves("先行救助已发放，不重复发放", "Urgent help already paid; nothing more opened"));
      return;
    }
    BigDecimal amount = urgentStep ? properties.temporaryAmount() : assessedAmount(caseId);
    YearMonth start = programme == Programme.LINSHI ? now : now.plusMonths(1);
    sink.open(caseId, programme.name(), amount, start);
    cases.recordStep(caseId, CaseEventType.COMPLETED, step, stepName, new Bilingual.Halves(
        (urgentStep ? "先行救助 " : "待遇已开通 ") + programme.nameZh() + " " + amount.toPlainString() + " 元，自 " + start + " 起",
        (urgentStep ? "Urgent help " : "Entitlement opened ") + programme.nameEn() + " " + amount.toPlainString() + " CNY from " + start));
  }

  /** The amount the eligibility step recorded for an eligible household. */
  private BigDecimal assessedAmount(long caseId) {
    return assessments.byCase(caseId).filter(a -> Boolean.TRUE.equals(a.eligible()) && a.monthlyAmount() != null)
        .map(AssessmentRepository.Assessment::monthlyAmount)
        .orElseThrow(() -> new IllegalStateException("case " + caseId + " has no eligible assessment: no entitlement opened"));
  }
}
