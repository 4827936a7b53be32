package org.linli.assistance.internal;

import static org.linli.assistance.AssistanceProcess.*;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.linli.approval.ApprovalProcess;
import org.linli.assistance.EntitlementSink;
import org.linli.assistance.HouseholdApplication;
import org.linli.assistance.HouseholdMember;
import org.linli.assistance.Programme;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseVariables;
import org.linli.notification.NotificationType;
import org.linli.notification.Notifications;
import org.linli.system.ModelBean;
import org.springframework.stereotype.Component;

/**
 * Tells the applicant the outcome (Task_NotifyApproved / Task_NotifyRejected): on the timeline, and by
 * mail through the outbox (sent after commit) where an e-mail is known. A refusal names the deciding
 * level (acceptance, eligibility, or an approval level), the reason and the right to administrative
 * reconsideration within 60 days. The mail carries no ID number.
 */
@Component("assistanceDecisionNotice")
@ModelBean
class DecisionNoticeDelegate implements JavaDelegate {

  private final CaseFiles cases;
  private final AssistanceApplicationRepository applications;
  private final Notifications notifications;
  private final EntitlementSink entitlements;

  DecisionNoticeDelegate(CaseFiles cases, AssistanceApplicationRepository applications, Notifications notifications,
      EntitlementSink entitlements) {
    this.cases = cases;
    this.applications = applications;
    this.notifications = notifications;
    this.entitlements = entitlements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = execution.getProcessBusinessKey();
    CaseFile c = cases.byNumber(number).orElseThrow(() -> new IllegalStateException("no case " + number));
    boolean approved = TASK_NOTIFY_APPROVED.equals(execution.getCurrentActivityId());
    Optional<HouseholdApplication> application = applications.byCase(c.id()).map(AssistanceApplicationRepository.Stored::application);
    Programme programme = application.orElseThrow(() -> new IllegalStateException("case " + number + " has no application"))
        .programme();
    Refusal refusal = approved ? null : refusal(execution);
    // what the entitlement was opened with (an urgent one-off may have been opened long before)
    Optional<EntitlementSink.Opened> opened = approved ? entitlements.opened(c.id()) : Optional.empty();
    if (approved && opened.isEmpty()) {
      throw new IllegalStateException("case " + number + " was approved but has no entitlement");
    }
    String amount = opened.map(o -> o.monthlyAmount().toPlainString()).orElse(null);
    String start = opened.map(o -> o.startMonth().toString()).orElse(null);
    String email = application.map(HouseholdApplication::applicantEmail).filter(e -> !e.isBlank()).orElse(null);
    String note = (approved
        ? "已告知申请人：批准 Applicant told: approved, " + amount + " 元 CNY" + (programme == Programme.LINSHI ? "" : "/月 a month")
            + "，自 from " + start
        : "已告知申请人：不予批准 Applicant told: refused by " + refusal.level() + " — " + refusal.reason() + "；可于"
            + RECONSIDERATION_DAYS + "日内申请行政复议 reconsideration may be asked within " + RECONSIDERATION_DAYS + " days")
        + (email != null ? "（邮件通知 by mail）" : "（无电子邮箱，由村（社区）书面送达 no e-mail: the village delivers the notice in writing）");
    cases.record(execution, "CLOSED", note);
    application.filter(a -> email != null)
        .ifPresent(a -> {
          String name = a.applicant().map(HouseholdMember::name).orElse(null);
          Map<String, Object> model = new HashMap<>();
          model.put("caseNumber", number);
          model.put("title", c.title());
          model.put("residentName", name);
          model.put("approved", approved);
          model.put("programmeName", programme.nameZh() + " " + programme.nameEn());
          model.put("oneOff", programme == Programme.LINSHI);
          model.put("amount", amount);
          model.put("startMonth", start);
          model.put("reason", approved ? null : refusal.reason());
          model.put("decidedBy", approved ? null : refusal.level());
          model.put("appealDays", RECONSIDERATION_DAYS);
          notifications.toAddress(NotificationType.ASSIST_DECISION, "assistance-decision:" + c.id(), email,
              name, model, c.id());
        });
  }

  /** Who refused and why. */
  record Refusal(String level, String reason) {}

  /**
   * The refusal that led here. Task_NotifyRejected follows the refusing step directly, so the last
   * decision tells a refusal at acceptance; an approval's outcome and the eligibility result are
   * checked after it, as a file returned by an approval and then refused at acceptance keeps both.
   */
  static Refusal refusal(DelegateExecution execution) {
    if (REJECT.equals(execution.getVariable(CaseVariables.DECISION))) {
      return new Refusal(LEVEL_ACCEPTANCE, text(execution.getVariable(CaseVariables.COMMENT), "不予受理 not accepted"));
    }
    if (ApprovalProcess.Outcome.REJECTED.name().equals(execution.getVariable(ApprovalProcess.VAR_OUTCOME))) {
      return new Refusal(text(execution.getVariable(ApprovalProcess.VAR_LEVEL), "审核审批 Approval"),
          text(execution.getVariable(ApprovalProcess.VAR_REASONS), "审批未通过 not approved"));
    }
    if (Boolean.FALSE.equals(execution.getVariable(VAR_ELIGIBLE))) {
      return new Refusal(LEVEL_ELIGIBILITY, text(execution.getVariable(VAR_ELIGIBILITY_REASON), "不符合条件 not eligible"));
    }
    throw new IllegalStateException("no refusal recorded for " + execution.getProcessBusinessKey());
  }

  private static String text(Object value, String otherwise) {
    return value == null || value.toString().isBlank() ? otherwise : value.toString().strip();
  }
}
