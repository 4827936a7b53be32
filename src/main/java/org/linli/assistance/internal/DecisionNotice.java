package org.linli.assistance.internal;

import static org.linli.assistance.AssistanceProcess.*;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.linli.approval.ApprovalProcess;
import org.linli.assistance.AssistanceProcess;
import org.linli.assistance.EntitlementSink;
import org.linli.assistance.HouseholdApplication;
import org.linli.assistance.HouseholdMember;
import org.linli.assistance.Programme;
import org.linli.casefile.CaseEventType;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.notification.NotificationType;
import org.linli.notification.Notifications;
import org.linli.system.Bilingual;
import org.springframework.stereotype.Component;

/**
 * Tells the applicant the outcome (Task_NotifyApproved / Task_NotifyRejected): on the timeline, and by
 * mail through the outbox (sent after commit) where an e-mail is known. A refusal names the deciding
 * level (acceptance, eligibility, or an approval level), the reason and the right to administrative
 * reconsideration within 60 days. The mail carries no ID number.
 */
@Component
class DecisionNotice {

  /**
   * What the steps before the notice decided, as their variables carry it to this step (in the
   * same transaction): the acceptance's {@code decision} and {@code comment}, the approval's
   * outcome, level and reasons, and the eligibility result and its reason.
   */
  record Decided(String decision, String comment, String approvalOutcome, String approvalLevel, String approvalReasons,
      Boolean eligible, String eligibilityReason) {}

  private final CaseFiles cases;
  private final AssistanceApplicationRepository applications;
  private final Notifications notifications;
  private final EntitlementSink entitlements;

  DecisionNotice(CaseFiles cases, AssistanceApplicationRepository applications, Notifications notifications,
      EntitlementSink entitlements) {
    this.cases = cases;
    this.applications = applications;
    this.notifications = notifications;
    this.entitlements = entitlements;
  }

  /**
   * Tells the applicant of case {@code number} at {@code step}: {@link AssistanceProcess#TASK_NOTIFY_APPROVED}
   * tells an approval, any other step a refusal.
   */
  void tell(String number, String step, String stepName, Decided decided) {
    CaseFile c = cases.byNumber(number).orElseThrow(() -> new IllegalStateException("no case " + number));
    boolean approved = TASK_NOTIFY_APPROVED.equals(step);
    Optional<HouseholdApplication> application = applications.byCase(c.id()).map(AssistanceApplicationRepository.Stored::application);
    Programme programme = application.orElseThrow(() -> new IllegalStateException("case " + number + " has no application"))
        .programme();
    Refusal refusal = approved ? null : refusal(number, decided);
    // what the entitlement was opened with (an urgent one-off may have been opened long before)
    Optional<EntitlementSink.Opened> opened = approved ? entitlements.opened(c.id()) : Optional.empty();
    if (approved && opened.isEmpty()) {
      throw new IllegalStateException("case " + number + " was approved but has no entitlement");
    }
    String amount = opened.map(o -> o.monthlyAmount().toPlainString()).orElse(null);
    String start = opened.map(o -> o.startMonth().toString()).orElse(null);
    String email = application.map(HouseholdApplication::applicantEmail).filter(e -> !e.isBlank()).orElse(null);
    boolean monthly = programme != Programme.LINSHI;
    Bilingual.Halves note = new Bilingual.Halves(
        (approved
            ? "已告知申请人：批准，" + amount + " 元" + (monthly ? "/月" : "") + "，自 " + start + " 起"
            : "已告知申请人：不予批准（" + refusal.level() + "）：" + refusal.reason() + "；可于" + RECONSIDERATION_DAYS + "日内申请行政复议")
            + (email != null ? "（邮件通知）" : "（无电子邮箱，由村（社区）书面送达）"),
        (approved
            ? "Applicant told: approved, " + amount + " CNY" + (monthly ? " a month" : "") + " from " + start
            : "Applicant told: refused by " + refusal.level() + " — " + refusal.reason() + "; reconsideration may be asked within "
                + RECONSIDERATION_DAYS + " days")
            + (email != null ? " (by mail)" : " (no e-mail: the village delivers the notice in writing)"));
    cases.recordStep(c.id(), CaseEventType.CLOSED, step, stepName, note);
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
  static Refusal refusal(String number, Decided d) {
    if (REJECT.equals(d.decision())) {
      return new Refusal(LEVEL_ACCEPTANCE, text(d.comment(), "不予受理 not accepted"));
    }
    if (ApprovalProcess.Outcome.REJECTED.name().equals(d.approvalOutcome())) {
      return new Refusal(text(d.approvalLevel(), "审核审批 Approval"), text(d.approvalReasons(), "审批未通过 not approved"));
    }
    if (Boolean.FALSE.equals(d.eligible())) {
      return new Refusal(LEVEL_ELIGIBILITY, text(d.eligibilityReason(), "不符合条件 not eligible"));
    }
    throw new IllegalStateException("no refusal recorded for " + number);
  }

  private static String text(String value, String otherwise) {
    return value == null || value.isBlank() ? otherwise : value.strip();
  }
}
