package org.linli.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.request.RequestProcess.*;
import static org.linli.support.ShanghaiTime.at;
import static org.linli.support.ShanghaiTime.clock;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseTask;
import org.linli.security.LinliUser;
import org.linli.support.DemoUsers;
import org.linli.support.EngineApi;
import org.linli.support.LinliIntegrationTest;
import org.linli.tasklist.StepInput;
import org.linli.tasklist.TaskActions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The trust boundary for requests: the variables a request's steps once read (place, department,
 * handling level, handler, handling due time, extension asked for, rounds, time-limit table) are
 * changed through the engine's API at each wait state, and the request goes on exactly as an
 * untouched twin does: owners, assignee, due times and rounds come from Linli's records.
 */
@LinliIntegrationTest
class RequestTrustBoundaryTests {

  static final String TAOYUAN = "330106002001"; // wang.fang; 桃源镇 liu.yang
  static final String ZHOUYUN_VILLAGE = "330106003001"; // another township

  @LocalServerPort int port;
  @Autowired RequestIntake intake;
  @Autowired TaskActions tasks;
  @Autowired CaseFiles cases;
  @Autowired DemoUsers users;
  @Autowired IdentityService identity;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  String submit() {
    return intake.submitByStaff(new IntakeForm("streetlight", null, "路灯不亮了，晚上出行很不方便", TAOYUAN, "村口", null, null,
        "张三", "13900001111", null, Channel.HOTLINE, null), users.get("huang.hua")).caseNumber();
  }

  CaseTask open(String number) {
    List<CaseTask> open = cases.openTasks(cases.byNumber(number).orElseThrow().id());
    assertThat(open).hasSize(1);
    return open.get(0);
  }

  void act(String user, String number, StepInput input) {
    tasks.complete(users.get(user), open(number).taskId(), input);
  }

  String pid(String number) {
    return cases.byNumber(number).orElseThrow().processInstanceId();
  }

  /** Everything that once steered the steps, set to what an attacker would want. */
  void tamper(String number) {
    EngineApi.asAdministrator(port).set(pid(number), "divisionCode", ZHOUYUN_VILLAGE)
        .set(pid(number), "departmentCode", "zj")
        .set(pid(number), "level", "DEPARTMENT")
        .set(pid(number), "handler", "zhou.yun")
        .set(pid(number), "handleDue", Date.from(at("2027-12-31T17:30")))
        .set(pid(number), "handleStart", Date.from(at("2027-12-01T09:00")))
        .set(pid(number), "receivedAt", Date.from(at("2027-12-01T09:00")))
        .set(pid(number), "extensionDays", 60)
        .set(pid(number), "reopenCount", 0)
        .set(pid(number), "priority", "URGENT")
        .set(pid(number), "caseKind", "EMERGENCY")
        .set(pid(number), "categoryType", "COMPLAINT")
        .set(pid(number), "timeLimits", "emergency-time-limits:1:x");
  }

  /** What the request looks like at a step: owner group, assignee, due time, and where the case is. */
  record Seen(String step, String group, String assignee, java.time.Instant due, String division, String department) {}

  Seen seen(String number) {
    CaseTask t = open(number);
    CaseFile c = cases.byNumber(number).orElseThrow();
    return new Seen(t.activityId(), t.candidateGroup(), t.assignee(), t.dueAt(), c.divisionCode(), c.departmentCode());
  }

  @Test
  void ownersDueTimesExtensionsAndRoundsFollowLinlisRecordsNotTheEnginesVariables() {
    clock("2026-03-02T09:00"); // a Monday
    String honest = submit();
    String tampered = submit();
    tamper(tampered);
    assertThat(seen(tampered)).isEqualTo(seen(honest));

    // sign-for: the handling step goes to the village and to whoever signed, not to the variables' choice
    LinliUser wang = users.get("wang.fang");
    for (String n : List.of(honest, tampered)) {
      act("wang.fang", n, new StepInput(SIGN, null, null, null, null, null));
    }
    assertThat(seen(tampered)).isEqualTo(seen(honest));
    assertThat(seen(tampered).group()).isEqualTo("caseworker@" + TAOYUAN);
    assertThat(seen(tampered).assignee()).isEqualTo(wang.username());

    // an extension of 3 days asked for, 60 written into the engine: 3 are granted
    clock("2026-03-03T09:00");
    for (String n : List.of(honest, tampered)) {
      act("wang.fang", n, new StepInput(EXTEND, "等待配件", null, null, 3, null));
    }
    tamper(tampered);
    for (String n : List.of(honest, tampered)) {
      act("liu.yang", n, new StepInput(GRANT, null, null, null, null, null));
    }
    assertThat(seen(tampered)).isEqualTo(seen(honest));
    assertThat(cases.byNumber(tampered).orElseThrow().caseDue()).isEqualTo(cases.byNumber(honest).orElseThrow().caseDue());

    // the resident is not satisfied three times: two rounds, then the supervisor, however often the count is reset
    for (int round = 1; round <= 3; round++) {
      for (String n : List.of(honest, tampered)) {
        act("wang.fang", n, StepInput.replying("答复" + round, null));
        act("wang.fang", n, new StepInput(RATE, "不满意", null, null, null, "NOT_SATISFIED"));
      }
      tamper(tampered);
      assertThat(seen(tampered)).as("round %d", round).isEqualTo(seen(honest));
    }
    assertThat(open(tampered).activityId()).isEqualTo(TASK_SUPERVISOR_DECISION);
    assertThat(open(tampered).candidateGroup()).isEqualTo("supervisor@330106");
    assertThat(cases.byNumber(tampered).orElseThrow().divisionCode()).isEqualTo(TAOYUAN);
  }

  @Test
  void aTownshipsAssignmentMovesTheCaseAVariableDoesNot() {
    clock("2026-03-02T09:00");
    String number = intake.submitByStaff(new IntakeForm("road", null, "道路破损，坑洼积水", TAOYUAN, "镇东路", null, null,
        "张三", "13900001111", null, Channel.HOTLINE, null), users.get("huang.hua")).caseNumber();
    assertThat(open(number).activityId()).as("roads go to the township first").isEqualTo(TASK_DISPATCH);
    tamper(number);
    act("liu.yang", number, new StepInput(ASSIGN, "请村里处理", null, "330106002002", null, null));
    Seen assigned = seen(number);
    assertThat(assigned.group()).isEqualTo("caseworker@330106002002");
    assertThat(assigned.division()).isEqualTo("330106002002");
    tamper(number);
    act("zhao.min", number, new StepInput(SIGN, null, null, null, null, null));
    assertThat(seen(number).group()).isEqualTo("caseworker@330106002002");
    assertThat(seen(number).assignee()).isEqualTo("zhao.min");
    assertThat(cases.byNumber(number).orElseThrow().divisionCode()).isEqualTo("330106002002");
  }

  @Test
  void aHandlerWhoLeftTheVillageGetsTheStepNoMoreTheVillageDoes() {
    clock("2026-03-02T09:00");
    String number = submit();
    act("wang.fang", number, new StepInput(SIGN, null, null, null, null, null));
    act("wang.fang", number, new StepInput(EXTEND, "等待配件", null, null, 3, null));
    // an administrator takes wang.fang out of the village in Camunda Admin while the township decides
    identity.deleteMembership("wang.fang", "caseworker@" + TAOYUAN);
    try {
      act("liu.yang", number, new StepInput(GRANT, null, null, null, null, null));
      Seen back = seen(number);
      assertThat(back.step()).isEqualTo(TASK_HANDLE);
      assertThat(back.group()).isEqualTo("caseworker@" + TAOYUAN);
      assertThat(back.assignee()).as("the village as a whole, not someone who left it").isNull();
    } finally {
      identity.createMembership("wang.fang", "caseworker@" + TAOYUAN);
    }
  }
}
