package org.linli.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.linli.casefile.CaseFiles;
import org.linli.request.Channel;
import org.linli.request.IntakeForm;
import org.linli.request.RequestIntake;
import org.linli.support.DemoUsers;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.WebSession;
import org.linli.system.EngineClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

/**
 * The supervision centre's page: supervisors only, each for their own area; and every number it
 * shows is a link to a case list that lists as many cases as the number says.
 */
@LinliIntegrationTest
class SupervisionPageTests {

  static final Pattern TOTAL = Pattern.compile("id=\"found-total\">共 (\\d+) 件<");

  @LocalServerPort int port;
  @Autowired RequestIntake intake;
  @Autowired DemoUsers users;
  @Autowired SupervisionFigures figures;
  @Autowired CaseFiles cases;
  @Autowired JdbcClient jdbc;
  @Autowired org.linli.calendar.WorkingCalendar calendar;

  WebSession as(String user) {
    WebSession s = WebSession.on(port);
    assertThat(s.login(user, "demo").status()).isEqualTo(302);
    return s;
  }

  String request(String village, String description) {
    return intake.submitByStaff(new IntakeForm("streetlight", null, description, village, "村口", null, null, "张三", "13900001111",
        null, Channel.HOTLINE, null), users.get("huang.hua")).caseNumber();
  }

  @Test
  void onlySupervisorsOpenTheCentreAndOnlyForTheirArea() {
    WebSession.Reply anonymous = WebSession.on(port).get("/supervision");
    assertThat(anonymous.status()).isEqualTo(302);
    assertThat(anonymous.location()).endsWith("/login");
    assertThat(as("wang.fang").get("/supervision").status()).as("a caseworker").isEqualTo(403);
    assertThat(as("liu.yang").get("/supervision").status()).as("a township officer").isEqualTo(403);
    assertThat(as("wang.fang").get("/supervision/diagrams/REQUEST.bpmn").status()).isEqualTo(403);
    assertThat(as("wang.fang").get("/tasks").body()).doesNotContain("href=\"/supervision\"");

    WebSession township = as("xu.ming");
    assertThat(township.get("/tasks").body()).as("in the top bar").contains("href=\"/supervision\"");
    WebSession.Reply own = township.get("/supervision");
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.body()).contains("督办中心", "桃源镇");
    assertThat(township.get("/supervision?division=330106002002").status()).isEqualTo(200);
    assertThat(township.get("/supervision?division=330106003").status()).as("another township").isEqualTo(403);
    assertThat(township.get("/supervision?division=330106003001").status()).as("a village of another township").isEqualTo(403);
    assertThat(township.get("/supervision?division=330106").status()).as("the county above").isEqualTo(403);
    assertThat(township.get("/supervision?division=33010600200").status()).isEqualTo(400);
    assertThat(township.get("/supervision?period=CUSTOM&from=2026-11-30&to=2026-11-01").status()).isEqualTo(400);
    assertThat(township.get("/supervision?days=7").status()).isEqualTo(400);
    WebSession.Reply diagram = township.get("/supervision/diagrams/REQUEST.bpmn");
    assertThat(diagram.status()).isEqualTo(200);
    assertThat(diagram.body()).contains("<bpmn:definitions", "签收").doesNotContain("Sign for");
    assertThat(township.get("/supervision/diagrams/NOTHING.bpmn").status()).isEqualTo(404);

    WebSession county = as("huang.hua");
    assertThat(county.get("/supervision?division=330106003&period=WEEK").status()).isEqualTo(200);
    assertThat(county.get("/supervision?lang=en").body()).contains("Supervision centre").doesNotContain("??");
    assertThat(as("admin").get("/supervision").status()).isEqualTo(200);
  }

  /** A number of the page, by its data-figure, and the case list it links to. */
  record Figure(long value, String href) {}

  static Figure figure(String page, String name) {
    Matcher m = Pattern.compile("<a class=\"tile-value[^\"]*\" href=\"([^\"]+)\" data-figure=\"" + Pattern.quote(name)
        + "\">\\s*<b>(\\d+)</b>").matcher(page);
    assertThat(m.find()).as("the figure " + name + " in the page").isTrue();
    return new Figure(Long.parseLong(m.group(2)), HtmlUtils.htmlUnescape(m.group(1)));
  }

  long listed(WebSession session, String href) {
    WebSession.Reply r = session.get(href);
    assertThat(r.status()).as(href).isEqualTo(200);
    Matcher m = TOTAL.matcher(r.body());
    assertThat(m.find()).as("a count on " + href).isTrue();
    return Long.parseLong(m.group(1));
  }

  /** How many steps the task list behind a link holds: the same filter through the API, which says its total. */
  long tasksListed(String user, String href) {
    String path = HtmlUtils.htmlUnescape(href);
    assertThat(path).startsWith("/tasks?queue=AREA&");
    WebSession.Reply r = WebSession.on(port).basic(user, "demo").get("/api" + path + "&size=1");
    assertThat(r.status()).as(path).isEqualTo(200);
    Matcher m = Pattern.compile("\"total\"\\s*:\\s*(\\d+)").matcher(r.body());
    assertThat(m.find()).as(r.body()).isTrue();
    return Long.parseLong(m.group(1));
  }

  @Test
  void thePagesExportLinksDownloadOnTheSignedInSession() {
    WebSession township = as("xu.ming");
    String page = township.get("/supervision?period=MONTH").body();
    Matcher links = Pattern.compile("href=\"(/supervision/[a-z]+\\.xlsx[^\"]*)\"").matcher(page);
    List<String> found = new ArrayList<>();
    while (links.find()) {
      found.add(HtmlUtils.htmlUnescape(links.group(1)));
    }
    assertThat(found).as("the key figures and each table have an export link").hasSizeGreaterThanOrEqualTo(2);
    for (String link : found) {
      WebSession.Reply file = township.get(link);
      assertThat(file.status()).as(link).isEqualTo(200);
      assertThat(file.header("Content-Type").orElse("")).as(link).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }
    assertThat(as("wang.fang").get("/supervision/figures.xlsx").status()).as("a caseworker").isEqualTo(403);
    assertThat(township.get("/supervision/figures.xlsx?division=330106003").status()).as("another township").isEqualTo(403);
    assertThat(WebSession.on(port).get("/supervision/figures.xlsx").status()).as("nobody signed in: to the login").isEqualTo(302);
  }

  @Test
  void everyNumberLinksToAsManyCasesAsItCounts() {
    List<String> numbers = new ArrayList<>();
    for (String village : List.of("330106002001", "330106002001", "330106002002", "330106002003", "330106001001")) {
      numbers.add(request(village, "路灯坏了，晚上出行不便，请尽快修理"));
    }
    // one closed, one that ran late and is red now, one at risk
    jdbc.sql("update case_file set status = 'CLOSED', closed_at = ?, current_step = null, current_step_name = null, step_due = null where case_number = ?")
        .params(Timestamp.from(EngineClock.now()), numbers.get(0)).update();
    jdbc.sql("update case_file set ever_overdue = true, deadline_state = 'RED' where case_number = ?").param(numbers.get(1)).update();
    jdbc.sql("update case_file set deadline_state = 'YELLOW' where case_number = ?").param(numbers.get(2)).update();
    jdbc.sql("update case_task set due_at = ? where case_id = (select id from case_file where case_number = ?)")
        .params(Timestamp.from(EngineClock.now().minusSeconds(3600)), numbers.get(1)).update();
    // the week's and month's earlier days too, whatever other tests wrote on them
    figures.refresh(calendar.today().minusDays(40), calendar.today());

    List<String> checked = new ArrayList<>();
    for (String[] view : new String[][] {{"xu.ming", ""}, {"xu.ming", "?division=330106002001"}, {"xu.ming", "?period=WEEK"},
        {"huang.hua", ""}, {"huang.hua", "?division=330106002&period=MONTH"}}) {
      WebSession session = as(view[0]);
      String page = session.get("/supervision" + view[1]).body();
      for (String name : List.of("received", "closed", "sv.fig.everOverdueOpen", "sv.fig.redNow", "sv.fig.yellowNow",
          "sv.fig.overdueNow")) {
        Figure f = figure(page, name);
        assertThat(listed(session, f.href())).as(view[0] + view[1] + " " + name + " → " + f.href()).isEqualTo(f.value());
        checked.add(name + "=" + f.value());
      }
      // each place's received and closed cells too
      Matcher row = Pattern.compile("<tr data-key=\"([^\"]+)\">.*?<td class=\"num\"[^>]*>\\s*<a href=\"([^\"]+)\"[^>]*>(\\d+)</a>"
          + ".*?<td class=\"num\"[^>]*>\\s*<a href=\"([^\"]+)\"[^>]*>(\\d+)</a>", Pattern.DOTALL).matcher(page);
      int rows = 0;
      while (row.find()) {
        rows++;
        assertThat(listed(session, HtmlUtils.htmlUnescape(row.group(2)))).as(row.group(1) + " received").isEqualTo(
            Long.parseLong(row.group(3)));
        assertThat(listed(session, HtmlUtils.htmlUnescape(row.group(4)))).as(row.group(1) + " closed").isEqualTo(
            Long.parseLong(row.group(5)));
      }
      assertThat(rows).as("rows of places and units in " + view[0] + view[1]).isPositive();
      // the diagram's counts: the open steps, and the overdue ones, the task list shows
      Matcher step = Pattern.compile("<tr data-activity=\"([^\"]+)\">.*?<a href=\"([^\"]+)\"[^>]*>(\\d+)</a>"
          + ".*?<a href=\"([^\"]+)\"[^>]*>(\\d+)</a>", Pattern.DOTALL).matcher(page);
      int steps = 0;
      while (step.find()) {
        steps++;
        assertThat(tasksListed(view[0], step.group(2))).as(step.group(1) + " open").isEqualTo(Long.parseLong(step.group(3)));
        assertThat(tasksListed(view[0], step.group(4))).as(step.group(1) + " overdue").isEqualTo(Long.parseLong(step.group(5)));
        checked.add("step " + step.group(1) + " overdue=" + step.group(5));
      }
      assertThat(steps).as("steps waiting in " + view[0] + view[1]).isPositive();
    }
    assertThat(checked).as("an overdue step on the diagram").anyMatch(s -> s.startsWith("step ") && !s.endsWith("=0"));
    assertThat(checked).as("the figures are not all zero").anyMatch(s -> s.startsWith("received=") && !s.endsWith("=0"))
        .anyMatch(s -> s.startsWith("closed=") && !s.endsWith("=0"))
        .anyMatch(s -> s.startsWith("sv.fig.redNow=") && !s.endsWith("=0"))
        .anyMatch(s -> s.startsWith("sv.fig.everOverdueOpen=") && !s.endsWith("=0"));
  }
  /** Moves a case's opening back, its record and its timeline alike (the figures count the timeline, the list the record). */
  void openedAt(String number, java.time.Instant at) {
    jdbc.sql("update case_file set opened_at = ? where case_number = ?").params(Timestamp.from(at), number).update();
    jdbc.sql("update case_event set occurred_at = ? where type = 'CREATED' and case_id = (select id from case_file where case_number = ?)")
        .params(Timestamp.from(at), number).update();
  }

  @Test
  void theAgeingBarsLinkToTheOpenCasesTheyCount() {
    for (String village : List.of("330106002001", "330106002002")) {
      request(village, "路灯不亮，村民夜间出行不便");
    }
    // one opened long ago (more than ten working days), one a week ago, whatever the calendar
    List<String> old = List.of(request("330106002001", "井盖缺失，存在安全隐患"), request("330106002003", "道路破损，雨天积水严重"));
    openedAt(old.get(0), EngineClock.now().minus(java.time.Duration.ofDays(30)));
    openedAt(old.get(1), EngineClock.now().minus(java.time.Duration.ofDays(7)));
    figures.refreshRecent(); // what is open is counted by the job, as of its time
    request("330106002002", "刚刚报来：路灯又坏了"); // after it: in no bar until the next count

    for (String[] view : new String[][] {{"xu.ming", ""}, {"xu.ming", "?division=330106002001"}, {"huang.hua", ""}}) {
      WebSession session = as(view[0]);
      String page = session.get("/supervision" + view[1]).body();
      Matcher bar = Pattern.compile("<a href=\"([^\"]+)\" data-label=\"([^\"]+)\">[^<]*[：:] ?(\\d+)</a>").matcher(page);
      int bars = 0;
      long total = 0;
      while (bar.find()) {
        bars++;
        String href = HtmlUtils.htmlUnescape(bar.group(1));
        assertThat(href).startsWith("/cases/search?").contains("status=OPEN");
        long count = Long.parseLong(bar.group(3));
        total += count;
        // counted by the job; the list is now, less what other tests' cases closed since
        assertThat(listed(session, href)).as(view[0] + view[1] + " " + bar.group(2) + " → " + href)
            .isEqualTo(count - CountedOpen.closedSince(jdbc, href));
      }
      assertThat(bars).as("five bars, each a link").isEqualTo(5);
      String countedAt = jdbc.sql("select refreshed_at from supervision_refresh where id = 1").query(Timestamp.class).single()
          .toInstant().toString();
      String all = "/cases/search?status=OPEN&openedBy=" + countedAt + (view[1].isEmpty() ? "" : "&" + view[1].substring(1));
      assertThat(total).as("the bars hold every open case of " + view[0] + view[1] + " when they were counted")
          .isEqualTo(listed(session, all) + CountedOpen.closedSince(jdbc, all));
      assertThat(page).as("the chart's bars link too").contains("&quot;links&quot;:[&quot;/cases/search?");
    }
  }

  @Test
  void theCaseListNarrowsToTheInstantsCasesWereOpenedBetween() {
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      numbers.add(request("330106002002", "路灯闪烁不定，影响通行"));
    }
    java.time.Instant t = EngineClock.now().minus(java.time.Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    for (int i = 0; i < 3; i++) {
      openedAt(numbers.get(i), t.plusSeconds(i - 1)); // at t - 1s, t and t + 1s
    }
    WebSession township = as("xu.ming");
    String after = "/cases/search?division=330106002002&openedAfter=" + t.minusSeconds(1) + "&openedBy=" + t.plusSeconds(1);
    WebSession.Reply r = township.get(after);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).as("after excludes its instant, by includes its own").doesNotContain(numbers.get(0))
        .contains(numbers.get(1), numbers.get(2));
    assertThat(r.body()).as("the window is said and kept by the form").contains("id=\"search-opened\"", "受理于", "受理不晚于",
        "name=\"openedAfter\" value=\"" + t.minusSeconds(1) + "\"");
    assertThat(township.get("/cases/search?division=330106002002&openedBy=" + t).body()).contains(numbers.get(0), numbers.get(1))
        .doesNotContain(numbers.get(2));
    assertThat(township.get("/cases/search?openedAfter=yesterday").status()).as("not an instant").isEqualTo(400);
    assertThat(township.get("/cases/search?openedAfter=" + t + "&openedBy=" + t.minusSeconds(1)).status()).as("a window closing before it opens")
        .isEqualTo(400);
    assertThat(township.get("/cases/search?dated=CREATED&from=2026-11-30&to=2026-11-01").status()).as("days ending before they start")
        .isEqualTo(400);
    assertThat(WebSession.on(port).basic("xu.ming", "demo").get("/api/cases?from=2026-11-30&to=2026-11-01").status()).isEqualTo(400);
    assertThat(township.get("/cases/search?division=330106002002&openedAfter=" + t + "&lang=en").body())
        .contains("opened after").doesNotContain("受理于");
    // the API takes the same window
    WebSession.Reply api = WebSession.on(port).basic("xu.ming", "demo")
        .get("/api/cases?division=330106002002&openedAfter=" + t.minusSeconds(1) + "&openedBy=" + t);
    assertThat(api.body()).contains(numbers.get(1)).doesNotContain(numbers.get(0), numbers.get(2));
  }
}
