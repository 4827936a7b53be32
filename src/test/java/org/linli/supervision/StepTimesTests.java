package org.linli.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseTask;
import org.linli.casefile.StepTime;
import org.linli.organization.Scope;
import org.linli.request.Channel;
import org.linli.request.IntakeForm;
import org.linli.request.RequestIntake;
import org.linli.request.RequestProcess;
import org.linli.support.DemoUsers;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.ShanghaiTime;
import org.linli.support.WebSession;
import org.linli.tasklist.StepInput;
import org.linli.tasklist.TaskActions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The average time spent at each activity, on the supervision centre's diagram: steps completed
 * through the engine with its clock moved, their office time on the working-day calendar (across
 * the 2025 National Day holidays, a make-up Saturday and a weekend), per area and period.
 */
@LinliIntegrationTest
class StepTimesTests {

  static final String TAOYUAN_VILLAGE = "330106002001";
  static final String YUNLING_VILLAGE = "330106003001";

  @LocalServerPort int port;
  @Autowired RequestIntake intake;
  @Autowired CaseFiles cases;
  @Autowired TaskActions tasks;
  @Autowired DemoUsers users;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static void at(String shanghai) {
    ClockUtil.setCurrentTime(Date.from(ShanghaiTime.at(shanghai)));
  }

  String request(String village, String phone) {
    return intake.submitByStaff(new IntakeForm("streetlight", null, "村口路灯不亮，夜里看不清路", village, "村口", null, null, "张三",
        phone, null, Channel.HOTLINE, null), users.get("huang.hua")).caseNumber();
  }

  CaseTask open(String number) {
    return cases.openTasks(cases.byNumber(number).orElseThrow().id()).get(0);
  }

  void sign(String user, String number) {
    assertThat(open(number).activityId()).isEqualTo(RequestProcess.TASK_SIGN);
    tasks.complete(users.get(user), open(number).taskId(), new StepInput(RequestProcess.SIGN, null, null, null, null, null));
  }

  static Map<String, StepTime> byActivity(List<StepTime> times) {
    return times.stream().collect(Collectors.toMap(StepTime::activityId, t -> t));
  }

  List<StepTime> times(Scope scope) {
    return cases.stepTimes(scope, RequestProcess.KIND, LocalDate.of(2025, 9, 30), LocalDate.of(2025, 10, 20));
  }

  @Test
  void eachActivitysAverageCountsOfficeTimeOnTheCalendarInTheUsersArea() {
    // 桃源村: signed in two hours; handled from the day before the holidays to the first working day after them
    at("2025-09-30T09:00");
    String first = request(TAOYUAN_VILLAGE, "13900002501");
    at("2025-09-30T11:00");
    sign("wang.fang", first);
    at("2025-10-09T10:00");
    // 09-30 11:00–12:00 and 13:30–17:30, 10-01 to 10-08 off, 10-09 08:30–10:00: 60 + 240 + 90 minutes
    tasks.complete(users.get("wang.fang"), open(first).taskId(), StepInput.replying("已修复", null));
    at("2025-10-09T09:00");
    String second = request(TAOYUAN_VILLAGE, "13900002502");
    at("2025-10-09T10:00");
    sign("wang.fang", second);

    // 云岭村: over a make-up Saturday (10-11 works), and over a plain weekend
    at("2025-10-10T16:30");
    String third = request(YUNLING_VILLAGE, "13900002503");
    at("2025-10-13T10:30");
    sign("zhou.yun", third); // Friday 60 + Saturday 450 + Monday 120
    at("2025-10-17T16:30");
    String fourth = request(YUNLING_VILLAGE, "13900002504");
    at("2025-10-20T10:30");
    sign("zhou.yun", fourth); // Friday 60 + Monday 120

    // the completion keeps when the step opened and its office minutes
    assertThat(jdbc.sql("select step_started_at, working_minutes from case_event where step = ? and working_minutes is not null"
            + " and case_id = (select id from case_file where case_number = ?)")
        .params(RequestProcess.TASK_HANDLE, first)
        .query((rs, i) -> rs.getTimestamp(1).toInstant() + " " + rs.getInt(2)).single())
        .isEqualTo(ShanghaiTime.at("2025-09-30T11:00") + " 390");

    Map<String, StepTime> township = byActivity(times(users.get("xu.ming").scope()));
    assertThat(township.get(RequestProcess.TASK_SIGN)).isEqualTo(new StepTime("REQUEST", RequestProcess.TASK_SIGN, 2, 120 + 60));
    assertThat(township.get(RequestProcess.TASK_HANDLE)).isEqualTo(new StepTime("REQUEST", RequestProcess.TASK_HANDLE, 1, 390));
    assertThat(township.get(RequestProcess.TASK_SIGN).averageHours()).isEqualTo(1.5);
    Map<String, StepTime> other = byActivity(times(users.get("ma.tao").scope()));
    assertThat(other).as("another township sees its own steps only").containsOnlyKeys(RequestProcess.TASK_SIGN);
    assertThat(other.get(RequestProcess.TASK_SIGN)).isEqualTo(new StepTime("REQUEST", RequestProcess.TASK_SIGN, 2, 630 + 180));
    Map<String, StepTime> county = byActivity(times(users.get("huang.hua").scope()));
    assertThat(county.get(RequestProcess.TASK_SIGN)).isEqualTo(new StepTime("REQUEST", RequestProcess.TASK_SIGN, 4, 990));
    assertThat(byActivity(cases.stepTimes(users.get("huang.hua").scope(), RequestProcess.KIND, LocalDate.of(2025, 10, 14),
        LocalDate.of(2025, 10, 20))).get(RequestProcess.TASK_SIGN))
        .as("the period: completed from the 14th on").isEqualTo(new StepTime("REQUEST", RequestProcess.TASK_SIGN, 1, 180));
    assertThat(times(users.get("wang.fang").scope())).as("a caseworker's village").extracting(StepTime::completed)
        .containsOnly(2L, 1L);
    assertThat(cases.stepTimes(users.get("huang.hua").scope(), "EMERGENCY", LocalDate.of(2025, 9, 30), LocalDate.of(2025, 10, 20)))
        .as("another process").isEmpty();

    // on the page: the table and the diagram's labels, for the period, in the supervisor's area
    String period = "period=CUSTOM&from=2025-09-30&to=2025-10-20";
    String townshipPage = page("xu.ming", "/supervision?" + period);
    assertThat(average(townshipPage, RequestProcess.TASK_SIGN)).isEqualTo("1.5");
    assertThat(average(townshipPage, RequestProcess.TASK_HANDLE)).isEqualTo("6.5");
    assertThat(townshipPage).contains("平均 1.5 工时", "平均 6.5 工时", "本期办结的环节平均用时 1.5 工时（2 件次，按工作日历计）");
    assertThat(average(page("huang.hua", "/supervision?" + period), RequestProcess.TASK_SIGN)).isEqualTo("4.1"); // 990 / 4 / 60 = 4.125
    assertThat(average(page("huang.hua", "/supervision?" + period + "&division=330106003"), RequestProcess.TASK_SIGN))
        .isEqualTo("6.8"); // 810 / 2 / 60 = 6.75
    assertThat(average(page("xu.ming", "/supervision?" + period + "&division=330106002002"), RequestProcess.TASK_SIGN))
        .as("a village with nothing completed").isIn(null, "—");
    assertThat(average(page("huang.hua", "/supervision?period=CUSTOM&from=2025-10-14&to=2025-10-20"), RequestProcess.TASK_SIGN))
        .isEqualTo("3.0");
    assertThat(page("huang.hua", "/supervision?lang=en&" + period)).contains("⌀ 4.1 h", "Average hours");
  }

  String page(String user, String path) {
    WebSession s = WebSession.on(port);
    assertThat(s.login(user, "demo").status()).isEqualTo(302);
    WebSession.Reply r = s.get(path);
    assertThat(r.status()).as(path).isEqualTo(200);
    return r.body();
  }

  /** The average in the diagram's table for the step, or null when the step has no row. */
  static String average(String page, String activity) {
    Matcher m = Pattern.compile("<tr data-activity=\"" + activity + "\">.*?<a href=\"[^\"]+\" class=\"average\"[^>]*>([^<]+)</a>",
        Pattern.DOTALL).matcher(page);
    return m.find() ? m.group(1) : null;
  }
}
