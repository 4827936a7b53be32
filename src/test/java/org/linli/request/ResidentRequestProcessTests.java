package org.linli.request;

import static org.linli.support.ShanghaiTime.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.linli.request.RequestProcess.*;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.casefile.CaseEvent;
import org.linli.casefile.CaseEventType;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseStatus;
import org.linli.casefile.CaseTask;
import org.linli.support.DemoUsers;
import org.linli.support.LinliIntegrationTest;
import org.linli.system.ConflictException;
import org.linli.system.ForbiddenException;
import org.linli.system.InvalidInputException;
import org.linli.tasklist.StepInput;
import org.linli.tasklist.TaskActions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every path of bpmn/resident-request.bpmn, with due dates checked on the engine clock. */
@LinliIntegrationTest
class ResidentRequestProcessTests {

  static final String TAOYUAN = "330106002001"; // 桃源村, caseworker wang.fang
  static final String XINGHUA = "330106002002"; // 杏花村, caseworker zhao.min
  static final String CUIYUAN = "330106001001"; // 翠苑社区, other township

  @Autowired ProcessEngine engine;
  @Autowired RequestIntake intake;
  @Autowired TaskActions tasks;
  @Autowired CaseFiles cases;
  @Autowired DemoUsers users;
  @Autowired ResidentRatings ratings;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void init() {
    AbstractAssertions.init(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }



  String submit(String category, String village) {
    return intake.submitByStaff(new IntakeForm(category, null, "路灯不亮了，晚上出行很不方便", village, "村口大樟树旁", null, null,
        "张三", "13900001111", "zhang.san@example.com", Channel.HOTLINE, null), staff()).caseNumber();
  }

  CaseTask open(String number) {
    List<CaseTask> open = cases.openTasks(cases.byNumber(number).orElseThrow().id());
    assertThat(open).hasSize(1);
    return open.get(0);
  }

  void act(String user, String number, String decision) {
    act(user, number, new StepInput(decision, "备注 note", null, null, null, null));
  }

  void act(String user, String number, StepInput input) {
    tasks.complete(users.get(user), open(number).taskId(), input);
  }

  ProcessInstance instance(String number) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
  }

  String processInstanceId(String number) {
    return cases.byNumber(number).orElseThrow().processInstanceId();
  }

  List<CaseEventType> timeline(String number) {
    return cases.timeline(cases.byNumber(number).orElseThrow().id()).stream().map(CaseEvent::type).toList();
  }

  void assertEnded(String number, String endEvent) {
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId(number)).singleResult().getEndActivityId()).isEqualTo(endEvent);
  }

  @Test
  void villageSignsHandlesAndRepliesAndTheResidentIsSatisfied() {
    clock("2026-02-13T10:00"); // Friday before the 2026 Spring Festival
    String number = submit("streetlight", TAOYUAN);
    assertThat(number).matches("MH2026-\\d{6}");
    ProcessInstance pi = instance(number);
    assertThat(pi).isWaitingAt(TASK_SIGN);
    CaseTask sign = open(number);
    assertThat(sign.candidateGroup()).isEqualTo("caseworker@330106002001");
    assertThat(sign.dueAt()).as("1 working day: Saturday 14 Feb is a make-up day").isEqualTo(at("2026-02-14T17:30"));
    CaseFile opened = cases.byNumber(number).orElseThrow();
    assertThat(opened.caseDue()).as("1 + 5 + 1 working days: 14, 24-28 Feb, 2 Mar").isEqualTo(at("2026-03-02T17:30"));
    assertThat(opened.currentStep()).isEqualTo(TASK_SIGN);

    clock("2026-02-14T09:00");
    act("wang.fang", number, SIGN);
    CaseTask handle = open(number);
    assertThat(handle.activityId()).isEqualTo(TASK_HANDLE);
    assertThat(handle.assignee()).isEqualTo("wang.fang");
    assertThat(handle.dueAt()).as("5 working days across the holiday: 24-27 Feb and Sat 28 Feb").isEqualTo(at("2026-02-28T17:30"));
    assertThat(cases.byNumber(number).orElseThrow().currentAssignee()).isEqualTo("wang.fang");

    clock("2026-02-24T10:00");
    act("wang.fang", number, StepInput.replying("已更换灯泡，恢复照明。", null));
    CaseTask callback = open(number);
    assertThat(callback.activityId()).isEqualTo(TASK_CALLBACK);
    assertThat(callback.dueAt()).isEqualTo(at("2026-02-25T17:30"));
    assertThat(jdbc.sql("select reply from resident_request where case_number = ?").param(number).query(String.class).single())
        .isEqualTo("已更换灯泡，恢复照明。");

    act("wang.fang", number, new StepInput(RATE, "电话回访", null, null, null, "SATISFIED"));
    assertThat(pi).isEnded();
    assertEnded(number, END_CLOSED);
    CaseFile closed = cases.byNumber(number).orElseThrow();
    assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(closed.rating()).isEqualTo("SATISFIED");
    assertThat(closed.closedAt()).isEqualTo(at("2026-02-24T10:00"));
    assertThat(closed.currentStep()).isNull();
    assertThat(cases.openTasks(closed.id())).isEmpty();
    assertThat(timeline(number)).containsExactly(
        CaseEventType.CREATED, CaseEventType.SIGNED, CaseEventType.REPLIED, CaseEventType.RATED, CaseEventType.CLOSED);
    CaseEvent signed = cases.timeline(closed.id()).get(1);
    assertThat(signed.actor()).isEqualTo("wang.fang");
    assertThat(signed.occurredAt()).isEqualTo(at("2026-02-14T09:00"));
  }

  @Test
  void aWronglyRoutedRequestIsReturnedAndTheTownshipAssignsItToAnotherVillage() {
    clock("2026-03-02T09:00");
    String number = submit("streetlight", TAOYUAN);
    act("wang.fang", number, new StepInput(RETURN, "不属于本村 not ours", null, null, null, null));
    CaseTask dispatch = open(number);
    assertThat(dispatch.activityId()).isEqualTo(TASK_DISPATCH);
    assertThat(dispatch.candidateGroup()).isEqualTo("township@330106002");
    assertThat(dispatch.dueAt()).isEqualTo(at("2026-03-03T17:30"));

    act("liu.yang", number, new StepInput(ASSIGN, "转杏花村", null, XINGHUA, null, null));
    CaseTask sign = open(number);
    assertThat(sign.activityId()).isEqualTo(TASK_SIGN);
    assertThat(sign.candidateGroup()).isEqualTo("caseworker@330106002002");
    assertThat(cases.byNumber(number).orElseThrow().divisionCode()).isEqualTo(XINGHUA);

    act("zhao.min", number, SIGN);
    assertThat(open(number).assignee()).isEqualTo("zhao.min");
    assertThat(timeline(number)).containsExactly(
        CaseEventType.CREATED, CaseEventType.RETURNED, CaseEventType.DISPATCHED, CaseEventType.SIGNED);
  }

  @Test
  void villageEscalatesTownshipDispatchesDepartmentReturnsAndTownshipHandles() {
    clock("2026-03-02T09:00");
    String number = submit("streetlight", TAOYUAN);
    act("wang.fang", number, SIGN);
    act("wang.fang", number, new StepInput(ESCALATE, "需要更换线路, 村里无法处理", null, null, null, null));
    assertThat(open(number).activityId()).isEqualTo(TASK_DISPATCH);

    act("liu.yang", number, new StepInput(DISPATCH, "请住建局处理", "zj", null, null, null));
    CaseTask deptSign = open(number);
    assertThat(deptSign.activityId()).isEqualTo(TASK_SIGN);
    assertThat(deptSign.candidateGroup()).isEqualTo("dept-zj@330106");
    assertThat(cases.byNumber(number).orElseThrow().departmentCode()).isEqualTo("zj");

    act("zheng.hao", number, SIGN);
    CaseTask deptHandle = open(number);
    assertThat(deptHandle.activityId()).isEqualTo(TASK_HANDLE);
    assertThat(tasks.get(users.get("zheng.hao"), deptHandle.taskId()).decisions()).containsExactly(REPLY, EXTEND, RETURN);

    act("zheng.hao", number, new StepInput(RETURN, "路灯属城管维护 not ours", null, null, null, null));
    assertThat(open(number).activityId()).isEqualTo(TASK_DISPATCH);

    clock("2026-03-03T09:00");
    act("liu.yang", number, new StepInput(HANDLE, "乡镇自办", null, null, null, null));
    CaseTask townshipHandle = open(number);
    assertThat(townshipHandle.activityId()).isEqualTo(TASK_HANDLE);
    assertThat(townshipHandle.candidateGroup()).isEqualTo("township@330106002");
    assertThat(townshipHandle.assignee()).isEqualTo("liu.yang");
    assertThat(townshipHandle.dueAt()).as("a fresh 5 working days for the township").isEqualTo(at("2026-03-10T17:30"));

    act("liu.yang", number, StepInput.replying("已修复", null));
    assertThat(open(number).activityId()).isEqualTo(TASK_CALLBACK);
    assertThat(timeline(number)).containsExactly(CaseEventType.CREATED, CaseEventType.SIGNED, CaseEventType.ESCALATED,
        CaseEventType.DISPATCHED, CaseEventType.SIGNED, CaseEventType.RETURNED, CaseEventType.SIGNED, CaseEventType.REPLIED);
  }

  @Test
  void categoriesStartAtTheirHandlingLevel() {
    clock("2026-03-02T09:00");
    String department = submit("housing_safety", TAOYUAN);
    assertThat(open(department).activityId()).isEqualTo(TASK_SIGN);
    assertThat(open(department).candidateGroup()).isEqualTo("dept-zj@330106");

    String township = submit("road", TAOYUAN);
    assertThat(open(township).activityId()).isEqualTo(TASK_DISPATCH);
    assertThat(open(township).candidateGroup()).isEqualTo("township@330106002");
  }

  @Test
  void anExtensionGrantedMovesTheHandlingDueAcrossNationalDay() {
    clock("2026-09-28T10:00");
    String number = submit("streetlight", TAOYUAN);
    clock("2026-09-28T11:00");
    act("wang.fang", number, SIGN);
    assertThat(open(number).dueAt()).as("29, 30 Sep, 8, 9, Sat 10 Oct").isEqualTo(at("2026-10-10T17:30"));

    clock("2026-09-29T09:00");
    act("wang.fang", number, new StepInput(EXTEND, "需采购配件", null, null, 2, null));
    CaseTask review = open(number);
    assertThat(review.activityId()).isEqualTo(TASK_REVIEW_EXTENSION);
    assertThat(review.candidateGroup()).isEqualTo("township@330106002");
    assertThat(review.dueAt()).isEqualTo(at("2026-09-30T17:30"));

    act("liu.yang", number, new StepInput(GRANT, null, null, null, null, null));
    CaseTask handle = open(number);
    assertThat(handle.activityId()).isEqualTo(TASK_HANDLE);
    assertThat(handle.assignee()).isEqualTo("wang.fang");
    assertThat(handle.dueAt()).as("two more working days: Mon 12 and Tue 13 Oct").isEqualTo(at("2026-10-13T17:30"));
    assertThat(timeline(number)).endsWith(CaseEventType.EXTENSION_REQUESTED, CaseEventType.EXTENDED);
  }

  @Test
  void anExtensionRefusedKeepsTheDueDateAndALateOneIsNotTaken() {
    clock("2026-03-02T09:00");
    String number = submit("streetlight", TAOYUAN);
    act("wang.fang", number, SIGN);
    Instant due = open(number).dueAt();
    assertThat(due).isEqualTo(at("2026-03-09T17:30"));
    act("wang.fang", number, new StepInput(EXTEND, "需要时间", null, null, 3, null));
    assertThatThrownBy(() -> act("liu.yang", number, new StepInput(REFUSE, null, null, null, null, null)))
        .isInstanceOf(InvalidInputException.class);
    act("liu.yang", number, new StepInput(REFUSE, "时限内可以完成", null, null, null, null));
    assertThat(open(number).dueAt()).isEqualTo(due);
    assertThat(timeline(number)).endsWith(CaseEventType.EXTENSION_REQUESTED, CaseEventType.EXTENSION_REFUSED);

    clock("2026-03-10T09:00"); // past the due time
    assertThatThrownBy(() -> act("wang.fang", number, new StepInput(EXTEND, "晚了", null, null, 1, null)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at least working-days:1 before the due time");
    assertThat(open(number).activityId()).isEqualTo(TASK_HANDLE);
    assertThatThrownBy(() -> act("wang.fang", number, new StepInput(EXTEND, "太长", null, null, 11, null)))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void eachRatingIsRecordedAndBasicallySatisfiedCloses() {
    clock("2026-03-02T09:00");
    String number = submit("streetlight", TAOYUAN);
    act("wang.fang", number, SIGN);
    act("wang.fang", number, StepInput.replying("已修复", null));
    assertThatThrownBy(() -> act("wang.fang", number, new StepInput(RATE, null, null, null, null, "GREAT")))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> act("wang.fang", number, new StepInput(RATE, null, null, null, null, "NOT_SATISFIED")))
        .as("not satisfied needs a reason").isInstanceOf(InvalidInputException.class);
    act("wang.fang", number, new StepInput(RATE, null, null, null, null, "BASICALLY_SATISFIED"));
    assertEnded(number, END_CLOSED);
    assertThat(cases.byNumber(number).orElseThrow().rating()).isEqualTo("BASICALLY_SATISFIED");
  }

  @Test
  void notSatisfiedReopensTwiceThenTheSupervisorCloses() {
    clock("2026-03-02T09:00");
    String number = submit("streetlight", TAOYUAN);
    act("wang.fang", number, SIGN);
    for (int round = 1; round <= 2; round++) {
      act("wang.fang", number, StepInput.replying("答复第" + round + "次", null));
      clock("2026-03-0" + (2 + round) + "T09:00");
      act("wang.fang", number, new StepInput(RATE, "还是不亮", null, null, null, "NOT_SATISFIED"));
      CaseTask handle = open(number);
      assertThat(handle.activityId()).as("reopened to the handling unit").isEqualTo(TASK_HANDLE);
      assertThat(handle.assignee()).isEqualTo("wang.fang");
      assertThat(handle.dueAt()).as("a fresh limit for the new round")
          .isEqualTo(at("2026-03-0" + (2 + round) + "T17:30").plus(java.time.Duration.ofDays(7)));
    }
    assertThat(reopenCount(number)).isEqualTo(2);
    act("wang.fang", number, StepInput.replying("第三次答复", null));
    act("wang.fang", number, new StepInput(RATE, "仍不满意", null, null, null, "NOT_SATISFIED"));
    CaseTask decision = open(number);
    assertThat(decision.activityId()).isEqualTo(TASK_SUPERVISOR_DECISION);
    assertThat(decision.candidateGroup()).isEqualTo("supervisor@330106");
    assertThat(decision.dueAt()).isEqualTo(at("2026-03-09T17:30"));
    assertThatThrownBy(() -> act("wang.fang", number, new StepInput(CLOSE, "x", null, null, null, null)))
        .isInstanceOf(ForbiddenException.class);

    act("huang.hua", number, new StepInput(CLOSE, "已尽力处理, 诉求不合理部分不予支持", null, null, null, null));
    assertEnded(number, END_CLOSED_BY_SUPERVISOR);
    assertThat(cases.byNumber(number).orElseThrow().status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(timeline(number).stream().filter(t -> t == CaseEventType.REOPENED).count()).isEqualTo(2);
    assertThat(timeline(number).stream().filter(t -> t == CaseEventType.CLOSED).count()).as("closed once, by the supervisor")
        .isEqualTo(1);
    CaseEvent closed = cases.timeline(cases.byNumber(number).orElseThrow().id()).stream()
        .filter(e -> e.type() == CaseEventType.CLOSED).findFirst().orElseThrow();
    assertThat(closed.actor()).isEqualTo("huang.hua");
    assertThat(closed.note()).contains("已尽力处理");
    assertThat(cases.byNumber(number).orElseThrow().rating()).isEqualTo("NOT_SATISFIED");
  }

  @Test
  void theSupervisorCanOrderAnotherRoundWhichTheResidentRatesThroughTheLink() {
    clock("2026-03-02T09:00");
    String number = submit("streetlight", TAOYUAN);
    act("wang.fang", number, SIGN);
    for (int round = 1; round <= 3; round++) {
      act("wang.fang", number, StepInput.replying("答复", null));
      act("wang.fang", number, new StepInput(RATE, "不满意", null, null, null, "NOT_SATISFIED"));
    }
    act("huang.hua", number, new StepInput(REDO, "再办一次", null, null, null, null));
    assertThat(open(number).activityId()).isEqualTo(TASK_HANDLE);
    assertThat(reopenCount(number)).isEqualTo(3);

    act("wang.fang", number, StepInput.replying("彻底修好了", null));
    String token = jdbc.sql("select rating_token from resident_request where case_number = ?").param(number)
        .query(String.class).single();
    assertThat(token).hasSizeGreaterThan(20);
    assertThatThrownBy(() -> ratings.rate("not-a-token", "SATISFIED", null)).isInstanceOf(org.linli.system.NotFoundException.class);
    ratings.rate(token, "SATISFIED", "谢谢");
    assertEnded(number, END_CLOSED);
    assertThat(cases.byNumber(number).orElseThrow().rating()).isEqualTo("SATISFIED");
    assertThatThrownBy(() -> ratings.rate(token, "SATISFIED", null)).as("a link rates once").isInstanceOf(ConflictException.class);
  }

  @Test
  void badDecisionsAndStrangersChangeNothing() {
    clock("2026-03-02T09:00");
    String number = submit("streetlight", TAOYUAN);
    CaseTask sign = open(number);
    assertThatThrownBy(() -> act("wang.fang", number, StepInput.replying("x", null)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("decision");
    assertThatThrownBy(() -> act("wang.fang", number, new StepInput(RETURN, null, null, null, null, null)))
        .as("a return needs a reason").isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> act("zhao.min", number, SIGN)).as("another village's caseworker")
        .isInstanceOf(org.linli.system.NotFoundException.class);
    assertThatThrownBy(() -> act("liu.yang", number, SIGN)).as("the township may look but not sign")
        .isInstanceOf(ForbiddenException.class);
    act("wang.fang", number, new StepInput(RETURN, "不属于本村", null, null, null, null));
    assertThatThrownBy(() -> act("liu.yang", number, new StepInput(DISPATCH, "x", "nope", null, null, null)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("department");
    assertThatThrownBy(() -> act("liu.yang", number, new StepInput(ASSIGN, "x", null, CUIYUAN, null, null)))
        .as("a village of another township").isInstanceOf(InvalidInputException.class);
    assertThat(open(number).activityId()).isEqualTo(TASK_DISPATCH);
    assertThat(timeline(number)).containsExactly(CaseEventType.CREATED, CaseEventType.RETURNED);
    assertThat(sign.taskId()).isNotEqualTo(open(number).taskId());
  }

  /** Takes requests in as the county's supervisor, whose area covers every village. */
  org.linli.security.LinliUser staff() {
    return users.get("huang.hua");
  }

  /** Instances of a version deployed before the listeners took over call requestDeadlines.received and requestLoop.reopen. */
  @Test
  void aRequestOfAnEarlierModelVersionStillRuns() {
    var deployment = engine.getRepositoryService().createDeployment().name("resident-request before delegates")
        .addClasspathResource("legacy/resident-request-before-delegates.bpmn");
    for (String form : List.of("sign", "handle", "callback", "dispatch", "review-extension", "supervisor-decision")) {
      deployment.addClasspathResource("forms/request-" + form + ".form");
    }
    String legacy = deployment.deploy().getId();
    try {
      clock("2026-03-02T09:00");
      String number = submit("streetlight", TAOYUAN);
      assertThat(engine.getRepositoryService().getProcessDefinition(instance(number).getProcessDefinitionId()).getDeploymentId())
          .isEqualTo(legacy);
      assertThat(jdbc.sql("select received_at from resident_request where case_number = ?").param(number)
          .query(java.sql.Timestamp.class).single()).as("the return window started").isNotNull();
      act("wang.fang", number, SIGN);
      act("wang.fang", number, StepInput.replying("已修好", null));
      act("wang.fang", number, new StepInput(RATE, "还是不亮", null, null, null, "NOT_SATISFIED"));
      assertThat(open(number).activityId()).isEqualTo(TASK_HANDLE);
      assertThat(reopenCount(number)).isEqualTo(1);
      assertThat(timeline(number)).contains(CaseEventType.REOPENED);
    } finally {
      engine.getRepositoryService().deleteDeployment(legacy, true);
    }
  }

  int reopenCount(String number) {
    return jdbc.sql("select reopen_count from resident_request where case_number = ?").param(number).query(Integer.class).single();
  }
}
