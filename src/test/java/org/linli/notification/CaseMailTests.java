package org.linli.notification;

import static org.linli.support.ShanghaiTime.*;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseTask;
import org.linli.request.Channel;
import org.linli.request.IntakeForm;
import org.linli.request.RequestIntake;
import org.linli.request.RequestProcess;
import org.linli.supervision.DailyDigest;
import org.linli.support.DemoUsers;
import org.linli.support.LinliIntegrationTest;
import org.linli.tasklist.StepInput;
import org.linli.tasklist.TaskActions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * A request's mails on a real SMTP server, from the right events to the right people: new task,
 * reminder at yellow, overdue and escalation at red, urging, the reply to the resident and the
 * supervisors' daily digest. Each once.
 */
@LinliIntegrationTest
class CaseMailTests extends MailTestSupport {


  @Autowired RequestIntake intake;
  @Autowired CaseFiles cases;
  @Autowired TaskActions tasks;
  @Autowired DemoUsers users;
  @Autowired ManagementService management;
  @Autowired DailyDigest digest;
  @Autowired TestRestTemplate rest;


  /** Sends what is queued and returns the new mails as "recipient subject" lines. */
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

  void fire(String number, String timerId) {
    CaseFile c = cases.byNumber(number).orElseThrow();
    Job job = management.createJobQuery().processInstanceId(c.processInstanceId()).activityId(timerId).singleResult();
    ClockUtil.setCurrentTime(job.getDuedate());
    management.executeJob(job.getId());
  }

  @Test
  void eachStepOfADeadlineReachesTheRightPeopleOnce() throws Exception {
    setClock(at("2026-03-02T09:00"));
    String number = intake.submitPublic(new IntakeForm("streetlight", null, "路灯不亮了，晚上出行很不方便", "330106002001",
        "村口大樟树旁", null, null, "张三", "13900001111", "zhang.san@example.com", Channel.PORTAL, null)).caseNumber();

    List<String> mails = deliver();
    assertThat(mails).hasSize(1);
    assertThat(mails.get(0)).contains("wang.fang@linli.example", "【新任务】" + number);
    MimeMessage newTask = last;
    String[] parts = parts(newTask);
    assertThat(parts[0]).contains(number, "签收 Sign for", "2026-03-03 17:30", "https://linli.example/cases/" + number);
    assertThat(parts[1]).contains(number, "桃源村");

    fire(number, "Timer_SignWarning");
    mails = deliver();
    assertThat(mails).hasSize(1);
    assertThat(mails.get(0)).contains("wang.fang@linli.example", "【即将到期】" + number);

    // the digest of that working day lists the case as at risk, to both supervisors above it, once
    assertThat(digest.send(java.time.LocalDate.of(2026, 3, 3))).isEqualTo(2);
    assertThat(digest.send(java.time.LocalDate.of(2026, 3, 3))).as("a second run the same day").isZero();
    mails = deliver();
    assertThat(mails).hasSize(2).allMatch(m -> m.contains("【每日督查】"))
        .anyMatch(m -> m.contains("huang.hua@")).anyMatch(m -> m.contains("xu.ming@"));
    assertThat(parts(last)[0]).contains(number, "即将到期");
    setClock(at("2026-03-07T08:00")); // a Saturday: no digest
    assertThat(digest.send()).isZero();

    fire(number, RequestProcess.TIMER_SIGN_OVERDUE);
    mails = deliver();
    // overdue to the owner and the township's supervisor; escalation to the old and the new owner
    // and the supervisor; the new dispatch step to the township
    assertThat(mails).hasSize(6);
    assertThat(mails).filteredOn(m -> m.contains("【已超期】")).hasSize(2)
        .anyMatch(m -> m.contains("wang.fang@")).anyMatch(m -> m.contains("xu.ming@"));
    assertThat(mails).filteredOn(m -> m.contains("【已升级】")).hasSize(3)
        .anyMatch(m -> m.contains("wang.fang@")).anyMatch(m -> m.contains("liu.yang@")).anyMatch(m -> m.contains("xu.ming@"));
    assertThat(mails).filteredOn(m -> m.contains("【新任务】")).singleElement().asString()
        .contains("liu.yang@", "乡镇分派");

    // the county supervisor urges; a second urging the same day is refused and mails nothing
    var urged = rest.withBasicAuth("huang.hua", "demo")
        .postForEntity("/api/cases/{n}/urge", Map.of("note", "请尽快处理 please hurry"), Map.class, number);
    assertThat(urged.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(urged.getBody().get("urgedBy")).isEqualTo("huang.hua");
    var again = rest.withBasicAuth("xu.ming", "demo")
        .postForEntity("/api/cases/{n}/urge", Map.of("note", "再催"), Map.class, number);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    var notSupervisor = rest.withBasicAuth("liu.yang", "demo")
        .postForEntity("/api/cases/{n}/urge", Map.of("note", "x"), Map.class, number);
    assertThat(notSupervisor.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    mails = deliver();
    assertThat(mails).singleElement().asString().contains("liu.yang@", "【督办】" + number);
    String urgedText = parts(last)[0];
    assertThat(urgedText).contains("请尽快处理", "黄华");

    // the township handles and replies; the resident gets the reply with a rating link
    setClock(at("2026-03-03T09:00"));
    CaseTask dispatch = cases.openTasks(cases.byNumber(number).orElseThrow().id()).get(0);
    tasks.complete(users.get("liu.yang"), dispatch.taskId(), new StepInput(RequestProcess.HANDLE, "乡镇自办", null, null, null, null));
    deliver(); // the handling step's own notice
    CaseTask handle = cases.openTasks(cases.byNumber(number).orElseThrow().id()).get(0);
    tasks.complete(users.get("liu.yang"), handle.taskId(), StepInput.replying("已更换灯泡，恢复照明。", "INTERNAL-NOTE 灯具由镇仓库调拨"));
    mails = deliver();
    assertThat(mails).filteredOn(m -> m.contains("【答复】")).singleElement().asString()
        .contains("zhang.san@example.com", number);
    MimeMessage reply = List.of(received()).stream().filter(m -> {
      try {
        return m.getSubject().contains("【答复】");
      } catch (Exception e) {
        return false;
      }
    }).findFirst().orElseThrow();
    assertThat(parts(reply)[0]).contains("已更换灯泡，恢复照明。", "https://linli.example/portal/rate/").doesNotContain("liu.yang");
    // the resident reads the reply, never the internal note
    assertThat(parts(reply)[0]).doesNotContain("INTERNAL-NOTE", "镇仓库", "乡镇自办");
    assertThat(parts(reply)[1]).contains("已更换灯泡，恢复照明。").doesNotContain("INTERNAL-NOTE", "镇仓库", "乡镇自办");

    assertThat(deliver()).as("nothing is sent twice").isEmpty();
    assertThat(outboxRows()).allMatch(r -> "SENT".equals(r.get("STATUS")));
  }

  @Test
  void aUserWhoTurnedRemindersOffStillGetsOverdueAndUrging() throws Exception {
    jdbc.sql("insert into notification_preference (username, type, enabled) values ('zhao.min', 'REMINDER', false),"
        + " ('zhao.min', 'NEW_TASK', false)").update();
    setClock(at("2026-03-02T09:00"));
    String number = intake.submitByStaff(new IntakeForm("streetlight", null, "路灯不亮了，晚上出行很不方便", "330106002002",
        "杏花村口", null, null, "李四", "13900002222", null, Channel.HOTLINE, null), staff()).caseNumber();
    fire(number, "Timer_SignWarning");
    fire(number, RequestProcess.TIMER_SIGN_OVERDUE);
    List<String> mails = deliver();
    assertThat(mails).noneMatch(m -> m.contains("zhao.min@") && (m.contains("【新任务】") || m.contains("【即将到期】")));
    assertThat(mails).anyMatch(m -> m.contains("zhao.min@") && m.contains("【已超期】"));
  }

  /** Takes requests in as the county's supervisor, whose area covers every village. */
  org.linli.security.LinliUser staff() {
    return users.get("huang.hua");
  }
}
