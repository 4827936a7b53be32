package org.linli.assistance.internal;

import static org.linli.assistance.AssistanceProcess.*;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.linli.approval.ApprovalProcess;
import org.linli.assistance.HouseholdMember;
import org.linli.assistance.Programme;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.notification.NotificationType;
import org.linli.notification.Notifications;
import org.springframework.stereotype.Component;

/**
 * Tells the applicant the outcome (Task_NotifyApproved / Task_NotifyRejected): on the timeline, and by
 * mail through the outbox (sent after commit) where an e-mail is known. A refusal names the reason
 * and the right to administrative reconsideration within 60 days.
 */
@Component("assistanceDecisionNotice")
class DecisionNoticeDelegate implements JavaDelegate {

  private final CaseFiles cases;
  private final AssistanceApplicationRepository applications;
  private final Notifications notifications;

  DecisionNoticeDelegate(CaseFiles cases, AssistanceApplicationRepository applications, Notifications notifications) {
    this.cases = cases;
    this.applications = applications;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = execution.getProcessBusinessKey();
    CaseFile c = cases.byNumber(number).orElseThrow(() -> new IllegalStateException("no case " + number));
    boolean approved = TASK_NOTIFY_APPROVED.equals(execution.getCurrentActivityId());
    Programme programme = Programme.valueOf((String) execution.getVariable(VAR_PROGRAMME));
    String reason = reason(execution);
    String amount = (String) execution.getVariable(VAR_MONTHLY_AMOUNT);
    String start = (String) execution.getVariable(VAR_START_MONTH);
    String note = approved
        ? "已告知申请人：批准 Applicant told: approved, " + amount + " 元 CNY" + (programme == Programme.LINSHI ? "" : "/月 a month")
            + "，自 from " + start
        : "已告知申请人：不予批准 Applicant told: refused — " + reason + "；可于" + RECONSIDERATION_DAYS
            + "日内申请行政复议 reconsideration may be asked within " + RECONSIDERATION_DAYS + " days";
    cases.record(execution, "CLOSED", note);
    applications.byCase(c.id()).map(AssistanceApplicationRepository.Stored::application)
        .filter(a -> a.applicantEmail() != null)
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
          model.put("reason", approved ? null : reason);
          model.put("appealDays", RECONSIDERATION_DAYS);
          notifications.toAddress(NotificationType.ASSIST_DECISION, "assistance-decision:" + c.id(), a.applicantEmail(),
              name, model, c.id());
        });
  }

  private static String reason(DelegateExecution execution) {
    if (Boolean.FALSE.equals(execution.getVariable(VAR_ELIGIBLE))) {
      return (String) execution.getVariable(VAR_ELIGIBILITY_REASON);
    }
    Object reasons = execution.getVariable(ApprovalProcess.VAR_REASONS);
    return reasons == null ? "审批未通过 not approved" : reasons.toString();
  }
}
