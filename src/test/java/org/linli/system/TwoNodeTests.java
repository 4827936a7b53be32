package org.linli.system;

import static org.linli.support.ShanghaiTime.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.linli.LinliApplication;
import org.linli.casefile.CaseEvent;
import org.linli.casefile.CaseEventType;
import org.linli.casefile.CaseFiles;
import org.linli.deadline.DeadlineSweep;
import org.linli.notification.internal.OutboxSender;
import org.linli.request.Channel;
import org.linli.request.IntakeForm;
import org.linli.request.RequestIntake;
import org.linli.request.RequestProcess;
import org.linli.security.LinliUser;
import org.linli.supervision.DailyDigest;
import org.linli.support.TestDatabase;
import org.linli.tasklist.StepInput;
import org.linli.tasklist.TaskActions;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two application nodes on one PostgreSQL database, each with its engine job executor, its Quartz
 * scheduler and its outbox sender running, while both also sweep and send from test threads: each
 * overdue mark, escalation, reminder and mail happens exactly once.
 */
@ExtendWith(TestDatabase.class)
@org.junit.jupiter.api.Tag("database")
class TwoNodeTests {



  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static ConfigurableApplicationContext node(String url, int smtpPort) {
    return new SpringApplicationBuilder(LinliApplication.class)
        .profiles("test", "demo")
        .run(
            "--spring.datasource.url=" + url,
            "--server.port=0",
            "--spring.datasource.hikari.maximum-pool-size=10",
            "--camunda.bpm.generate-unique-process-engine-name=true",
            "--camunda.bpm.job-execution.enabled=true",
            "--camunda.bpm.job-execution.wait-time-in-millis=100",
            "--camunda.bpm.job-execution.max-wait=500",
            "--spring.quartz.auto-startup=true",
            "--linli.notification.deliver-after-commit=true",
            "--spring.mail.host=127.0.0.1",
            "--spring.mail.port=" + smtpPort);
  }

  static LinliUser user(ConfigurableApplicationContext node, String username) {
    var org = node.getBean(org.linli.organization.OrganizationService.class);
    return new LinliUser(username, username, org.groupsOf(username), org.scopeOf(username));
  }

  static void runTogether(List<Callable<Object>> work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(work.size());
    try {
      for (Future<Object> f : pool.invokeAll(work)) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  /** Waits until both job executors have fired every due timer and every queued mail was sent. */
  static void settle(ProcessEngine engine, JdbcClient jdbc, ConfigurableApplicationContext... nodes) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      boolean jobsDone = engine.getManagementService().createJobQuery().executable().count() == 0;
      boolean mailDone = jdbc.sql("select count(*) from notification_outbox where status <> 'SENT'").query(Long.class).single() == 0;
      if (jobsDone && mailDone) {
        return;
      }
      for (ConfigurableApplicationContext node : nodes) {
        node.getBean(OutboxSender.class).deliverDue();
      }
      Thread.sleep(200);
    }
  }

  @Test
  void everyMarkAndMailHappensOnceAcrossTwoNodes() throws Exception {
    assumeTrue(TestDatabase.isPostgres(), "two nodes share one PostgreSQL database");
    int smtpPort;
    try (ServerSocket s = new ServerSocket(0)) {
      smtpPort = s.getLocalPort();
    }
    GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    String url = TestDatabase.freshDatabase("linli_two_nodes");
    ClockUtil.setCurrentTime(Date.from(at("2026-03-02T09:00")));
    try (ConfigurableApplicationContext a = node(url, smtpPort); ConfigurableApplicationContext b = node(url, smtpPort)) {
      RequestIntake intake = a.getBean(RequestIntake.class);
      List<String> unsigned = new ArrayList<>();
      List<String> signed = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String number = intake.submitPublic(new IntakeForm("streetlight", null, "路灯不亮了，晚上出行很不方便", "330106002001",
            "村口大樟树旁", null, null, "张三", "13900001111", null, Channel.PORTAL, null)).caseNumber();
        (i % 2 == 0 ? unsigned : signed).add(number);
      }
      CaseFiles casesB = b.getBean(CaseFiles.class);
      TaskActions tasksB = b.getBean(TaskActions.class);
      for (String number : signed) {
        String taskId = casesB.openTasks(casesB.byNumber(number).orElseThrow().id()).get(0).taskId();
        tasksB.complete(user(b, "wang.fang"), taskId, new StepInput(RequestProcess.SIGN, null, null, null, null, null));
      }

      // the nodes were down for a fortnight; now both job executors fire the due timers while both
      // nodes also sweep, send and run the digest
      ClockUtil.setCurrentTime(Date.from(at("2026-03-20T09:00")));
      ProcessEngine engine = a.getBean(ProcessEngine.class);
      JdbcClient jdbc = a.getBean(JdbcClient.class);
      List<Callable<Object>> sweepAndSend = new ArrayList<>();
      List<Callable<Object>> digest = new ArrayList<>();
      for (ConfigurableApplicationContext node : List.of(a, b)) {
        sweepAndSend.add(() -> node.getBean(DeadlineSweep.class).run());
        sweepAndSend.add(() -> node.getBean(OutboxSender.class).deliverDue());
        digest.add(() -> node.getBean(DailyDigest.class).send(LocalDate.of(2026, 3, 20)));
      }
      runTogether(sweepAndSend);
      settle(engine, jdbc, a, b);
      runTogether(digest); // the next morning's digest, on both nodes at once
      settle(engine, jdbc, a, b);
      assertThat(engine.getManagementService().createJobQuery().executable().count()).as("timers left").isZero();
      assertThat(engine.getManagementService().createJobQuery().withException().count()).as("failed jobs").isZero();

      CaseFiles cases = a.getBean(CaseFiles.class);
      Function<String, Map<String, Long>> marks = number -> cases.timeline(cases.byNumber(number).orElseThrow().id()).stream()
          .filter(e -> e.type() == CaseEventType.OVERDUE || e.type() == CaseEventType.ESCALATED || e.type() == CaseEventType.REMINDED)
          .collect(Collectors.groupingBy(e -> e.type() + " " + e.step(), Collectors.counting()));
      for (String number : unsigned) {
        Map<String, Long> m = marks.apply(number);
        assertThat(m).as(number).containsEntry("OVERDUE Task_SignRequest", 1L).containsEntry("ESCALATED Task_SignRequest", 1L);
        assertThat(m.getOrDefault("REMINDED Task_SignRequest", 0L)).as(number).isLessThanOrEqualTo(1L);
        assertThat(cases.openTasks(cases.byNumber(number).orElseThrow().id())).singleElement()
            .extracting(t -> t.activityId()).isEqualTo(RequestProcess.TASK_DISPATCH);
      }
      for (String number : signed) {
        assertThat(marks.apply(number)).as(number)
            .containsEntry("OVERDUE Task_HandleRequest", 1L).containsEntry("REMINDED Task_HandleRequest", 1L).hasSize(2);
      }

      // each queued mail arrived once; nobody got the same mail twice
      List<Map<String, Object>> rows = jdbc.sql("select dedupe_key, status from notification_outbox").query().listOfRows();
      assertThat(rows).isNotEmpty().allMatch(r -> "SENT".equals(r.get("status")));
      MimeMessage[] received = smtp.getReceivedMessages();
      Map<String, Long> perMail = new HashMap<>();
      for (MimeMessage m : received) {
        perMail.merge(m.getRecipients(Message.RecipientType.TO)[0] + " " + m.getSubject(), 1L, Long::sum);
      }
      assertThat(perMail.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
          .as("mails received more than once").isEmpty();
      assertThat(received).hasSize(rows.size());
      long overdueMails = perMail.keySet().stream().filter(k -> k.contains("【已超期】")).count();
      // per overdue step: the caseworker and the township's supervisor
      assertThat(overdueMails).isEqualTo(2L * (unsigned.size() + signed.size()));
      assertThat(perMail.keySet().stream().filter(k -> k.contains("【每日督查】"))).hasSize(2);
      System.out.printf("[linli] two nodes: %d timers fired, %d mails sent once each%n",
          engine.getHistoryService().createHistoricJobLogQuery().successLog().count(), received.length);
    } finally {
      smtp.stop();
    }
  }
}
