package org.linli.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseTask;
import org.linli.emergency.EmergencyLevels;
import org.linli.emergency.EmergencyProcess;
import org.linli.emergency.EmergencyReports;
import org.linli.emergency.IncidentReport;
import org.linli.emergency.IncidentSubtype;
import org.linli.emergency.IncidentType;
import org.linli.support.DemoUsers;
import org.linli.support.LinliIntegrationTest;
import org.linli.tasklist.StepInput;
import org.linli.tasklist.TaskActions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Emergency mail on a real SMTP server: who is told at each level, once; grave events reported
 * upward (duty@emergency.city.example by default); a drill mails its participants only.
 */
@LinliIntegrationTest
class EmergencyMailTests extends MailTestSupport {

  static final String UPWARD = "duty@emergency.city.example";

  @Autowired EmergencyReports reports;
  @Autowired EmergencyLevels levels;
  @Autowired CaseFiles cases;
  @Autowired TaskActions tasks;
  @Autowired DemoUsers users;
  @Autowired ManagementService management;

  final List<MimeMessage> all = new ArrayList<>();

  /** Delivers what is queued; the new emergency mails' recipients, and all new mails in {@link #all}. */
  List<String> deliverEmergency() throws Exception {
    Set<String> seen = new HashSet<>();
    for (MimeMessage m : received()) {
      seen.add(m.getMessageID());
    }
    sender.deliverDue();
    List<String> to = new ArrayList<>();
    for (MimeMessage m : received()) {
      if (seen.add(m.getMessageID())) {
        all.add(m);
        if (m.getSubject().startsWith("【突发事件】")) {
          to.add(address(m));
        }
      }
    }
    return to;
  }

  IncidentReport accident(int dead, boolean drill, List<String> participants) {
    return new IncidentReport(IncidentReport.Phase.INCIDENT, IncidentType.ACCIDENT, IncidentSubtype.PRODUCTION_SAFETY, "330106002001",
        "桃源村砖厂东侧", null, null, now(), "窑体坍塌", dead, 0, 0, 0, 0, BigDecimal.ZERO, null, drill, participants);
  }

  String at(String user) {
    return user + "@linli.example";
  }

  @Test
  void eachLevelTellsItsPeopleOnceAndGraveOnesGoUpward() throws Exception {
    String n = reports.report(accident(1, false, List.of()), users.get("li.qiang")).caseNumber();
    assertThat(deliverEmergency()).as("level IV: the village and its township")
        .containsExactlyInAnyOrder(at("wang.fang"), at("li.qiang"), at("liu.yang"));
    MimeMessage first = all.stream().filter(m -> subject(m).startsWith("【突发事件】")).findFirst().orElseThrow();
    String[] parts = parts(first);
    assertThat(subject(first)).contains(n, "IV级响应已启动");
    assertThat(parts[0]).contains(n, "IV级 一般", "生产安全事故", "桃源村", "死亡 1");
    assertThat(parts[1]).contains(n, "IV级 一般");

    levels.change(n, "II", "被困人员增多 more trapped", users.get("liu.yang"));
    assertThat(deliverEmergency()).as("level II: also emergency management, the supervisors, the command, and upward")
        .containsExactlyInAnyOrder(at("wang.fang"), at("li.qiang"), at("liu.yang"), at("he.jun"), at("huang.hua"), at("sun.hao"),
            UPWARD);
    assertThat(deliverEmergency()).as("nothing twice").isEmpty();

    // the command misses its first report: escalation to the county's supervisors, and upward at once
    CaseFile c = cases.byNumber(n).orElseThrow();
    CaseTask arrive = cases.openTasks(c.id()).stream().filter(t -> t.activityId().equals(EmergencyProcess.TASK_ARRIVE)).findFirst().orElseThrow();
    tasks.complete(users.get("sun.hao"), arrive.taskId(), new StepInput(EmergencyProcess.ARRIVE, "到场", null, null, null, null));
    Job missed = management.createJobQuery().processInstanceId(c.processInstanceId())
        .activityId(EmergencyProcess.TIMER_FIRST_REPORT_MISSED).singleResult();
    ClockUtil.setCurrentTime(missed.getDuedate());
    management.executeJob(missed.getId());
    assertThat(deliverEmergency()).containsExactly(UPWARD);
    assertThat(all).filteredOn(m -> subject(m).startsWith("【已升级】")).extracting(EmergencyMailTests::address)
        .contains(at("huang.hua"), at("sun.hao"));
  }

  @Test
  void aDrillMailsItsParticipantsOnly() throws Exception {
    String n = reports.report(accident(4, true, List.of("li.qiang", "he.jun")), users.get("li.qiang")).caseNumber();
    assertThat(deliverEmergency()).as("level III drill").containsExactlyInAnyOrder(at("li.qiang"), at("he.jun"));
    assertThat(parts(all.get(all.size() - 1))[0]).contains("【演练】");
    levels.change(n, "I", "演练升级 drill: raised", users.get("he.jun"));
    assertThat(deliverEmergency()).as("no command, no supervisors, nothing upward").containsExactlyInAnyOrder(at("li.qiang"), at("he.jun"));
    assertThat(all).extracting(EmergencyMailTests::address).doesNotContain(at("wang.fang"), at("liu.yang"), at("huang.hua"), at("sun.hao"), UPWARD);
  }

  static String address(MimeMessage m) {
    try {
      return ((jakarta.mail.internet.InternetAddress) m.getRecipients(jakarta.mail.Message.RecipientType.TO)[0]).getAddress();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
