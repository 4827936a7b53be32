package org.linli.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.notification.MailTestSupport;
import org.linli.request.Channel;
import org.linli.request.IntakeForm;
import org.linli.request.RequestIntake;
import org.linli.request.RequestProcess;
import org.linli.support.DemoUsers;
import org.linli.support.LinliIntegrationTest;
import org.linli.tasklist.StepInput;
import org.linli.tasklist.TaskActions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A card reaches the unit's heads on a real SMTP server, once: 林海 for 桃源镇, 高洁 for the county's
 * 民政局; a unit without a head (桃源村) is told through its caseworkers.
 */
@LinliIntegrationTest
class CardMailTests extends MailTestSupport {

  @Autowired RequestIntake intake;
  @Autowired CaseFiles cases;
  @Autowired TaskActions tasks;
  @Autowired ManagementService management;
  @Autowired DemoUsers users;
  @Autowired Cards cards;

  String request(String description) {
    return intake.submitByStaff(new IntakeForm("streetlight", null, description, "330106002001", "村口", null, null, "张三",
        "13900001111", null, Channel.HOTLINE, null), users.get("huang.hua")).caseNumber();
  }

  void fire(String number, String timerId) {
    CaseFile c = cases.byNumber(number).orElseThrow();
    Job job = management.createJobQuery().processInstanceId(c.processInstanceId()).activityId(timerId).singleResult();
    ClockUtil.setCurrentTime(job.getDuedate());
    management.executeJob(job.getId());
  }

  /** Fires the red timer of the case's open step. */
  void fireOverdue(String number) {
    CaseFile c = cases.byNumber(number).orElseThrow();
    Job job = management.createJobQuery().processInstanceId(c.processInstanceId()).list().stream()
        .filter(j -> j.getJobDefinitionId() != null && management.createJobDefinitionQuery().jobDefinitionId(j.getJobDefinitionId())
            .singleResult().getActivityId().endsWith("Overdue"))
        .findFirst().orElseThrow();
    ClockUtil.setCurrentTime(job.getDuedate());
    management.executeJob(job.getId());
  }

  void act(String user, String number, StepInput input) {
    tasks.complete(users.get(user), cases.openTasks(cases.byNumber(number).orElseThrow().id()).get(0).taskId(), input);
  }

  /** Sends what is queued; the new mails as "recipient subject" lines, the last one kept. */
  List<String> deliver() throws Exception {
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (MimeMessage m : received()) {
      seen.add(m.getMessageID());
    }
    sender.deliverDue();
    List<String> lines = new ArrayList<>();
    for (MimeMessage m : received()) {
      if (seen.add(m.getMessageID())) {
        lines.add(to(m) + " " + m.getSubject());
        last = m;
      }
    }
    return lines;
  }

  MimeMessage last;

  @Test
  void theHeadsOfTheCardedUnitAreMailedOnceAndItsOfficersOnlyWhereItHasNoHead() throws Exception {
    // 桃源镇 let a dispatch run overdue
    String township = request("村口路灯坏了一个星期");
    fire(township, RequestProcess.TIMER_SIGN_OVERDUE);
    fire(township, "Timer_DispatchOverdue");
    // 民政局 let the handling of a dispatched request run overdue
    String department = request("独居老人无人照看");
    act("wang.fang", department, new StepInput("return", "需民政部门处理", null, null, null, null));
    act("liu.yang", department, new StepInput("dispatch", "请民政局处理", "mz", null, null, null));
    fireOverdue(department); // the department's step, whichever it is now
    deliver(); // the steps' own notices

    Card red = cards.issue(users.get("huang.hua"), new CardOrder("RED", "330106002", null,
        "分派环节超过时限，请镇负责人督促整改", List.of(township)));
    List<String> mails = deliver();
    assertThat(mails).singleElement().asString()
        .contains("<lin.hai@linli.example>")
        .contains("【亮牌警示】红牌 桃源镇 · 超期案件 1 件 (Warning card)");
    String[] parts = parts(last);
    for (String part : parts) {
      assertThat(part).contains("林海", "黄华", "桃源镇", "红牌", "a red card", "分派环节超过时限，请镇负责人督促整改", township,
          "https://linli.example/cases/" + township, "https://linli.example/supervision/cards?card=" + red.id());
    }

    cards.issue(users.get("huang.hua"), new CardOrder("YELLOW", "330106", "mz", "办理超期", List.of(department)));
    assertThat(deliver()).singleElement().asString().contains("<gao.jie@linli.example>").contains("黄牌 青溪县民政局");

    cards.issue(users.get("xu.ming"), new CardOrder("YELLOW", "330106002001", null, "签收超期", List.of(township)));
    assertThat(deliver()).as("桃源村 has no head: its caseworkers").singleElement().asString()
        .contains("<wang.fang@linli.example>").contains("黄牌 桃源村 · 超期案件 1 件");

    assertThat(deliver()).as("nothing twice").isEmpty();
  }
}
