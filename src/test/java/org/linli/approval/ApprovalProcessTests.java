package org.linli.approval;

import static org.linli.support.ShanghaiTime.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linli.approval.ApprovalProcess.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.casefile.CaseEvent;
import org.linli.casefile.CaseEventType;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseKindDefinition;
import org.linli.casefile.CaseOpening;
import org.linli.casefile.CaseStatus;
import org.linli.casefile.CaseTask;
import org.linli.casefile.CaseVariables;
import org.linli.casefile.DeadlineState;
import org.linli.organization.OrganizationService;
import org.linli.organization.RoleAssignment;
import org.linli.organization.StaffMember;
import org.linli.security.LinliUser;
import org.linli.support.DemoUsers;
import org.linli.support.LinliIntegrationTest;
import org.linli.system.ForbiddenException;
import org.linli.system.InvalidInputException;
import org.linli.tasklist.StepCompleter;
import org.linli.tasklist.StepInput;
import org.linli.tasklist.TaskActions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * bpmn/verification-approval.bpmn called by a test-only case kind (test-approval-caller.bpmn) with
 * three levels: the village caseworker, the township, and civil affairs (mz) with countersign.
 * Time moves on the engine clock; office hours 08:30-12:00 and 13:30-17:30.
 */
@LinliIntegrationTest
class ApprovalProcessTests {

  static final String TAOYUAN = "330106002001"; // 桃源村, caseworker wang.fang; 桃源镇 liu.yang
  static final String CALLER = "test-approval-caller";
  static final String KIND = "APPROVAL_TEST";
  static final String VILLAGE = "村级初审";
  static final String TOWNSHIP = "乡镇审核";
  static final String DEPARTMENT = "民政局审批";
  static final String TASK_CORRECT = "Task_Correct";

  /** A case kind that calls the approval, and its completer that hands review steps to ApprovalSteps. */
  @TestConfiguration
  static class TestKind {

    @Bean
    CaseKindDefinition approvalTestKind() {
      return new CaseKindDefinition(KIND, "SP", CALLER);
    }

    @Bean
    StepCompleter approvalTestSteps(ApprovalSteps approvals) {
      return new StepCompleter() {
        @Override
        public String kind() {
          return KIND;
        }

        @Override
        public List<String> decisions(CaseTask task) {
          return approvals.handles(task) ? approvals.decisions(task) : List.of("resubmit");
        }

        @Override
        public Map<String, Object> complete(CaseTask task, StepInput input, LinliUser user) {
          if (approvals.handles(task)) {
            return approvals.complete(task, input, user);
          }
          Map<String, Object> v = new HashMap<>();
          v.put(CaseVariables.DECISION, input.decision());
          v.put(CaseVariables.COMMENT, input.comment());
          return v;
        }
      };
    }
  }

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired TaskActions tasks;
  @Autowired CaseFiles cases;
  @Autowired DemoUsers users;
  @Autowired OrganizationService organization;

  @BeforeEach
  void deployCaller() {
    if (repository.createProcessDefinitionQuery().processDefinitionKey(CALLER).count() == 0) {
      repository.createDeployment().name("test-approval-caller").addClasspathResource("bpmn/test-approval-caller.bpmn").deploy();
    }
    clock("2026-03-02T09:00"); // a Monday
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }



  static String levels() {
    return ApprovalLevel.toJson(List.of(
        ApprovalLevel.village(VILLAGE, "working-days:2"),
        ApprovalLevel.township(TOWNSHIP, "working-days:3"),
        ApprovalLevel.department(DEPARTMENT, "mz", "working-days:5").withCountersign()));
  }

  /** Opens a case of the test kind and returns its case number. */
  String apply() {
    return cases.open(CaseOpening.of(KIND, TAOYUAN, "低保申请 测试"), Map.of(VAR_LEVELS, levels()), c -> { }).caseNumber();
  }

  CaseFile caseFile(String number) {
    return cases.byNumber(number).orElseThrow();
  }

  List<CaseTask> open(String number) {
    return cases.openTasks(caseFile(number).id());
  }

  CaseTask theOpen(String number) {
    List<CaseTask> open = open(number);
    assertThat(open).hasSize(1);
    return open.get(0);
  }

  /** A second officer of civil affairs, for countersigning (the demo county has one), made a member of staff once. */
  LinliUser secondMzOfficer() {
    if (organization.staff("mz.second").isEmpty()) {
      organization.saveStaff(new StaffMember("mz.second", "民政二", null, null, true), "demo-second-officer");
      organization.assignRole("mz.second", RoleAssignment.department("330106", "mz"));
    }
    return users.get("mz.second");
  }

  void decide(LinliUser user, String taskId, String decision, String comment, String missing) {
    tasks.complete(user, taskId, new StepInput(decision, comment, null, null, null, null, missing));
  }

  void decide(String user, String number, String decision, String comment, String missing) {
    decide(users.get(user), theOpen(number).taskId(), decision, comment, missing);
  }

  @Test
  void theLevelsAndHowFarTheApprovalHasComeAreTheRoundsRecordNotVariables() {
    String number = apply();
    String approval = runtime.createProcessInstanceQuery().processDefinitionKey(KEY).processInstanceBusinessKey(number)
        .singleResult().getId();
    runtime.setVariables(approval, Map.of("approvalLevelCount", 1, "approvalLevelIndex", 2, VAR_LEVELS,
        ApprovalLevel.toJson(List.of(ApprovalLevel.village(VILLAGE, "working-days:2")))));
    decide("wang.fang", number, APPROVE, "材料齐全", null);
    assertThat(theOpen(number).candidateGroup()).as("the township level still follows").isEqualTo("township@330106002");
    runtime.setVariables(approval, Map.of("approvalLevelCount", 2, "approvalDecisions", "approve,reject,return"));
    decide("liu.yang", number, APPROVE, null, null);
    assertThat(open(number)).hasSize(2).allSatisfy(t -> assertThat(t.candidateGroup()).isEqualTo("dept-mz@330106"));
  }

  /** Village and township approve; the department's first reviewer approves. */
  void upToDepartment(String number) {
    decide("wang.fang", number, APPROVE, "材料齐全", null);
    decide("liu.yang", number, APPROVE, null, null);
    assertThat(open(number)).hasSize(2).allSatisfy(t -> assertThat(t.candidateGroup()).isEqualTo("dept-mz@330106"));
  }

  Map<String, Object> callerVariables(String number) {
    return caseVariables(caseFile(number).processInstanceId());
  }

  Map<String, Object> caseVariables(String processInstanceId) {
    return org.camunda.bpm.engine.ProcessEngines.getDefaultProcessEngine().getHistoryService()
        .createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).list().stream()
        .filter(h -> h.getValue() != null)
        .collect(java.util.stream.Collectors.toMap(h -> h.getName(), h -> h.getValue(), (a, b) -> b));
  }

  List<CaseEvent> timeline(String number) {
    return cases.timeline(caseFile(number).id());
  }

  @Test
  void approvedThroughAllThreeLevels() {
    String number = apply();
    CaseTask village = theOpen(number);
    assertThat(village.activityId()).isEqualTo(TASK_REVIEW);
    assertThat(village.name()).isEqualTo("审核：" + VILLAGE + " Review");
    assertThat(village.candidateGroup()).isEqualTo("caseworker@" + TAOYUAN);
    assertThat(tasks.get(users.get("wang.fang"), village.taskId()).decisions()).containsExactly(APPROVE, RETURN, REJECT);
    CaseFile c = caseFile(number);
    assertThat(c.currentStepName()).as("the case shows the called process's step").isEqualTo("审核：" + VILLAGE + " Review");
    assertThat(c.currentGroup()).isEqualTo("caseworker@" + TAOYUAN);

    decide("wang.fang", number, APPROVE, "材料齐全", null);
    CaseTask township = theOpen(number);
    assertThat(township.candidateGroup()).isEqualTo("township@330106002");
    assertThat(township.name()).isEqualTo("审核：" + TOWNSHIP + " Review");

    decide("liu.yang", number, APPROVE, "同意上报", null);
    List<CaseTask> department = open(number);
    assertThat(department).as("countersign: two reviews").hasSize(2);
    decide(users.get("wu.lei"), department.get(0).taskId(), APPROVE, "符合条件", null);
    assertThat(caseFile(number).status()).isEqualTo(CaseStatus.OPEN);
    decide(secondMzOfficer(), department.get(1).taskId(), APPROVE, "同意", null);

    assertThat(open(number)).isEmpty();
    assertThat(caseFile(number).status()).isEqualTo(CaseStatus.CLOSED);
    Map<String, Object> out = callerVariables(number);
    assertThat(out).containsEntry(VAR_OUTCOME, "APPROVED").containsEntry(VAR_LEVEL, DEPARTMENT).containsEntry(VAR_REASONS, "同意");
    List<CaseEvent> events = timeline(number);
    assertThat(events).filteredOn(e -> TASK_REVIEW.equals(e.step())).extracting(CaseEvent::decision)
        .containsExactly(APPROVE, APPROVE, APPROVE, APPROVE);
    assertThat(events).filteredOn(e -> TASK_REVIEW.equals(e.step())).extracting(CaseEvent::actor)
        .containsExactly("wang.fang", "liu.yang", "wu.lei", "mz.second");
    assertThat(events).filteredOn(e -> TASK_REVIEW.equals(e.step())).first()
        .satisfies(e -> assertThat(e.note()).isEqualTo("材料齐全"))
        .satisfies(e -> assertThat(e.stepName()).isEqualTo("审核：" + VILLAGE + " Review"));
    assertThat(events).filteredOn(e -> END_APPROVED.equals(e.step())).singleElement()
        .satisfies(e -> assertThat(e.note()).isEqualTo("审核审批通过（" + DEPARTMENT + "）"))
        .satisfies(e -> assertThat(e.noteEn()).isEqualTo("Approved (" + DEPARTMENT + ")"));
  }

  @Test
  void rejectedAtTheVillage() {
    String number = apply();
    assertThatThrownBy(() -> decide("wang.fang", number, REJECT, " ", null))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("comment");
    decide("wang.fang", number, REJECT, "家庭收入超过标准", null);
    assertRejected(number, VILLAGE, "家庭收入超过标准");
  }

  @Test
  void rejectedAtTheTownship() {
    String number = apply();
    decide("wang.fang", number, APPROVE, null, null);
    decide("liu.yang", number, REJECT, "核查发现有房产", null);
    assertRejected(number, TOWNSHIP, "核查发现有房产");
  }

  @Test
  void oneRejectDecidesACountersignedLevel() {
    String number = apply();
    upToDepartment(number);
    List<CaseTask> department = open(number);
    decide(users.get("wu.lei"), department.get(0).taskId(), APPROVE, null, null);
    decide(secondMzOfficer(), department.get(1).taskId(), REJECT, "不符合低保条件", null);
    assertRejected(number, DEPARTMENT, "不符合低保条件");
  }

  @Test
  void aFirstRejectAtACountersignedLevelEndsItAtOnce() {
    String number = apply();
    upToDepartment(number);
    decide(users.get("wu.lei"), open(number).get(0).taskId(), REJECT, "材料造假", null);
    assertRejected(number, DEPARTMENT, "材料造假");
  }

  void assertRejected(String number, String level, String reason) {
    assertThat(open(number)).isEmpty();
    assertThat(caseFile(number).status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(callerVariables(number)).containsEntry(VAR_OUTCOME, "REJECTED").containsEntry(VAR_LEVEL, level)
        .containsEntry(VAR_REASONS, reason);
    assertThat(timeline(number)).filteredOn(e -> REJECT.equals(e.decision())).singleElement()
        .satisfies(e -> assertThat(e.note()).isEqualTo(reason));
    assertThat(timeline(number)).filteredOn(e -> END_REJECTED.equals(e.step())).singleElement()
        .satisfies(e -> assertThat(e.note()).isEqualTo("审核审批不予通过（" + level + "）：" + reason))
        .satisfies(e -> assertThat(e.noteEn()).isEqualTo("Rejected (" + level + "): " + reason));
  }

  @Test
  void returnedForCorrectionThenCalledAgainAndApproved() {
    String number = apply();
    decide("wang.fang", number, APPROVE, null, null);
    assertThatThrownBy(() -> decide("liu.yang", number, RETURN, "缺少收入证明", null))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("missing");
    decide("liu.yang", number, RETURN, "缺少收入证明", "1. 收入证明\n2. 户口本复印件");

    CaseTask correct = theOpen(number);
    assertThat(correct.activityId()).as("the caller sends the file back").isEqualTo(TASK_CORRECT);
    Map<String, Object> out = callerVariables(number);
    assertThat(out).containsEntry(VAR_OUTCOME, "RETURNED").containsEntry(VAR_LEVEL, TOWNSHIP)
        .containsEntry(VAR_REASONS, "缺少收入证明").containsEntry(VAR_MISSING, "1. 收入证明\n2. 户口本复印件");
    assertThat(timeline(number)).filteredOn(e -> RETURN.equals(e.decision())).singleElement()
        .satisfies(e -> assertThat(e.type()).isEqualTo(CaseEventType.RETURNED))
        .satisfies(e -> assertThat(e.note()).contains("缺少收入证明").contains("户口本复印件"));

    tasks.complete(users.get("wang.fang"), correct.taskId(), new StepInput("resubmit", "已补齐", null, null, null, null));
    CaseTask again = theOpen(number);
    assertThat(again.name()).as("a new call starts at the first level").isEqualTo("审核：" + VILLAGE + " Review");
    upToDepartment(number);
    List<CaseTask> department = open(number);
    decide(users.get("wu.lei"), department.get(0).taskId(), APPROVE, null, null);
    decide(secondMzOfficer(), department.get(1).taskId(), APPROVE, null, null);
    assertThat(caseFile(number).status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(callerVariables(number)).containsEntry(VAR_OUTCOME, "APPROVED").containsEntry(VAR_LEVEL, DEPARTMENT)
        .doesNotContainKey(VAR_MISSING);
  }

  @Test
  void countersignNeedsTwoDifferentReviewers() {
    String number = apply();
    upToDepartment(number);
    LinliUser wu = users.get("wu.lei");
    List<CaseTask> department = open(number);
    decide(wu, department.get(0).taskId(), APPROVE, null, null);
    String other = department.get(1).taskId();
    // who decided is the round's record: clearing the old variables through the engine changes nothing
    String approval = runtime.createProcessInstanceQuery().processDefinitionKey(KEY).processInstanceBusinessKey(number)
        .singleResult().getId();
    runtime.setVariables(approval, Map.of("approvalDecidedBy", "", "approvalReviewers", 1, "approvalLevelCount", 1));
    assertThatThrownBy(() -> decide(wu, other, APPROVE, null, null)).isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> decide(wu, other, REJECT, "再看看", null)).isInstanceOf(ForbiddenException.class);
    assertThat(open(number)).singleElement().satisfies(t -> {
      assertThat(t.taskId()).isEqualTo(other);
      assertThat(t.assignee()).as("the refusal changed nothing").isNull();
    });
    decide(secondMzOfficer(), other, APPROVE, null, null);
    assertThat(callerVariables(number)).containsEntry(VAR_OUTCOME, "APPROVED");
  }

  @Test
  void aLevelsYellowAndRedTimersFireOnTheEngineClock() {
    String number = apply();
    CaseTask village = theOpen(number);
    // two working days after Monday: due Wednesday at close; "one day left" comes before 75% used
    assertThat(village.dueAt()).isEqualTo(at("2026-03-04T17:30"));
    assertThat(village.warnAt()).isEqualTo(at("2026-03-04T08:30"));
    assertThat(caseFile(number).deadlineState()).isEqualTo(DeadlineState.GREEN);

    fire(number, TIMER_REVIEW_WARNING, "2026-03-04T08:30");
    assertThat(count(number, CaseEventType.REMINDED)).isEqualTo(1);
    assertThat(caseFile(number).deadlineState()).isEqualTo(DeadlineState.YELLOW);

    fire(number, TIMER_REVIEW_OVERDUE, "2026-03-04T17:30");
    assertThat(count(number, CaseEventType.OVERDUE)).isEqualTo(1);
    assertThat(caseFile(number).deadlineState()).isEqualTo(DeadlineState.RED);
    assertThat(theOpen(number).taskId()).as("the review stays open").isEqualTo(village.taskId());

    // the next level has its own time: three working days after Thursday
    clock("2026-03-05T09:00");
    decide("wang.fang", number, APPROVE, null, null);
    assertThat(theOpen(number).dueAt()).isEqualTo(at("2026-03-10T17:30"));
    assertThat(caseFile(number).deadlineState()).isEqualTo(DeadlineState.GREEN);
  }

  void fire(String number, String timerId, String expected) {
    ProcessInstance called = runtime.createProcessInstanceQuery().superProcessInstanceId(caseFile(number).processInstanceId()).singleResult();
    Job job = management.createJobQuery().processInstanceId(called.getId()).activityId(timerId).singleResult();
    assertThat(job).as(timerId).isNotNull();
    assertThat(job.getDuedate().toInstant()).as(timerId).isEqualTo(at(expected));
    ClockUtil.setCurrentTime(job.getDuedate());
    management.executeJob(job.getId());
  }

  long count(String number, CaseEventType type) {
    return timeline(number).stream().filter(e -> e.type() == type).count();
  }

  /** Instances of a version deployed before the listeners took over call approvalFlow.start and .finish. */
  @Test
  void aRoundOfAnEarlierModelVersionStillRuns() {
    String legacy = repository.createDeployment().name("verification-approval before delegates")
        .addClasspathResource("legacy/verification-approval-before-delegates.bpmn")
        .addClasspathResource("forms/approval-review.form").deploy().getId();
    try {
      String number = apply();
      String definition = runtime.createProcessInstanceQuery().processDefinitionKey(KEY).processInstanceBusinessKey(number)
          .singleResult().getProcessDefinitionId();
      assertThat(repository.getProcessDefinition(definition).getDeploymentId()).isEqualTo(legacy);
      decide("wang.fang", number, APPROVE, null, null);
      decide("liu.yang", number, REJECT, "核查发现有房产", null);
      assertRejected(number, TOWNSHIP, "核查发现有房产");
    } finally {
      repository.deleteDeployment(legacy, true);
    }
  }

  @Test
  void aBadLevelListFailsTheCallBeforeAnyTaskOpens() {
    assertThatThrownBy(() -> ApprovalLevel.parse("[{\"name\":\"x\",\"level\":\"COUNTY\",\"timeLimit\":\"working-days:1\"}]"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("COUNTY");
    assertThatThrownBy(() -> ApprovalLevel.village("x", "working-days:1").offering(REJECT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> cases.open(CaseOpening.of(KIND, TAOYUAN, "低保申请 测试"), Map.of(VAR_LEVELS, "[]"), c -> { }))
        .hasMessageContaining("no levels");
  }
}
