package org.linli.request;

import static org.linli.support.ShanghaiTime.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linli.request.RequestProcess.*;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.linli.casefile.CaseEvent;
import org.linli.casefile.CaseEventType;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseTask;
import org.linli.casefile.DeadlineState;
import org.linli.deadline.DeadlineSweep;
import org.linli.support.DemoUsers;
import org.linli.support.LinliIntegrationTest;
import org.linli.system.InvalidInputException;
import org.linli.tasklist.StepInput;
import org.linli.tasklist.TaskActions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The deadlines of every request step on the engine clock: the yellow timer reminds, the red timer
 * marks overdue (and moves an overdue sign-for up to the township), each once, on working days
 * across the 2026 Spring Festival (15-23 Feb, make-up Saturdays 14 and 28 Feb) and National Day
 * (1-7 Oct, make-up Saturday 10 Oct) breaks. Office hours 08:30-12:00 and 13:30-17:30.
 */
@LinliIntegrationTest
class RequestDeadlineTests {

  static final String TAOYUAN = "330106002001";

  @Autowired ProcessEngine engine;
  @Autowired ManagementService management;
  @Autowired RequestIntake intake;
  @Autowired TaskActions tasks;
  @Autowired CaseFiles cases;
  @Autowired DemoUsers users;
  @Autowired DeadlineSweep sweep;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }



  String submit(String category, String priority) {
    return intake.submitByStaff(new IntakeForm(category, null, "路灯不亮了，晚上出行很不方便", TAOYUAN, "村口大樟树旁", null, null,
        "张三", "13900001111", null, Channel.HOTLINE, priority), staff()).caseNumber();
  }

  CaseFile caseFile(String number) {
    return cases.byNumber(number).orElseThrow();
  }

  CaseTask open(String number) {
    List<CaseTask> open = cases.openTasks(caseFile(number).id());
    assertThat(open).hasSize(1);
    return open.get(0);
  }

  void act(String user, String number, StepInput input) {
    tasks.complete(users.get(user), open(number).taskId(), input);
  }

  void act(String user, String number, String decision) {
    act(user, number, new StepInput(decision, "备注 note", null, null, null, null));
  }

  Job timer(String number, String timerId) {
    return management.createJobQuery().processInstanceId(caseFile(number).processInstanceId()).activityId(timerId).singleResult();
  }

  /** The step's yellow and red timers are due at these times, and its task is due at the red one. */
  void assertTimers(String number, String step, String warnAt, String dueAt) {
    assertThat(timer(number, "Timer_" + step + "Warning").getDuedate().toInstant()).as("yellow").isEqualTo(at(warnAt));
    assertThat(timer(number, "Timer_" + step + "Overdue").getDuedate().toInstant()).as("red").isEqualTo(at(dueAt));
    assertThat(open(number).dueAt()).isEqualTo(at(dueAt));
    assertThat(open(number).warnAt()).isEqualTo(at(warnAt));
  }

  void fire(String number, String timerId) {
    Job job = timer(number, timerId);
    assertThat(job).as(timerId).isNotNull();
    ClockUtil.setCurrentTime(job.getDuedate());
    management.executeJob(job.getId());
  }

  List<CaseEventType> timeline(String number) {
    return cases.timeline(caseFile(number).id()).stream().map(CaseEvent::type).toList();
  }

  long count(String number, CaseEventType type) {
    return timeline(number).stream().filter(t -> t == type).count();
  }

  /** Yellow reminds once, red marks once; the case colour follows. */
  void assertYellowThenRed(String number, String step) {
    assertThat(caseFile(number).deadlineState()).isEqualTo(DeadlineState.GREEN);
    fire(number, "Timer_" + step + "Warning");
    assertThat(count(number, CaseEventType.REMINDED)).isEqualTo(1);
    assertThat(caseFile(number).deadlineState()).isEqualTo(DeadlineState.YELLOW);
    String taskId = open(number).taskId();
    fire(number, "Timer_" + step + "Overdue");
    assertThat(open(number).taskId()).as("the step stays open").isEqualTo(taskId);
    assertThat(count(number, CaseEventType.OVERDUE)).isEqualTo(1);
    assertThat(caseFile(number).deadlineState()).isEqualTo(DeadlineState.RED);
    sweep.run(); // nothing left for the sweep to do on this case
    assertThat(count(number, CaseEventType.REMINDED)).isEqualTo(1);
    assertThat(count(number, CaseEventType.OVERDUE)).isEqualTo(1);
  }

  @Test
  void anOverdueSignForIsRemindedThenMovesUpToTheTownshipAcrossSpringFestival() {
    clock("2026-02-13T10:00"); // Friday before the break
    String number = submit("streetlight", null);
    // due at the close of Saturday 14 Feb (a make-up working day); 13.5 office hours in all, so
    // "one working day left" (08:30 on the 14th) comes before 75% used (14:07:30 on the 14th)
    assertTimers(number, "Sign", "2026-02-14T08:30", "2026-02-14T17:30");
    assertThat(caseFile(number).caseDue()).as("1 + 5 + 1 working days: 14 Feb, 24-28 Feb, 2 Mar").isEqualTo(at("2026-03-02T17:30"));

    fire(number, "Timer_SignWarning");
    assertThat(timeline(number)).containsExactly(CaseEventType.CREATED, CaseEventType.REMINDED);
    assertThat(caseFile(number).deadlineState()).isEqualTo(DeadlineState.YELLOW);
    assertThat(open(number).activityId()).isEqualTo(TASK_SIGN);

    fire(number, TIMER_SIGN_OVERDUE);
    CaseTask dispatch = open(number);
    assertThat(dispatch.activityId()).as("moved up one level").isEqualTo(TASK_DISPATCH);
    assertThat(dispatch.candidateGroup()).isEqualTo("township@330106002");
    assertThat(dispatch.dueAt()).as("one working day after the break").isEqualTo(at("2026-02-24T17:30"));
    assertThat(timeline(number)).containsExactly(
        CaseEventType.CREATED, CaseEventType.REMINDED, CaseEventType.OVERDUE, CaseEventType.ESCALATED);
    CaseEvent escalated = cases.timeline(caseFile(number).id()).get(3);
    assertThat(escalated.step()).isEqualTo(TASK_SIGN);
    assertThat(escalated.note()).contains("township@330106002");
    assertThat(caseFile(number).deadlineState()).as("the township's step is on time").isEqualTo(DeadlineState.GREEN);
    sweep.run();
    assertThat(timeline(number)).hasSize(4);

    // overdue is history, not a colour: green again, the case still counts as having run late
    assertThat(caseFile(number).everOverdue()).isTrue();
    org.linli.organization.Scope village = org.linli.organization.Scope.ofDivisions(java.util.Set.of(TAOYUAN));
    org.linli.casefile.CaseFilter open = new org.linli.casefile.CaseFilter(village, org.linli.casefile.CaseStatus.OPEN, null, null,
        null, null, null, null);
    assertThat(cases.cases(open.withEverOverdue(true), 0, 200).items()).extracting(CaseFile::caseNumber).contains(number);
    assertThat(cases.cases(open.withEverOverdue(false), 0, 200).items()).extracting(CaseFile::caseNumber).doesNotContain(number);
  }

  @Test
  void townshipDispatchAcrossNationalDay() {
    clock("2026-09-30T15:00");
    String number = submit("road", null); // a township-level category
    assertThat(open(number).activityId()).isEqualTo(TASK_DISPATCH);
    // 2.5 office hours on 30 Sep, then the break: due at the close of Thursday 8 Oct
    assertTimers(number, "Dispatch", "2026-10-08T08:30", "2026-10-08T17:30");
    assertYellowThenRed(number, "Dispatch");
  }

  @Test
  void handlingAcrossNationalDayThenAnExtensionReviewThatRunsLate() {
    clock("2026-09-28T10:00");
    String number = submit("streetlight", null);
    clock("2026-09-28T11:00");
    act("wang.fang", number, SIGN);
    // five working days: 29, 30 Sep, 8, 9 Oct and Saturday 10 Oct; 42.5 office hours from
    // 11:00 on the 28th, 75% of them used at 14:22:30 on 9 Oct, before "one day left" (08:30, 10 Oct)
    assertTimers(number, "Handle", "2026-10-09T14:22:30", "2026-10-10T17:30");
    assertThat(caseFile(number).deadlineState()).isEqualTo(DeadlineState.GREEN);

    clock("2026-09-29T09:00");
    act("wang.fang", number, new StepInput(EXTEND, "需采购配件", null, null, 2, null));
    // one working day to review: due 30 Sep; one day left at 08:30 on the 30th
    assertTimers(number, "ReviewExtension", "2026-09-30T08:30", "2026-09-30T17:30");
    assertYellowThenRed(number, "ReviewExtension");

    clock("2026-10-08T09:00");
    act("liu.yang", number, new StepInput(GRANT, null, null, null, null, null));
    // the unit keeps its handling time, moved on by two working days; the warning counts from
    // when it took the request on
    assertThat(open(number).dueAt()).isEqualTo(at("2026-10-13T17:30"));
    assertThat(caseFile(number).caseDue()).as("the whole case moves with it").isEqualTo(at("2026-10-15T17:30"));
    assertTimers(number, "Handle", "2026-10-12T09:07:30", "2026-10-13T17:30");
  }

  @Test
  void handlingGoesYellowAndRedAndSoDoesTheCase() {
    clock("2026-02-13T10:00");
    String number = submit("streetlight", null);
    clock("2026-02-14T09:00");
    act("wang.fang", number, SIGN);
    // five working days after the make-up Saturday: 24-27 Feb and Saturday 28 Feb
    assertTimers(number, "Handle", "2026-02-27T13:52:30", "2026-02-28T17:30");
    assertYellowThenRed(number, "Handle");
  }

  @Test
  void callbackTheWorkingDayAfterTheReply() {
    clock("2026-02-13T10:00");
    String number = submit("streetlight", null);
    act("wang.fang", number, SIGN);
    clock("2026-02-24T10:00"); // first working day after the break
    act("wang.fang", number, StepInput.replying("已更换灯泡", null));
    assertTimers(number, "Callback", "2026-02-25T08:30", "2026-02-25T17:30");
    assertYellowThenRed(number, "Callback");
  }

  @Test
  void supervisorDecisionAcrossNationalDay() {
    clock("2026-09-24T09:00");
    String number = submit("streetlight", null);
    act("wang.fang", number, SIGN);
    for (int round = 1; round <= 3; round++) {
      act("wang.fang", number, StepInput.replying("答复", null));
      act("wang.fang", number, new StepInput(RATE, "不满意", null, null, null, "NOT_SATISFIED"));
    }
    assertThat(open(number).activityId()).isEqualTo(TASK_SUPERVISOR_DECISION);
    // opened 09:00 on Thursday 24 Sep; three working days: 28, 29, 30 Sep (25-27 is Mid-Autumn)
    assertTimers(number, "SupervisorDecision", "2026-09-30T08:30", "2026-09-30T17:30");
    assertYellowThenRed(number, "SupervisorDecision");
  }

  @Test
  void aDueDateMovedByHandIsWhatCounts() {
    clock("2026-03-02T09:00");
    String number = submit("streetlight", null);
    assertTimers(number, "Sign", "2026-03-03T08:30", "2026-03-03T17:30");
    fire(number, "Timer_SignWarning");
    assertThat(count(number, CaseEventType.REMINDED)).isEqualTo(1);

    // an administrator gives the village until Friday, in Cockpit; a caseworker of the step's
    // group may work on it but not change its due date (TASK_WORK)
    var task = engine.getTaskService().createTaskQuery().taskId(open(number).taskId()).singleResult();
    task.setDueDate(Date.from(at("2026-03-06T17:30")));
    engine.getIdentityService().setAuthentication("wang.fang", List.of("caseworker@330106002001", "linli-staff"));
    try {
      assertThatThrownBy(() -> engine.getTaskService().saveTask(task)).isInstanceOf(AuthorizationException.class);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    task.setDueDate(Date.from(at("2026-03-06T17:30")));
    engine.getIdentityService().setAuthentication("admin", List.of("camunda-admin"));
    try {
      engine.getTaskService().saveTask(task);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(open(number).dueAt()).isEqualTo(at("2026-03-06T17:30"));
    // 37 office hours from the step's start at 09:00 on Monday; 75% of them used at 15:45 on Thursday
    assertThat(open(number).warnAt()).isEqualTo(at("2026-03-05T15:45"));
    assertThat(caseFile(number).deadlineState()).isEqualTo(DeadlineState.GREEN);
    assertThat(timer(number, "Timer_SignWarning")).as("the yellow timer fired already").isNull();
    assertThat(timer(number, TIMER_SIGN_OVERDUE).getDuedate().toInstant()).as("the red timer moved").isEqualTo(at("2026-03-06T17:30"));

    clock("2026-03-04T09:00");
    sweep.run();
    assertThat(count(number, CaseEventType.OVERDUE)).isZero();
    clock("2026-03-05T15:44");
    sweep.run();
    assertThat(count(number, CaseEventType.REMINDED)).isEqualTo(1);
    clock("2026-03-05T15:45");
    sweep.run();
    assertThat(count(number, CaseEventType.REMINDED)).as("reminded again for the new due time").isEqualTo(2);
    fire(number, TIMER_SIGN_OVERDUE);
    assertThat(count(number, CaseEventType.OVERDUE)).isEqualTo(1);
    assertThat(open(number).activityId()).as("moved up on the new due time").isEqualTo(TASK_DISPATCH);
  }

  @Test
  void urgentRequestsAreSignedForWithinTwoWorkingHours() {
    clock("2026-03-02T11:00");
    String number = submit("streetlight", PRIORITY_URGENT);
    assertThat(caseFile(number).priority()).isEqualTo(PRIORITY_URGENT);
    // one office hour before lunch and one after; yellow at 75% of it
    assertTimers(number, "Sign", "2026-03-02T14:00", "2026-03-02T14:30");
    assertThatThrownBy(() -> submit("streetlight", "SOON")).isInstanceOf(InvalidInputException.class).hasMessageContaining("priority");
  }

  @Test
  void theSweepCatchesUpAfterDowntimeAndTheLateTimersDoNotRepeatIt() {
    clock("2026-03-02T09:00");
    String a = submit("streetlight", null);
    String b = submit("streetlight", null);
    act("wang.fang", b, SIGN);
    clock("2026-03-20T09:00"); // the node was down; no timer ran

    DeadlineSweep.Result result = sweep.run();
    assertThat(result.reminded()).isGreaterThanOrEqualTo(2);
    assertThat(result.markedOverdue()).isGreaterThanOrEqualTo(2);
    for (String n : List.of(a, b)) {
      assertThat(count(n, CaseEventType.REMINDED)).isEqualTo(1);
      assertThat(count(n, CaseEventType.OVERDUE)).isEqualTo(1);
      assertThat(caseFile(n).deadlineState()).isEqualTo(DeadlineState.RED);
    }

    // the job executor comes back: the timers fire late, and only the escalation is new
    for (String timerId : List.of("Timer_SignWarning", TIMER_SIGN_OVERDUE)) {
      management.executeJob(timer(a, timerId).getId());
    }
    assertThat(timeline(a)).containsExactly(
        CaseEventType.CREATED, CaseEventType.REMINDED, CaseEventType.OVERDUE, CaseEventType.ESCALATED);
    for (String timerId : List.of("Timer_HandleWarning", "Timer_HandleOverdue")) {
      management.executeJob(timer(b, timerId).getId());
    }
    assertThat(count(b, CaseEventType.REMINDED)).isEqualTo(1);
    assertThat(count(b, CaseEventType.OVERDUE)).isEqualTo(1);
  }

  @Test
  void twoSweepsAtOnceMarkEachStepOnce() throws Exception {
    clock("2026-03-02T09:00");
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      numbers.add(submit("streetlight", null));
    }
    clock("2026-03-20T09:00");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Callable<DeadlineSweep.Result> run = () -> {
        ClockUtil.setCurrentTime(Date.from(at("2026-03-20T09:00")));
        return sweep.run();
      };
      List<Future<DeadlineSweep.Result>> results = pool.invokeAll(List.of(run, run));
      int reminded = 0;
      int overdue = 0;
      for (Future<DeadlineSweep.Result> r : results) {
        reminded += r.get().reminded();
        overdue += r.get().markedOverdue();
      }
      assertThat(reminded).isGreaterThanOrEqualTo(6);
      assertThat(overdue).isGreaterThanOrEqualTo(6);
    } finally {
      pool.shutdown();
    }
    for (String n : numbers) {
      assertThat(count(n, CaseEventType.REMINDED)).as(n).isEqualTo(1);
      assertThat(count(n, CaseEventType.OVERDUE)).as(n).isEqualTo(1);
    }
  }

  @Test
  void returnsOnlyWithinTwoWorkingDaysAndExtensionsAtLeastOneDayAhead() {
    clock("2026-03-02T09:00");
    String late = submit("streetlight", null);
    clock("2026-03-04T17:31"); // past the close of the second working day after receipt
    assertThatThrownBy(() -> act("wang.fang", late, new StepInput(RETURN, "不属于本村", null, null, null, null)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("2个工作日");
    assertThat(open(late).activityId()).isEqualTo(TASK_SIGN);
    clock("2026-03-04T17:00");
    act("wang.fang", late, new StepInput(RETURN, "不属于本村", null, null, null, null));
    assertThat(open(late).activityId()).isEqualTo(TASK_DISPATCH);

    clock("2026-03-02T09:00");
    String handled = submit("streetlight", null);
    act("wang.fang", handled, SIGN);
    assertThat(open(handled).dueAt()).isEqualTo(at("2026-03-09T17:30"));
    clock("2026-03-09T08:30"); // the due day itself: not a working day ahead
    assertThatThrownBy(() -> act("wang.fang", handled, new StepInput(EXTEND, "需要时间", null, null, 2, null)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("至少");
    assertThatThrownBy(() -> act("wang.fang", handled, new StepInput(EXTEND, "需要时间", null, null, 11, null)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("1至10");
    clock("2026-03-06T17:31"); // the working day before
    act("wang.fang", handled, new StepInput(EXTEND, "需要时间", null, null, 10, null));
    assertThat(open(handled).activityId()).isEqualTo(TASK_REVIEW_EXTENSION);
  }

  @Test
  void aNewTimeLimitTableChangesNewCasesAndLeavesRunningOnesAlone() throws Exception {
    clock("2026-03-02T09:00");
    String before = submit("streetlight", null);
    String table = new String(getClass().getResourceAsStream("/bpmn/request-time-limits.dmn").readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    String changed = table
        .replace("<text>\"working-days:5\"</text>", "<text>\"working-days:2\"</text>")
        .replace("<text>\"working-days:1\"</text></outputEntry>\n      </rule>\n      <rule id=\"Rule_03\">",
            "<text>\"working-days:3\"</text></outputEntry>\n      </rule>\n      <rule id=\"Rule_03\">");
    assertThat(changed).isNotEqualTo(table);
    Deployment deployment = engine.getRepositoryService().createDeployment().name("time limits v2")
        .addString("request-time-limits.dmn", changed).deploy();
    String after = null;
    try {
      after = submit("streetlight", null);
      assertThat(open(before).dueAt()).as("sign-for as it was").isEqualTo(at("2026-03-03T17:30"));
      assertThat(open(after).dueAt()).as("sign-for by the new table").isEqualTo(at("2026-03-05T17:30"));

      act("wang.fang", before, SIGN);
      act("wang.fang", after, SIGN);
      assertThat(open(before).dueAt()).as("five working days, pinned").isEqualTo(at("2026-03-09T17:30"));
      assertThat(open(after).dueAt()).as("two working days").isEqualTo(at("2026-03-04T17:30"));
    } finally {
      if (after != null) {
        engine.getRuntimeService().deleteProcessInstance(caseFile(after).processInstanceId(), "test over");
      }
      engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
    }
  }

  /** Takes requests in as the county's supervisor, whose area covers every village. */
  org.linli.security.LinliUser staff() {
    return users.get("huang.hua");
  }
}
