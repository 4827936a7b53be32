package org.linli.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.assistance.AssistanceProcess.*;
import static org.linli.support.ShanghaiTime.clock;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.linli.approval.ApprovalProcess;
import org.linli.assistance.payment.Entitlement;
import org.linli.assistance.payment.Entitlements;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseTask;
import org.linli.support.DemoUsers;
import org.linli.support.EngineApi;
import org.linli.support.LinliIntegrationTest;
import org.linli.tasklist.StepInput;
import org.linli.tasklist.TaskActions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The trust boundary for money: a household's figures, the standard, the programme, the amount and
 * the approval path are all written into the engine as an attacker would (the attack of the review:
 * standard 50000, household size 20, per-capita income 0; one approval level instead of two), and
 * the entitlement is the one Linli's records give: 2010.00 CNY a month after both levels approved.
 */
@LinliIntegrationTest
class AssistanceTrustBoundaryTests {

  @LocalServerPort int port;
  @Autowired AssistanceIntake intake;
  @Autowired TaskActions tasks;
  @Autowired CaseFiles cases;
  @Autowired DemoUsers users;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired Entitlements entitlements;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  CaseFile caseFile(String number) {
    return cases.byNumber(number).orElseThrow();
  }

  CaseTask theOpen(String number) {
    List<CaseTask> open = cases.openTasks(caseFile(number).id());
    assertThat(open).hasSize(1);
    return open.get(0);
  }

  void complete(String user, String number, String decision, String comment, Map<String, Object> fields) {
    tasks.complete(users.get(user), theOpen(number).taskId(), new StepInput(decision, comment, null, null, null, null, null, fields));
  }

  void runJob(String number, String activity) {
    management.executeJob(management.createJobQuery().processInstanceId(caseFile(number).processInstanceId())
        .activityId(activity).singleResult().getId());
  }

  /** The running approval's own instance (verification-approval, called by the case). */
  String approvalInstance(String number) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(ApprovalProcess.KEY).processInstanceBusinessKey(number)
        .singleResult().getId();
  }

  @Test
  void theEntitlementIsWhatLinlisRecordsGiveWhateverTheEnginesVariablesSay() {
    clock("2026-03-02T09:00");
    String number = intake.apply(HouseholdFixtures.family(Programme.DIBAO), users.get("wang.fang")).caseNumber();
    String pid = caseFile(number).processInstanceId();
    EngineApi engine = EngineApi.asAdministrator(port);

    complete("liu.yang", number, ACCEPT, null, null);
    runJob(number, TASK_VERIFY);
    // at the home visit, the figures the eligibility table once read from variables
    engine.set(pid, IN_STANDARD, 50000.0).set(pid, IN_HOUSEHOLD_SIZE, 20).set(pid, IN_PER_CAPITA_INCOME, 0.0)
        .set(pid, IN_SAVINGS_PER_CAPITA, 0.0).set(pid, IN_SAVINGS_LIMIT, 1.0e9).set(pid, IN_VEHICLE_LIMIT, 1.0e9)
        .set(pid, IN_SUPPORT_STANDARD, 50000.0).set(pid, "programme", "TEKUN").set(pid, "monthlyAmount", "99500.00")
        .set(pid, VAR_ELIGIBLE, true).set(pid, "urgentGranted", true);
    complete("wang.fang", number, VISIT, "住房简陋，丈夫卧床，无其他收入来源",
        Map.of("visitor1", "wang.fang", "visitor2", "li.qiang", "visitDate", "2026-03-02"));
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pid).variableName(VAR_ELIGIBLE).singleResult()
        .getValue()).isEqualTo(true);

    // the public notice passes, the approval starts at the township
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(7).plusMinutes(1))));
    runJob(number, TIMER_NOTICE);
    assertThat(theOpen(number).candidateGroup()).isEqualTo("township@330106002");
    String approval = approvalInstance(number);
    // one level instead of two, or the last one already reached
    engine.set(approval, "approvalLevelCount", 1).set(approval, "approvalLevelIndex", 5)
        .set(approval, "approvalLevels", "[{\"name\":\"乡镇审核\",\"level\":\"TOWNSHIP\",\"timeLimit\":\"working-days:1\"}]")
        .set(approval, "approvalDecisions", "approve").set(pid, "approvalLevelCount", 1);
    complete("liu.yang", number, ApprovalProcess.APPROVE, null, null);
    CaseTask civilAffairs = theOpen(number);
    assertThat(civilAffairs.candidateGroup()).as("the civil-affairs level still runs").isEqualTo("dept-mz@330106");
    assertThat(entitlements.byCase(caseFile(number).id())).as("nothing paid before the last level").isEmpty();

    engine.set(approvalInstance(number), "monthlyAmount", "99500.00").set(pid, "monthlyAmount", "99500.00");
    complete("wu.lei", number, ApprovalProcess.APPROVE, "同意", null);
    Entitlement e = entitlements.byCase(caseFile(number).id()).orElseThrow();
    assertThat(e.programme()).isEqualTo("DIBAO");
    assertThat(e.monthlyAmount()).as("(1170 - 500) x 3 members, as the standard in force and the household give")
        .isEqualByComparingTo("2010.00");
  }
}
