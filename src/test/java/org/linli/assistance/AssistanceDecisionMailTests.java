package org.linli.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.assistance.AssistanceProcess.*;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.linli.approval.ApprovalProcess;
import org.linli.assistance.payment.Entitlements;
import org.linli.casefile.CaseEvent;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseStatus;
import org.linli.casefile.CaseTask;
import org.linli.notification.MailTestSupport;
import org.linli.support.DemoUsers;
import org.linli.support.LinliIntegrationTest;
import org.linli.tasklist.StepInput;
import org.linli.tasklist.TaskActions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The applicant's decision mail (ASSIST_DECISION) on a real SMTP server, after the whole flow with
 * the application's own verifier and payments: approved (amount and first month), refused (reason,
 * deciding level, how to appeal), and no mail without an e-mail address. Never a whole ID number.
 */
@LinliIntegrationTest
class AssistanceDecisionMailTests extends MailTestSupport {

  static final String APPLICANT = "zhang.jg@example.com";
  static final String DECISION_SUBJECT = "【救助审批结果】";

  @Autowired AssistanceIntake intake;
  @Autowired CaseFiles cases;
  @Autowired TaskActions tasks;
  @Autowired DemoUsers users;
  @Autowired ManagementService management;
  @Autowired Entitlements entitlements;

  String apply(HouseholdApplication a) {
    return intake.apply(a, users.get("wang.fang"), false).caseNumber();
  }

  CaseFile caseFile(String number) {
    return cases.byNumber(number).orElseThrow();
  }

  void complete(String user, String number, String activity, String decision, String comment, Map<String, Object> fields) {
    List<CaseTask> open = cases.openTasks(caseFile(number).id());
    assertThat(open).hasSize(1);
    assertThat(open.get(0).activityId()).isEqualTo(activity);
    tasks.complete(users.get(user), open.get(0).taskId(), new StepInput(decision, comment, null, null, null, null, null, fields));
  }

  Job job(String number, String activity) {
    return management.createJobQuery().processInstanceId(caseFile(number).processInstanceId()).activityId(activity).singleResult();
  }

  /** Acceptance, verification, home visit, the 7-day notice: the file is at the township review. */
  void upToApproval(String number) {
    complete("liu.yang", number, TASK_ACCEPT, ACCEPT, null, null);
    management.executeJob(job(number, TASK_VERIFY).getId());
    complete("wang.fang", number, TASK_HOME_VISIT, VISIT, "住房简陋，丈夫卧床，无其他收入来源",
        Map.of("visitor1", "wang.fang", "visitor2", "li.qiang", "visitDate", "2026-03-02"));
    moveClock(Duration.ofDays(7).plusMinutes(1));
    management.executeJob(job(number, TIMER_NOTICE).getId());
  }

  /** Sends what is queued (several rounds, as the sender would) and returns every decision mail received so far. */
  List<MimeMessage> decisionMails() throws Exception {
    sender.deliverDue();
    sender.deliverDue();
    List<MimeMessage> out = new ArrayList<>();
    for (MimeMessage m : received()) {
      if (m.getSubject().startsWith(DECISION_SUBJECT)) {
        out.add(m);
      }
    }
    return out;
  }

  static String address(MimeMessage m) throws Exception {
    return ((InternetAddress) m.getRecipients(jakarta.mail.Message.RecipientType.TO)[0]).getAddress();
  }

  /** Whole ID numbers of the household must not appear anywhere in the mail. */
  static void noWholeIdNumber(HouseholdApplication a, String... texts) {
    for (HouseholdMember m : a.members()) {
      for (String t : texts) {
        assertThat(t).doesNotContain(m.idNumber());
      }
    }
  }

  List<String> notes(String number) {
    return cases.timeline(caseFile(number).id()).stream().map(CaseEvent::note).filter(n -> n != null).toList();
  }

  @Test
  void approvedDibaoMailsTheApplicantOnceWithAmountAndFirstMonth() throws Exception {
    HouseholdApplication family = HouseholdFixtures.family(Programme.DIBAO);
    String number = apply(family);
    upToApproval(number);
    complete("liu.yang", number, ApprovalProcess.TASK_REVIEW, ApprovalProcess.APPROVE, null, null);
    assertThat(decisionMails()).as("nothing before the decision").isEmpty();
    complete("wu.lei", number, ApprovalProcess.TASK_REVIEW, ApprovalProcess.APPROVE, "同意", null);

    assertThat(caseFile(number).status()).isEqualTo(CaseStatus.CLOSED);
    long entitlement = entitlements.byCase(caseFile(number).id()).orElseThrow().id();
    assertThat(entitlements.amountIn(entitlement, YearMonth.of(2026, 4))).isEqualByComparingTo("2010.00");

    List<MimeMessage> mails = decisionMails();
    assertThat(mails).as("one decision mail").hasSize(1);
    MimeMessage mail = mails.get(0);
    assertThat(mail.getAllRecipients()).extracting(a -> ((InternetAddress) a).getAddress()).containsExactly(APPLICANT);
    String subject = mail.getSubject();
    String[] parts = parts(mail);
    assertThat(subject).contains(number, "最低生活保障");
    for (String body : parts) {
      assertThat(body).contains(number, "最低生活保障", "2010.00", "2026-04", "批准");
      assertThat(body).doesNotContain("不予批准", "行政复议");
    }
    noWholeIdNumber(family, subject, parts[0], parts[1]);
    int toApplicant = 0;
    for (MimeMessage m : received()) {
      toApplicant += address(m).equals(APPLICANT) ? 1 : 0;
    }
    assertThat(toApplicant).as("the applicant gets nothing else").isEqualTo(1);

    // a later delivery round sends nothing again
    assertThat(decisionMails()).hasSize(1);
    assertThat(notes(number)).anyMatch(n -> n.contains("已告知申请人") && n.contains("2010.00") && n.contains("邮件"));
  }

  @Test
  void refusedByCivilAffairsMailsTheReasonTheLevelAndTheAppeal() throws Exception {
    HouseholdApplication family = HouseholdFixtures.family(Programme.DIBAO);
    String number = apply(family);
    upToApproval(number);
    complete("liu.yang", number, ApprovalProcess.TASK_REVIEW, ApprovalProcess.APPROVE, null, null);
    complete("wu.lei", number, ApprovalProcess.TASK_REVIEW, ApprovalProcess.REJECT, "经查有未申报的经营收入", null);

    List<MimeMessage> mails = decisionMails();
    assertThat(mails).hasSize(1);
    MimeMessage mail = mails.get(0);
    assertThat(mail.getAllRecipients()).extracting(a -> ((InternetAddress) a).getAddress()).containsExactly(APPLICANT);
    String[] parts = parts(mail);
    assertThat(mail.getSubject()).contains(number, "最低生活保障");
    for (String body : parts) {
      assertThat(body).contains(number, "最低生活保障", "不予批准", "经查有未申报的经营收入", LEVEL_DEPARTMENT_APPROVAL,
          RECONSIDERATION_DAYS + "日内", "行政复议",
          "administrative reconsideration within " + RECONSIDERATION_DAYS + " days");
      // no payment month (the case number, JZ2026-04…, may hold the same digits)
      assertThat(body.replace(number, "")).doesNotContain("2026-04");
    }
    noWholeIdNumber(family, mail.getSubject(), parts[0], parts[1]);
  }

  @Test
  void notAcceptedAtTheTownshipMailsThatLevel() throws Exception {
    HouseholdApplication family = HouseholdFixtures.family(Programme.TEKUN);
    String number = apply(family);
    complete("liu.yang", number, TASK_ACCEPT, REJECT, "户籍不在本乡镇", null);

    List<MimeMessage> mails = decisionMails();
    assertThat(mails).hasSize(1);
    String[] parts = parts(mails.get(0));
    for (String body : parts) {
      assertThat(body).contains(number, "特困人员", "户籍不在本乡镇", LEVEL_ACCEPTANCE, RECONSIDERATION_DAYS + "日内");
    }
  }

  @Test
  void withoutAnEmailNoMailButTheTimelineSaysTheApplicantWasTold() throws Exception {
    HouseholdApplication family = HouseholdFixtures.family(Programme.DIBAO);
    HouseholdApplication noMail = new HouseholdApplication(family.programme(), family.divisionCode(), family.channel(),
        family.reason(), null, family.applicantPhone(), family.members(), family.assets());
    String number = apply(noMail);
    upToApproval(number);
    complete("liu.yang", number, ApprovalProcess.TASK_REVIEW, ApprovalProcess.APPROVE, null, null);
    complete("wu.lei", number, ApprovalProcess.TASK_REVIEW, ApprovalProcess.APPROVE, null, null);

    assertThat(caseFile(number).status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(decisionMails()).isEmpty();
    assertThat(outboxRows()).noneMatch(r -> "ASSIST_DECISION".equals(r.get("TYPE") != null ? r.get("TYPE") : r.get("type")));
    assertThat(notes(number)).anyMatch(n -> n.contains("已告知申请人") && n.contains("2010.00") && n.contains("无电子邮箱"));
  }
}
