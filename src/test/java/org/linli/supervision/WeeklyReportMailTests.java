package org.linli.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.support.ShanghaiTime.at;

import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.linli.notification.MailTestSupport;
import org.linli.organization.Scope;
import org.linli.request.Channel;
import org.linli.request.IntakeForm;
import org.linli.request.RequestIntake;
import org.linli.supervision.internal.FigureTables;
import org.linli.support.DemoUsers;
import org.linli.support.LinliIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The weekly report on a real SMTP server: on the week's first working day (after the National Day
 * holidays, a Thursday) each supervisor gets last week's figures of their area, Chinese first, once
 * however often the job runs.
 */
@LinliIntegrationTest
class WeeklyReportMailTests extends MailTestSupport {

  @Autowired WeeklyReport weekly;
  @Autowired SupervisionFigures figures;
  @Autowired RequestIntake intake;
  @Autowired DemoUsers users;

  String request(String village, String local) {
    setClock(at(local));
    return intake.submitByStaff(new IntakeForm("streetlight", null, "路灯不亮了，晚上出行很不方便", village, "村口", null, null, "张三",
        "13900001111", null, Channel.HOTLINE, null), users.get("huang.hua")).caseNumber();
  }

  @Test
  void lastWeeksFiguresReachEachSupervisorOnceOnTheFirstWorkingDay() throws Exception {
    // the week of Monday 28 September 2026: three requests in 桃源镇, one in 青溪街道
    request("330106002001", "2026-09-28T10:00");
    request("330106002002", "2026-09-29T15:30");
    request("330106002002", "2026-09-30T23:50");
    request("330106001001", "2026-09-30T09:00");
    jdbc.sql("delete from notification_outbox").update(); // the requests' own mails
    figures.refresh(LocalDate.parse("2026-09-28"), LocalDate.parse("2026-10-11"));
    Period week = new Period(LocalDate.parse("2026-09-28"), LocalDate.parse("2026-10-04"));
    KeyFigures county = figures.keyFigures(Scope.ofDivisions(Set.of("330106")), week);
    KeyFigures township = figures.keyFigures(Scope.ofDivisions(Set.of("330106002")), week);
    assertThat(township.received()).isGreaterThanOrEqualTo(3);

    // Monday 5 October to Wednesday 7 are National Day holidays: nothing
    setClock(at("2026-10-05T08:10"));
    assertThat(weekly.send()).isZero();
    setClock(at("2026-10-07T08:10"));
    assertThat(weekly.send()).isZero();
    // Thursday 8 October is the week's first working day: the county's and 桃源镇's supervisors
    setClock(at("2026-10-08T08:10"));
    assertThat(weekly.send()).isEqualTo(2);
    assertThat(weekly.send()).as("a second run the same day").isZero();
    setClock(at("2026-10-09T08:10"));
    assertThat(weekly.send()).as("the next working day").isZero();
    setClock(at("2026-10-10T08:10"));
    assertThat(weekly.send()).as("Saturday 10 October, a make-up working day").isZero();

    assertThat(sender.deliverDue()).isEqualTo(2);
    MimeMessage[] mails = received();
    assertThat(mails).hasSize(2);
    MimeMessage toCounty = mailTo(mails, "huang.hua@");
    MimeMessage toTownship = mailTo(mails, "xu.ming@");

    assertThat(toCounty.getSubject()).isEqualTo("【每周督查】2026-09-28 至 2026-10-04 青溪县 受理 " + county.received() + " 件 · 办结 "
        + county.closed() + " 件 (Weekly report)");
    String[] parts = parts(toCounty);
    keep("weekly-county", parts);
    keep("weekly-township", parts(toTownship));
    for (String part : parts) {
      assertThat(part).contains("黄华", "青溪县", "2026-09-28", "2026-10-04", "受理量", "Received", "办结率", "桃源镇", "青溪街道",
          "https://linli.example/supervision/report?month=2026-10").doesNotContain("null");
    }
    // Chinese first: the Chinese sentence, then the English one
    String text = parts[0];
    assertThat(text.indexOf("督查周报")).isPositive().isLessThan(text.indexOf("Weekly report for"));
    assertThat(text).contains("受理 " + county.received() + " 件").contains("- 受理量 Received：" + county.received())
        .contains("- 按期办结率 On-time rate：" + orDash(FigureTables.percent(county.onTimeRate())))
        .contains("- 当前超期（红） Overdue now (red)：" + county.redNow());

    // the township's supervisor reads his township's villages
    String townText = parts(toTownship)[0];
    assertThat(toTownship.getSubject()).contains("桃源镇 受理 " + township.received() + " 件");
    assertThat(townText).contains("各村社区情况 By Village", "桃源村", "杏花村").doesNotContain("青溪街道");
    assertThat(parts(toTownship)[1]).contains("https://linli.example/supervision/report?month=2026-10&amp;division=330106002");

    // the next week is a new report
    setClock(at("2026-10-12T08:10"));
    assertThat(weekly.send()).isEqualTo(2);
    assertThat(sender.deliverDue()).isEqualTo(2);
    assertThat(received()).hasSize(4);
  }

  @Test
  void noReportOnADayOff() {
    setClock(at("2026-10-03T08:10")); // a Saturday in the holidays
    assertThat(weekly.send()).isZero();
    assertThat(outboxRows()).isEmpty();
  }

  /** The mails as sent, in target/mails, for a person to look at. */
  static void keep(String name, String[] parts) throws java.io.IOException {
    java.nio.file.Path dir = java.nio.file.Path.of("target", "mails");
    java.nio.file.Files.createDirectories(dir);
    java.nio.file.Files.writeString(dir.resolve(name + ".txt"), parts[0]);
    java.nio.file.Files.writeString(dir.resolve(name + ".html"), parts[1]);
  }

  static String orDash(String text) {
    return text.isEmpty() ? "—" : text;
  }

  static MimeMessage mailTo(MimeMessage[] mails, String who) {
    return List.of(mails).stream().filter(m -> {
      try {
        return to(m).contains(who);
      } catch (Exception e) {
        return false;
      }
    }).findFirst().orElseThrow(() -> new AssertionError("no mail to " + who));
  }
}
