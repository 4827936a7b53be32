package org.linli.assistance.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.assistance.payment.PaymentFixtures.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.approval.ApprovalProcess;
import org.linli.assistance.AssistanceFiles;
import org.linli.casefile.CaseEventType;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseTask;
import org.linli.casefile.DeadlineState;
import org.linli.request.RequestIntake;
import org.linli.support.DemoUsers;
import org.linli.support.LinliIntegrationTest;
import org.linli.tasklist.StepInput;
import org.linli.tasklist.TaskActions;
import org.springframework.beans.factory.annotation.Autowired;

/** Re-check intervals and the re-check case: village, township and civil affairs decide; time on the engine clock. */
@LinliIntegrationTest
class RecheckTests {

  @Autowired Entitlements entitlements;
  @Autowired Rechecks rechecks;
  @Autowired RequestIntake intake;
  @Autowired CaseFiles cases;
  @Autowired AssistanceFiles files;
  @Autowired RuntimeService runtime;
  @Autowired TaskService taskService;
  @Autowired TaskActions tasks;
  @Autowired DemoUsers users;
  @Autowired ManagementService management;

  @BeforeEach
  void clock() {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2026-07-01T09:00").atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  Entitlement open(String applicant, String seq, boolean workingAge) {
    long caseId = newCase(intake, cases);
    household(files, caseId, applicant, seq, workingAge);
    return entitlements.open(caseId, "DIBAO", new BigDecimal("800.00"), YearMonth.of(2026, 1));
  }

  /** Starts the entitlement's re-check and returns the re-check case. */
  CaseFile startRecheck(Entitlement e) {
    assertThat(rechecks.start(e.id())).isTrue();
    assertThat(rechecks.start(e.id())).as("one re-check at a time").isFalse();
    return rechecks.running(e.id()).orElseThrow();
  }

  CaseTask theOpen(CaseFile c) {
    List<CaseTask> open = cases.openTasks(c.id());
    assertThat(open).hasSize(1);
    return open.get(0);
  }

  void decide(String user, CaseFile c, String decision, String comment) {
    tasks.complete(users.get(user), theOpen(c).taskId(), new StepInput(decision, comment, null, null, null, null));
  }

  @Test
  void workingAgeHouseholdsAreRecheckedEverySixMonthsStableOnesYearly() {
    Entitlement working = open("钱能干", "311", true);
    Entitlement stable = open("孙安稳", "313", false);
    assertThat(working.recheckIntervalMonths()).isEqualTo(6);
    assertThat(working.nextRecheckOn()).isEqualTo(LocalDate.of(2026, 7, 1));
    assertThat(stable.recheckIntervalMonths()).isEqualTo(12);
    assertThat(stable.nextRecheckOn()).isEqualTo(LocalDate.of(2027, 1, 1));
    assertThat(rechecks.due(LocalDate.of(2026, 6, 30))).extracting(Entitlement::id).doesNotContain(working.id(), stable.id());
    assertThat(rechecks.due(LocalDate.of(2026, 7, 1))).extracting(Entitlement::id).contains(working.id()).doesNotContain(stable.id());
    assertThat(rechecks.due(LocalDate.of(2027, 1, 1))).extracting(Entitlement::id).contains(working.id(), stable.id());
  }

  @Test
  void anApprovedRecheckContinuesAndMovesTheNextDateOn() {
    Entitlement e = open("李继续", "321", true);
    CaseFile recheck = startRecheck(e);
    assertThat(recheck.kind()).isEqualTo(RecheckProcess.KIND);
    assertThat(recheck.caseNumber()).startsWith("FC");
    assertThat(recheck.divisionCode()).isEqualTo(TAOYUAN);
    assertThat(theOpen(recheck).candidateGroup()).isEqualTo("caseworker@" + TAOYUAN);
    assertThat(rechecks.due(LocalDate.of(2026, 7, 1))).extracting(Entitlement::id).doesNotContain(e.id());

    decide("wang.fang", recheck, ApprovalProcess.APPROVE, "入户核查无变化");
    decide("liu.yang", recheck, ApprovalProcess.APPROVE, null);
    decide("wu.lei", recheck, ApprovalProcess.APPROVE, null);

    Entitlement after = entitlements.byId(e.id()).orElseThrow();
    assertThat(after.status()).isEqualTo(Entitlement.Status.ACTIVE);
    assertThat(after.recheckRunning()).isFalse();
    assertThat(after.nextRecheckOn()).isEqualTo(LocalDate.of(2027, 1, 1));
    assertThat(entitlements.amountIn(e.id(), YearMonth.of(2026, 8))).isEqualByComparingTo("800.00");
    assertThat(cases.byId(recheck.id()).orElseThrow().closedAt()).isNotNull();
  }

  @Test
  void aRecheckAmountAppliesFromTheNextMonth() {
    Entitlement e = open("周调整", "331", true);
    CaseFile recheck = startRecheck(e);
    decide("wang.fang", recheck, ApprovalProcess.APPROVE, "家庭收入增加");
    tasks.complete(users.get("liu.yang"), theOpen(recheck).taskId(), new StepInput(ApprovalProcess.APPROVE, null, null, null, null,
        null, null, Map.of(RecheckProcess.VAR_AMOUNT, "700.00")));
    tasks.complete(users.get("wu.lei"), theOpen(recheck).taskId(), new StepInput(ApprovalProcess.APPROVE, "核定", null, null, null,
        null, null, Map.of(RecheckProcess.VAR_AMOUNT, "650.00")));

    assertThat(entitlements.amountIn(e.id(), YearMonth.of(2026, 7))).isEqualByComparingTo("800.00");
    assertThat(entitlements.amountIn(e.id(), YearMonth.of(2026, 8))).as("the last reviewer's amount counts")
        .isEqualByComparingTo("650.00");
    assertThat(entitlements.byId(e.id()).orElseThrow().nextRecheckOn()).isEqualTo(LocalDate.of(2027, 1, 1));
  }

  @Test
  void anAmountWrittenIntoTheEngineIsNotTheReviewersAmount() {
    Entitlement e = open("郑篡改", "335", true);
    CaseFile recheck = startRecheck(e);
    decide("wang.fang", recheck, ApprovalProcess.APPROVE, "无变化");
    decide("liu.yang", recheck, ApprovalProcess.APPROVE, null);
    String approval = runtime.createProcessInstanceQuery().processDefinitionKey(ApprovalProcess.KEY)
        .processInstanceBusinessKey(recheck.caseNumber()).singleResult().getId();
    runtime.setVariable(approval, RecheckProcess.VAR_AMOUNT, "99999.00");
    taskService.setVariable(theOpen(recheck).taskId(), RecheckProcess.VAR_AMOUNT, "99999.00");
    runtime.setVariable(recheck.processInstanceId(), "entitlementId", e.id() + 1);
    decide("wu.lei", recheck, ApprovalProcess.APPROVE, null);
    assertThat(entitlements.amountIn(e.id(), YearMonth.of(2026, 8))).as("no reviewer set an amount").isEqualByComparingTo("800.00");
    assertThat(entitlements.byId(e.id()).orElseThrow().nextRecheckOn()).isEqualTo(LocalDate.of(2027, 1, 1));
  }

  @Test
  void aRejectedRecheckEndsTheEntitlementWithThisMonth() {
    Entitlement e = open("吴终止", "341", true);
    CaseFile recheck = startRecheck(e);
    decide("wang.fang", recheck, ApprovalProcess.REJECT, "已稳定就业，收入超过标准");

    Entitlement after = entitlements.byId(e.id()).orElseThrow();
    assertThat(after.status()).isEqualTo(Entitlement.Status.ENDED);
    assertThat(after.endMonth()).isEqualTo(YearMonth.of(2026, 7));
    assertThat(after.paidIn(YearMonth.of(2026, 7))).isTrue();
    assertThat(entitlements.active(YearMonth.of(2026, 8))).extracting(Entitlement::id).doesNotContain(e.id());
    assertThat(rechecks.due(LocalDate.of(2027, 1, 1))).extracting(Entitlement::id).doesNotContain(e.id());
  }

  /**
   * assistance-recheck.bpmn has no timer of its own; its review steps are verification-approval's, each
   * with a due time (working-days:5) and yellow and red boundary timers. Left alone, a re-check review is
   * reminded, then marked overdue; it stays open with the entitlement still paid, and a late decision
   * still applies.
   */
  @Test
  void aLeftRecheckReviewTurnsYellowThenRedAndALateDecisionStillApplies() {
    Entitlement e = open("郑超期", "351", true);
    CaseFile recheck = startRecheck(e);
    CaseTask village = theOpen(recheck);
    assertThat(tasks.get(users.get("wang.fang"), village.taskId()).decisions())
        .as("a re-check is approved or rejected, never returned").containsExactly(ApprovalProcess.APPROVE, ApprovalProcess.REJECT);
    // five working days from Wednesday 1 July 09:00: Wednesday 8 July at close of office
    assertThat(village.dueAt()).isEqualTo(at("2026-07-08T17:30"));
    assertThat(village.warnAt()).isAfter(at("2026-07-01T09:00")).isBefore(village.dueAt());

    fire(recheck, ApprovalProcess.TIMER_REVIEW_WARNING, village.warnAt());
    assertThat(count(recheck, CaseEventType.REMINDED)).isEqualTo(1);
    assertThat(cases.byId(recheck.id()).orElseThrow().deadlineState()).isEqualTo(DeadlineState.YELLOW);

    fire(recheck, ApprovalProcess.TIMER_REVIEW_OVERDUE, village.dueAt());
    assertThat(count(recheck, CaseEventType.OVERDUE)).isEqualTo(1);
    assertThat(cases.byId(recheck.id()).orElseThrow().deadlineState()).isEqualTo(DeadlineState.RED);
    assertThat(theOpen(recheck).taskId()).as("the review stays open").isEqualTo(village.taskId());
    assertThat(count(recheck, CaseEventType.REMINDED)).as("each mark once").isEqualTo(1);
    Entitlement waiting = entitlements.byId(e.id()).orElseThrow();
    assertThat(waiting.status()).isEqualTo(Entitlement.Status.ACTIVE);
    assertThat(waiting.recheckRunning()).isTrue();
    assertThat(entitlements.active(YearMonth.of(2026, 8))).extracting(Entitlement::id).as("paid while overdue").contains(e.id());
    assertThat(rechecks.start(e.id())).as("no second re-check beside the overdue one").isFalse();

    ClockUtil.setCurrentTime(java.util.Date.from(at("2026-07-09T10:00")));
    decide("wang.fang", recheck, ApprovalProcess.APPROVE, "逾期完成入户核查，无变化");
    CaseTask township = theOpen(recheck);
    assertThat(township.candidateGroup()).isEqualTo("township@330106002");
    assertThat(township.dueAt()).as("the next level has its own time").isAfter(village.dueAt());
    assertThat(cases.byId(recheck.id()).orElseThrow().deadlineState()).isEqualTo(DeadlineState.GREEN);
    decide("liu.yang", recheck, ApprovalProcess.APPROVE, null);
    decide("wu.lei", recheck, ApprovalProcess.APPROVE, null);

    Entitlement after = entitlements.byId(e.id()).orElseThrow();
    assertThat(after.status()).isEqualTo(Entitlement.Status.ACTIVE);
    assertThat(after.recheckRunning()).isFalse();
    assertThat(after.nextRecheckOn()).isEqualTo(LocalDate.of(2027, 1, 1));
    assertThat(cases.byId(recheck.id()).orElseThrow().closedAt()).isNotNull();
  }

  @Test
  void aRecheckRejectedByCivilAffairsEndsTheEntitlement() {
    Entitlement e = open("冯上级", "361", true);
    CaseFile recheck = startRecheck(e);
    decide("wang.fang", recheck, ApprovalProcess.APPROVE, "入户核查");
    decide("liu.yang", recheck, ApprovalProcess.APPROVE, null);
    assertThat(theOpen(recheck).candidateGroup()).isEqualTo("dept-mz@330106");
    decide("wu.lei", recheck, ApprovalProcess.REJECT, "抽查发现家庭有车辆，超过限额");

    Entitlement after = entitlements.byId(e.id()).orElseThrow();
    assertThat(after.status()).isEqualTo(Entitlement.Status.ENDED);
    assertThat(after.endMonth()).isEqualTo(YearMonth.of(2026, 7));
    assertThat(after.recheckRunning()).isFalse();
    assertThat(cases.byId(recheck.id()).orElseThrow().closedAt()).isNotNull();
    assertThat(cases.timeline(recheck.id())).anyMatch(ev -> ev.note() != null && ev.note().contains("抽查发现家庭有车辆"));
  }

  void fire(CaseFile recheck, String timerId, java.time.Instant expected) {
    var called = runtime.createProcessInstanceQuery().superProcessInstanceId(recheck.processInstanceId()).singleResult();
    Job job = management.createJobQuery().processInstanceId(called.getId()).activityId(timerId).singleResult();
    assertThat(job).as(timerId).isNotNull();
    assertThat(job.getDuedate().toInstant()).as(timerId).isEqualTo(expected);
    ClockUtil.setCurrentTime(job.getDuedate());
    management.executeJob(job.getId());
  }

  long count(CaseFile c, CaseEventType type) {
    return cases.timeline(c.id()).stream().filter(ev -> ev.type() == type).count();
  }

  static java.time.Instant at(String local) {
    return LocalDateTime.parse(local).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
  }
}
