package org.linli.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linli.assistance.AssistanceProcess.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.approval.ApprovalProcess;
import org.linli.casefile.CaseEvent;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseStatus;
import org.linli.casefile.CaseTask;
import org.linli.support.DemoUsers;
import org.linli.support.LinliIntegrationTest;
import org.linli.system.ForbiddenException;
import org.linli.system.InvalidInputException;
import org.linli.tasklist.StepInput;
import org.linli.tasklist.TaskActions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * bpmn/assistance-application.bpmn with the demo county: 桃源村 (caseworker wang.fang), 桃源镇 (liu.yang),
 * civil affairs (wu.lei). Standard 1170 CNY in March 2026. Jobs run by hand, time by the engine clock.
 */
@LinliIntegrationTest
class AssistanceProcessTests {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  /** A verifier that fails while {@link #failing} is set, else reads the declared data. */
  static final AtomicBoolean failing = new AtomicBoolean();
  /** Entitlements opened: "caseId programme amount startMonth". */
  static final List<String> opened = Collections.synchronizedList(new ArrayList<>());

  @TestConfiguration
  static class Seams {
    @Bean
    @Primary
    HouseholdVerifier switchableVerifier(AssistanceStandards standards) {
      HouseholdVerifier declared = new org.linli.assistance.internal.DeclaredDataVerifier(standards);
      return (number, application) -> {
        if (failing.get()) {
          throw new HouseholdVerifier.VerificationFailed("核对系统不可用 test: verifier down", null);
        }
        return declared.verify(number, application);
      };
    }

    @Bean
    @Primary
    EntitlementSink recordingSink() {
      return (caseId, programme, amount, start) -> opened.add(caseId + " " + programme + " " + amount + " " + start);
    }
  }

  @Autowired AssistanceIntake intake;
  @Autowired AssistanceObjections objections;
  @Autowired TaskActions tasks;
  @Autowired CaseFiles cases;
  @Autowired DemoUsers users;
  @Autowired ManagementService management;
  @Autowired HistoryService history;

  @BeforeEach
  void start() {
    failing.set(false);
    opened.clear();
    clock("2026-03-02T09:00"); // a Monday
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static void clock(String local) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(local).atZone(SHANGHAI).toInstant()));
  }

  static void later(java.time.Duration d) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(d)));
  }

  String apply(HouseholdApplication a, boolean urgent) {
    return intake.apply(a, users.get("wang.fang"), urgent).caseNumber();
  }

  CaseFile caseFile(String number) {
    return cases.byNumber(number).orElseThrow();
  }

  CaseTask theOpen(String number) {
    List<CaseTask> open = cases.openTasks(caseFile(number).id());
    assertThat(open).hasSize(1);
    return open.get(0);
  }

  void complete(String user, String number, String activity, String decision, String comment, String missing,
      Map<String, Object> fields) {
    CaseTask t = theOpen(number);
    assertThat(t.activityId()).isEqualTo(activity);
    tasks.complete(users.get(user), t.taskId(), new StepInput(decision, comment, null, null, null, null, missing, fields));
  }

  Job job(String number, String activity) {
    return management.createJobQuery().processInstanceId(caseFile(number).processInstanceId()).activityId(activity).singleResult();
  }

  void verify(String number) {
    management.executeJob(job(number, TASK_VERIFY).getId());
  }

  void visit(String number) {
    complete("wang.fang", number, TASK_HOME_VISIT, VISIT, "住房简陋，丈夫卧床，无其他收入来源", null,
        Map.of("visitor1", "王芳", "visitor2", "李强", "visitDate", "2026-03-02"));
  }

  /** Acceptance, verification, home visit: the case is in its notice period. */
  void upToNotice(String number) {
    complete("liu.yang", number, TASK_ACCEPT, ACCEPT, null, null, null);
    verify(number);
    visit(number);
    assertThat(job(number, TIMER_NOTICE)).isNotNull();
  }

  void passNotice(String number) {
    later(java.time.Duration.ofDays(7).plusMinutes(1));
    management.executeJob(job(number, TIMER_NOTICE).getId());
  }

  Map<String, Object> variables(String number) {
    Map<String, Object> out = new java.util.HashMap<>();
    history.createHistoricVariableInstanceQuery().processInstanceId(caseFile(number).processInstanceId()).list()
        .forEach(h -> out.put(h.getName(), h.getValue()));
    return out;
  }

  List<String> notes(String number) {
    return cases.timeline(caseFile(number).id()).stream().map(CaseEvent::note).filter(n -> n != null).toList();
  }

  @Test
  void dibaoApprovedEndToEndWithTheAmountFromTheTable() {
    String number = apply(HouseholdFixtures.family(Programme.DIBAO), false);
    assertThat(number).startsWith("JZ2026-");
    CaseFile c = caseFile(number);
    assertThat(c.title()).isEqualTo("最低生活保障申请 张**");
    assertThat(c.categoryCode()).isEqualTo("DIBAO");
    assertThat(c.caseDue()).isNotNull();
    CaseTask accept = theOpen(number);
    assertThat(accept.candidateGroup()).isEqualTo("township@330106002");
    // 3 working days from Monday 09:00: close of office on Thursday
    assertThat(accept.dueAt()).isEqualTo(LocalDateTime.parse("2026-03-05T17:30").atZone(SHANGHAI).toInstant());

    upToNotice(number);
    assertThat(variables(number)).containsEntry(VAR_ELIGIBLE, true).containsEntry(VAR_MONTHLY_AMOUNT, "2010.00");
    assertThat(notes(number)).anyMatch(n -> n.contains("符合条件 Eligible") && n.contains("2010.00"));
    passNotice(number);

    complete("liu.yang", number, ApprovalProcess.TASK_REVIEW, ApprovalProcess.APPROVE, null, null, null);
    CaseTask department = theOpen(number);
    assertThat(department.candidateGroup()).isEqualTo("dept-mz@330106");
    complete("wu.lei", number, ApprovalProcess.TASK_REVIEW, ApprovalProcess.APPROVE, "同意", null, null);

    assertThat(caseFile(number).status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(opened).containsExactly(c.id() + " DIBAO 2010.00 2026-04");
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(c.processInstanceId())
        .activityId(END_APPROVED).count()).isEqualTo(1);
    assertThat(notes(number)).anyMatch(n -> n.contains("批准 Applicant told: approved, 2010.00"));
  }

  @Test
  void tekunApprovedWithTheSupportStandard() {
    HouseholdApplication a = HouseholdFixtures.family(Programme.TEKUN);
    List<HouseholdMember> members = List.of(
        HouseholdFixtures.member("赵老汉", Relation.SELF, LocalDate.of(1950, 1, 20), "211", "300.00"));
    String number = apply(HouseholdFixtures.withMembers(a, members), false);
    upToNotice(number);
    passNotice(number);
    complete("liu.yang", number, ApprovalProcess.TASK_REVIEW, ApprovalProcess.APPROVE, null, null, null);
    complete("wu.lei", number, ApprovalProcess.TASK_REVIEW, ApprovalProcess.APPROVE, null, null, null);
    assertThat(opened).containsExactly(caseFile(number).id() + " TEKUN 1521.00 2026-04");
  }

  @Test
  void rejectedAtApprovalTellsTheReasonAndTheAppeal() {
    String number = apply(HouseholdFixtures.family(Programme.DIBAO), false);
    upToNotice(number);
    passNotice(number);
    complete("liu.yang", number, ApprovalProcess.TASK_REVIEW, ApprovalProcess.REJECT, "家庭有隐瞒收入", null, null);
    assertThat(caseFile(number).status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(opened).isEmpty();
    assertThat(notes(number)).anyMatch(n -> n.contains("不予批准 Applicant told: refused") && n.contains("家庭有隐瞒收入")
        && n.contains("60"));
  }

  @Test
  void returnedAtAcceptanceAndResubmitted() {
    String number = apply(HouseholdFixtures.family(Programme.DIBAO), false);
    assertThatThrownBy(() -> complete("liu.yang", number, TASK_ACCEPT, RETURN, "缺材料", null, null))
        .isInstanceOf(InvalidInputException.class);
    complete("liu.yang", number, TASK_ACCEPT, RETURN, "缺少收入证明", "收入证明", null);
    assertThat(theOpen(number).candidateGroup()).isEqualTo("caseworker@330106002001");
    complete("wang.fang", number, TASK_COMPLETE_MATERIALS, RESUBMIT, "已补交收入证明", null, null);
    complete("liu.yang", number, TASK_ACCEPT, ACCEPT, null, null, null);
    assertThat(job(number, TASK_VERIFY)).isNotNull();
  }

  @Test
  void homeVisitNeedsTwoDifferentStaff() {
    String number = apply(HouseholdFixtures.family(Programme.DIBAO), false);
    complete("liu.yang", number, TASK_ACCEPT, ACCEPT, null, null, null);
    verify(number);
    assertThatThrownBy(() -> complete("wang.fang", number, TASK_HOME_VISIT, VISIT, "情况属实", null,
        Map.of("visitor1", "王芳", "visitor2", "王芳", "visitDate", "2026-03-02")))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.errors()).extracting(InvalidInputException.FieldError::field).containsExactly("visitor2"));
  }

  @Test
  void objectionDuringNoticeGoesBackToVerification() {
    String number = apply(HouseholdFixtures.family(Programme.DIBAO), false);
    upToNotice(number);
    objections.object(number, "邻居反映其有经营收入");
    assertThat(job(number, TIMER_NOTICE)).isNull();
    assertThat(job(number, TASK_VERIFY)).isNotNull();
    assertThat(notes(number)).anyMatch(n -> n.contains("邻居反映其有经营收入"));
    verify(number);
    visit(number);
    assertThat(job(number, TIMER_NOTICE)).isNotNull(); // a new notice period
  }

  @Test
  void noticeTimerWaitsSevenDays() {
    String number = apply(HouseholdFixtures.family(Programme.DIBAO), false);
    upToNotice(number);
    Instant due = job(number, TIMER_NOTICE).getDuedate().toInstant();
    assertThat(due).isEqualTo(ClockUtil.getCurrentTime().toInstant().plus(java.time.Duration.ofDays(7)));
    passNotice(number);
    assertThat(theOpen(number).activityId()).isEqualTo(ApprovalProcess.TASK_REVIEW);
    assertThatThrownBy(() -> objections.object(number, "公示期已过的异议"))
        .isInstanceOf(org.linli.system.ConflictException.class);
  }

  @Test
  void failingVerifierRetriesThenIncidentThenRecovers() {
    String number = apply(HouseholdFixtures.family(Programme.DIBAO), false);
    complete("liu.yang", number, TASK_ACCEPT, ACCEPT, null, null, null);
    failing.set(true);
    for (int retries = 2; retries >= 0; retries--) {
      Job j = job(number, TASK_VERIFY);
      assertThatThrownBy(() -> management.executeJob(j.getId())).hasMessageContaining("verifier down");
      Job after = job(number, TASK_VERIFY);
      assertThat(after.getRetries()).isEqualTo(retries);
      later(java.time.Duration.ofMinutes(5));
    }
    assertThat(job(number, TASK_VERIFY).getExceptionMessage()).contains("verifier down");
    String pid = caseFile(number).processInstanceId();
    assertThat(org.camunda.bpm.engine.ProcessEngines.getDefaultProcessEngine().getRuntimeService()
        .createIncidentQuery().processInstanceId(pid).count()).isEqualTo(1);
    assertThat(caseFile(number).status()).isEqualTo(CaseStatus.OPEN); // the application is kept

    failing.set(false);
    Job stuck = job(number, TASK_VERIFY);
    management.setJobRetries(stuck.getId(), 1);
    management.executeJob(stuck.getId());
    assertThat(theOpen(number).activityId()).isEqualTo(TASK_HOME_VISIT);
  }

  @Test
  void urgentTemporaryAssistanceIsPaidFirstAndTheFileCompletedAfter() {
    String number = apply(HouseholdFixtures.family(Programme.LINSHI), true);
    CaseTask grant = theOpen(number);
    assertThat(grant.activityId()).isEqualTo(TASK_URGENT_GRANT);
    assertThat(grant.dueAt()).isEqualTo(ClockUtil.getCurrentTime().toInstant().plus(java.time.Duration.ofHours(24)));
    complete("liu.yang", number, TASK_URGENT_GRANT, RELIEVE, "火灾受灾，先行救助", null, null);
    long caseId = caseFile(number).id();
    assertThat(opened).containsExactly(caseId + " LINSHI 2000 2026-03");
    upToNotice(number);
    passNotice(number);
    complete("liu.yang", number, ApprovalProcess.TASK_REVIEW, ApprovalProcess.APPROVE, null, null, null);
    complete("wu.lei", number, ApprovalProcess.TASK_REVIEW, ApprovalProcess.APPROVE, null, null, null);
    assertThat(opened).hasSize(1); // not paid twice
    assertThat(caseFile(number).status()).isEqualTo(CaseStatus.CLOSED);
  }

  @Test
  void onlyTheVillagesCaseworkersApplyAndUrgentIsForTemporaryAssistance() {
    assertThatThrownBy(() -> intake.apply(HouseholdFixtures.family(Programme.DIBAO), users.get("liu.yang")))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> apply(HouseholdFixtures.family(Programme.DIBAO), true))
        .isInstanceOf(InvalidInputException.class);
  }

}
