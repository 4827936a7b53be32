package org.linli.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.linli.casefile.CaseEvent;
import org.linli.casefile.CaseEventType;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.organization.CandidateGroups;
import org.linli.organization.OrganizationService;
import org.linli.organization.Scope;
import org.linli.organization.Unit;
import org.linli.request.Channel;
import org.linli.request.IntakeForm;
import org.linli.request.RequestIntake;
import org.linli.request.RequestProcess;
import org.linli.support.DemoUsers;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Yellow and red cards through the API: who may issue them to which unit, naming which cases, and
 * who reads them. Every refusal leaves nothing behind: no card, no timeline entry, no mail.
 */
@LinliIntegrationTest
class CardsTests {

  static final String TAOYUAN_VILLAGE = "330106002001";
  static final String YUNLING_VILLAGE = "330106003001";

  @LocalServerPort int port;
  @Autowired RequestIntake intake;
  @Autowired CaseFiles cases;
  @Autowired ManagementService management;
  @Autowired DemoUsers users;
  @Autowired Cards cards;
  @Autowired OrganizationService organization;
  @Autowired JdbcClient jdbc;
  @Autowired SupervisionFigures figures;
  @Autowired org.linli.calendar.WorkingCalendar calendar;
  final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** A request at the village whose sign-for ran overdue (marked so, and moved up to the township). */
  String overdueRequest(String village) {
    String number = intake.submitByStaff(new IntakeForm("streetlight", null, "村口路灯坏了一个星期", village, "村口", null, null,
        "张三", "13900001111", null, Channel.HOTLINE, null), users.get("huang.hua")).caseNumber();
    fire(number, RequestProcess.TIMER_SIGN_OVERDUE);
    return number;
  }

  void fire(String number, String timerId) {
    CaseFile c = cases.byNumber(number).orElseThrow();
    Job job = management.createJobQuery().processInstanceId(c.processInstanceId()).activityId(timerId).singleResult();
    ClockUtil.setCurrentTime(job.getDuedate());
    management.executeJob(job.getId());
  }

  WebSession.Reply post(String user, String body) {
    return WebSession.on(port).basic(user, "demo").json("POST", "/api/supervision/cards", body);
  }

  static String order(String colour, String division, String department, String reason, String... numbers) {
    return """
        {"colour":%s,"divisionCode":%s,"departmentCode":%s,"reason":%s,"caseNumbers":[%s]}""".formatted(
        quoted(colour), quoted(division), quoted(department), quoted(reason),
        String.join(",", java.util.Arrays.stream(numbers).map(CardsTests::quoted).toList()));
  }

  static String quoted(String s) {
    return s == null ? "null" : "\"" + s + "\"";
  }

  long cardCount() {
    return jdbc.sql("select count(*) from supervision_card").query(Long.class).single();
  }

  long carded(String number) {
    return cases.timeline(cases.byNumber(number).orElseThrow().id()).stream().filter(e -> e.type() == CaseEventType.CARDED).count();
  }

  long cardMails() {
    return jdbc.sql("select count(*) from notification_outbox where type = 'CARD'").query(Long.class).single();
  }

  JsonNode body(WebSession.Reply r) throws Exception {
    return json.readTree(r.body());
  }

  @Test
  void aTownshipSupervisorCardsAVillageForItsOverdueWorkAndItsHeadsAndAreaReadIt() throws Exception {
    String overdue = overdueRequest(TAOYUAN_VILLAGE);

    // the village's overdue work in the supervisor's area offers the case
    WebSession.Reply work = WebSession.on(port).basic("xu.ming", "demo")
        .get("/api/supervision/overdue-work?divisionCode=" + TAOYUAN_VILLAGE);
    assertThat(work.status()).as(work.body()).isEqualTo(200);
    assertThat(work.body()).contains(overdue);

    long mailsBefore = cardMails();
    WebSession.Reply issued = post("xu.ming", order("YELLOW", TAOYUAN_VILLAGE, null, "签收超期，请三日内整改", overdue));
    assertThat(issued.status()).as(issued.body()).isEqualTo(201);
    JsonNode card = body(issued);
    long id = card.get("id").asLong();
    assertThat(card.get("colour").asText()).isEqualTo("YELLOW");
    assertThat(card.get("unitName").asText()).isEqualTo("桃源村");
    assertThat(card.get("issuedByName").asText()).isEqualTo("徐明");
    assertThat(card.get("cases").get(0).get("caseNumber").asText()).isEqualTo(overdue);

    // on the case's timeline, in both languages, the reason as written
    CaseEvent event = cases.timeline(cases.byNumber(overdue).orElseThrow().id()).stream()
        .filter(e -> e.type() == CaseEventType.CARDED).findFirst().orElseThrow();
    assertThat(event.actor()).isEqualTo("xu.ming");
    assertThat(event.note()).isEqualTo("黄牌警示 桃源村：签收超期，请三日内整改");
    assertThat(event.noteEn()).isEqualTo("A yellow card to 桃源村: 签收超期，请三日内整改");
    // 桃源村 has no head: its caseworkers are told
    assertThat(cardMails() - mailsBefore).isEqualTo(organization.membersOf(CandidateGroups.caseworkers(TAOYUAN_VILLAGE)).size());
    assertThat(jdbc.sql("select recipient_user from notification_outbox where type = 'CARD' and dedupe_key like ?")
        .param("CARD:card:" + id + ":%").query(String.class).list()).contains("wang.fang");

    // who reads it: the supervisor, the township's head, the village; not another township, nor a department
    for (String reader : List.of("xu.ming", "huang.hua", "lin.hai", "wang.fang", "liu.yang")) {
      WebSession.Reply one = WebSession.on(port).basic(reader, "demo").get("/api/supervision/cards/" + id);
      assertThat(one.status()).as(reader).isEqualTo(200);
      assertThat(WebSession.on(port).basic(reader, "demo").get("/api/supervision/cards?size=100").body())
          .as(reader).contains("\"id\":" + id + ",");
    }
    for (String outsider : List.of("zhou.yun", "ma.tao", "gao.jie", "wu.lei")) {
      assertThat(WebSession.on(port).basic(outsider, "demo").get("/api/supervision/cards/" + id).status()).as(outsider)
          .isEqualTo(404);
      assertThat(WebSession.on(port).basic(outsider, "demo").get("/api/supervision/cards?size=100").body()).as(outsider)
          .doesNotContain("\"id\":" + id + ",");
    }
  }

  @Test
  void aCountySupervisorCardsATownshipAndTheRankingsCountIt() throws Exception {
    String overdue = overdueRequest(TAOYUAN_VILLAGE); // now at the township's dispatch
    fire(overdue, "Timer_DispatchOverdue");
    Instant from = ClockUtil.getCurrentTime().toInstant().minusSeconds(1);
    Instant to = from.plusSeconds(3600);
    Scope county = Scope.ofDivisions(List.of("330106"));
    long before = count(county, from, to, new Unit("330106002", null), true);

    long mailsBefore = cardMails();
    WebSession.Reply issued = post("huang.hua", order("RED", "330106002", null, "乡镇分派一再超期", overdue));
    assertThat(issued.status()).as(issued.body()).isEqualTo(201);
    long id = body(issued).get("id").asLong();
    // 桃源镇 has a head, 林海: he is told, the township's officers are not
    assertThat(cardMails() - mailsBefore).isEqualTo(1);
    assertThat(jdbc.sql("select recipient_user from notification_outbox where dedupe_key = ?").param("CARD:card:" + id + ":lin.hai")
        .query(String.class).list()).containsExactly("lin.hai");

    assertThat(count(county, from, to, new Unit("330106002", null), true)).isEqualTo(before + 1);
    assertThat(cards.countByUnit(Scope.ofDivisions(List.of("330106003")), from, to))
        .as("another township's area does not see it").noneMatch(c -> c.divisionCode().equals("330106002"));
    assertThat(cards.countByUnit(county, to, to.plusSeconds(60))).as("outside the period").isEmpty();

    // a township supervisor does not card his own township, nor a county supervisor a unit of another county
    WebSession.Reply own = post("xu.ming", order("YELLOW", "330106002", null, "自己的乡镇", overdue));
    assertThat(own.status()).as(own.body()).isEqualTo(403);

    // the 红黑榜 of townships shows it beside 桃源镇's figures, in the API and on the page
    for (int i = 0; i < 3; i++) {
      String closed = intake.submitByStaff(new IntakeForm("streetlight", null, "路灯已修好，办结归档", TAOYUAN_VILLAGE, "村口", null, null,
          "张三", "13900001111", null, Channel.HOTLINE, null), users.get("huang.hua")).caseNumber();
      jdbc.sql("update case_file set status = 'CLOSED', closed_at = ? where case_number = ?")
          .params(java.sql.Timestamp.from(org.linli.system.EngineClock.now()), closed).update();
    }
    figures.refresh(calendar.today().minusDays(1), calendar.today());
    JsonNode ranks = body(WebSession.on(port).basic("huang.hua", "demo").get("/api/supervision/rankings?by=TOWNSHIP&period=TODAY"));
    List<JsonNode> taoyuan = new java.util.ArrayList<>();
    for (String list : List.of("onTimeBest", "onTimeWorst")) {
      ranks.get(list).forEach(u -> {
        if (u.get("key").asText().equals("330106002")) {
          taoyuan.add(u);
        }
      });
    }
    assertThat(taoyuan).as("桃源镇 ranked once, not on both lists: %s", ranks).hasSize(1);
    assertThat(taoyuan.get(0).get("redCards").asLong()).isEqualTo(before + 1);
    assertThat(taoyuan.get(0).get("closed").asLong()).as("the figures beside the cards").isGreaterThanOrEqualTo(3);
    WebSession page = WebSession.on(port);
    page.login("huang.hua", "demo");
    assertThat(page.get("/supervision?rank=TOWNSHIP").body()).contains("红牌 " + (before + 1));
  }

  long count(Scope scope, Instant from, Instant to, Unit unit, boolean red) {
    return cards.countByUnit(scope, from, to).stream().filter(c -> c.unit().equals(unit))
        .mapToLong(c -> red ? c.red() : c.yellow()).sum();
  }

  @Test
  void headsSeeTheirUnitsCasesButActOnNoStep() throws Exception {
    String number = intake.submitByStaff(new IntakeForm("streetlight", null, "路灯不亮了，晚上出行很不方便", TAOYUAN_VILLAGE, "村口",
        null, null, "张三", "13900001111", null, Channel.HOTLINE, null), users.get("huang.hua")).caseNumber();
    WebSession head = WebSession.on(port).basic("lin.hai", "demo");
    assertThat(head.get("/api/cases/" + number).status()).as("桃源镇's head sees its area").isEqualTo(200);
    JsonNode area = body(head.get("/api/tasks?queue=AREA&q=" + number));
    assertThat(area.get("total").asInt()).isEqualTo(1);
    String task = area.get("items").get(0).get("id").asText();
    assertThat(body(head.get("/api/tasks?queue=GROUP")).get("total").asInt()).as("no step is offered to a head").isZero();
    assertThat(head.json("POST", "/api/tasks/" + task + "/claim", null).status()).isEqualTo(403);
    assertThat(WebSession.on(port).basic("gao.jie", "demo").get("/api/cases/" + number).status())
        .as("民政局's head sees the department's cases only").isEqualTo(404);
    assertThat(users.get("gao.jie").scope().covers(TAOYUAN_VILLAGE, "mz")).isTrue();
  }

  @Test
  void theCardsPageIssuesThroughTheSameRulesAndKeepsWhatWasTyped() throws Exception {
    String overdue = overdueRequest(TAOYUAN_VILLAGE);
    long cardsBefore = cardCount();
    WebSession caseworker = WebSession.on(port);
    caseworker.login("wang.fang", "demo");
    assertThat(caseworker.get("/supervision/cards").body()).as("no issuing form").doesNotContain("id=\"unit-form\"");
    assertThat(caseworker.form("/supervision/cards", java.util.Map.of("unit", TAOYUAN_VILLAGE, "colour", "YELLOW",
        "reason", "超期", "cases", overdue)).status()).isEqualTo(403);

    WebSession supervisor = WebSession.on(port);
    supervisor.login("xu.ming", "demo");
    WebSession.Reply page = supervisor.get("/supervision/cards?unit=" + TAOYUAN_VILLAGE);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("name=\"cases\" value=\"" + overdue + "\"");
    assertThat(supervisor.get("/supervision/cards?unit=330106003001").body()).as("another township's village is not offered")
        .doesNotContain("id=\"card-form\"").contains("请选择本辖区的下级单位");

    // without the page's token: refused, nothing recorded
    assertThat(supervisor.formWithout("/supervision/cards", java.util.Map.of("unit", TAOYUAN_VILLAGE, "colour", "YELLOW",
        "reason", "没有令牌", "cases", overdue)).status()).isEqualTo(403);
    // a blank reason: the case stays ticked, the colour chosen
    supervisor.get("/supervision/cards?unit=" + TAOYUAN_VILLAGE);
    WebSession.Reply blank = supervisor.form("/supervision/cards", java.util.Map.of("unit", TAOYUAN_VILLAGE, "colour", "RED",
        "reason", " ", "cases", overdue));
    assertThat(blank.status()).isEqualTo(400);
    assertThat(blank.body()).contains("尚未亮牌", "请填写亮牌理由").doesNotContain("give the reason");
    assertThat(blank.body()).containsPattern("value=\"" + overdue + "\"[^>]*checked=\"checked\"")
        .containsPattern("value=\"RED\"[^>]*checked=\"checked\"");
    // a unit outside the area, as a hand-made form would send it
    WebSession.Reply outside = supervisor.form("/supervision/cards", java.util.Map.of("unit", "330106003001", "colour", "YELLOW",
        "reason", "越界", "cases", overdue));
    assertThat(outside.status()).isEqualTo(403);
    assertThat(outside.body()).contains("只能对本辖区的下级单位亮牌");
    assertThat(cardCount()).isEqualTo(cardsBefore);
    assertThat(carded(overdue)).isZero();

    WebSession.Reply issued = supervisor.form("/supervision/cards", java.util.Map.of("unit", TAOYUAN_VILLAGE, "colour", "RED",
        "reason", "签收超期，请整改", "cases", overdue));
    assertThat(issued.status()).isEqualTo(303);
    assertThat(issued.location()).contains("/supervision/cards?issued=").contains("#card-");
    assertThat(cardCount()).isEqualTo(cardsBefore + 1);
    assertThat(carded(overdue)).isEqualTo(1);
  }

  /** The issuing form's one-time key, as the page renders it. */
  static String submissionOf(String page) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"submission\" value=\"([^\"]+)\"").matcher(page);
    assertThat(m.find()).as("the form carries its key").isTrue();
    return m.group(1);
  }

  @Test
  void aDoubleClickOrARetryIssuesOneCard() throws Exception {
    String overdue = overdueRequest(TAOYUAN_VILLAGE);
    long cardsBefore = cardCount();
    long mailsBefore = cardMails();
    WebSession supervisor = WebSession.on(port);
    supervisor.login("xu.ming", "demo");
    String key = submissionOf(supervisor.get("/supervision/cards?unit=" + TAOYUAN_VILLAGE).body());
    java.util.Map<String, String> form = java.util.Map.of("unit", TAOYUAN_VILLAGE, "colour", "YELLOW", "reason", "签收超期，请整改",
        "cases", overdue, "submission", key);

    // one after the other, as a double click sends them
    WebSession.Reply first = supervisor.form("/supervision/cards", form);
    WebSession.Reply second = supervisor.form("/supervision/cards", form);
    assertThat(first.status()).isEqualTo(303);
    assertThat(second.status()).as("the second post lands on the first one's card").isEqualTo(303);
    assertThat(second.location()).isEqualTo(first.location());
    assertThat(cardCount()).isEqualTo(cardsBefore + 1);
    assertThat(carded(overdue)).as("one timeline entry").isEqualTo(1);
    assertThat(cardMails() - mailsBefore).as("one card's mails").isEqualTo(
        organization.answerFor(new Unit(TAOYUAN_VILLAGE, null)).size());
    // a form shown anew is a new intent, with a key of its own
    assertThat(submissionOf(supervisor.get("/supervision/cards?unit=" + TAOYUAN_VILLAGE).body())).isNotEqualTo(key);

    // two posts at the same moment, on two connections: the unique key lets one of them issue
    String raced = submissionOf(supervisor.get("/supervision/cards?unit=" + TAOYUAN_VILLAGE).body());
    java.util.Map<String, String> again = new java.util.HashMap<>(form);
    again.put("submission", raced);
    List<WebSession> sessions = List.of(WebSession.on(port), WebSession.on(port));
    for (WebSession s : sessions) {
      s.login("xu.ming", "demo");
      s.get("/supervision/cards");
    }
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var start = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<WebSession.Reply>> replies = sessions.stream().map(s -> pool.submit(() -> {
        start.await();
        return s.form("/supervision/cards", again);
      })).toList();
      start.countDown();
      WebSession.Reply a = replies.get(0).get();
      WebSession.Reply b = replies.get(1).get();
      assertThat(List.of(a.status(), b.status())).containsOnly(303);
      assertThat(a.location()).isEqualTo(b.location());
    } finally {
      pool.shutdownNow();
    }
    assertThat(cardCount()).isEqualTo(cardsBefore + 2);
    assertThat(carded(overdue)).isEqualTo(2);

    // the API: a retry with the same Idempotency-Key answers with the card already issued
    String body = order("RED", TAOYUAN_VILLAGE, null, "再次超期", overdue);
    java.util.Map<String, String> header = java.util.Map.of("Idempotency-Key", "retry-" + System.nanoTime());
    WebSession.Reply once = WebSession.on(port).basic("xu.ming", "demo").json("POST", "/api/supervision/cards", body, header);
    WebSession.Reply twice = WebSession.on(port).basic("xu.ming", "demo").json("POST", "/api/supervision/cards", body, header);
    assertThat(once.status()).as(once.body()).isEqualTo(201);
    assertThat(body(twice).get("id").asLong()).isEqualTo(body(once).get("id").asLong());
    assertThat(cardCount()).isEqualTo(cardsBefore + 3);
    WebSession.Reply odd = WebSession.on(port).basic("xu.ming", "demo").json("POST", "/api/supervision/cards", body,
        java.util.Map.of("Idempotency-Key", "a b"));
    assertThat(odd.status()).as("a key no client means").isEqualTo(400);
    assertThat(cardCount()).isEqualTo(cardsBefore + 3);
  }

  @Test
  void refusedCardsLeaveNothingBehind() throws Exception {
    String taoyuan = overdueRequest(TAOYUAN_VILLAGE);
    String yunling = overdueRequest(YUNLING_VILLAGE);
    String fresh = intake.submitByStaff(new IntakeForm("streetlight", null, "路灯刚坏，还没超期", TAOYUAN_VILLAGE, "村口", null, null,
        "李四", "13900002222", null, Channel.HOTLINE, null), users.get("huang.hua")).caseNumber();
    long cardsBefore = cardCount();
    long mailsBefore = cardMails();

    // a caseworker issues no card, nor lists what one could name
    WebSession.Reply caseworker = post("wang.fang", order("YELLOW", TAOYUAN_VILLAGE, null, "超期", taoyuan));
    assertThat(caseworker.status()).as(caseworker.body()).isEqualTo(403);
    assertThat(WebSession.on(port).basic("wang.fang", "demo").get("/api/supervision/overdue-work?divisionCode=" + TAOYUAN_VILLAGE)
        .status()).isEqualTo(403);
    // nor does a unit's head
    assertThat(post("lin.hai", order("YELLOW", TAOYUAN_VILLAGE, null, "超期", taoyuan)).status()).isEqualTo(403);

    // a township supervisor cards no unit outside his township
    WebSession.Reply outside = post("xu.ming", order("YELLOW", YUNLING_VILLAGE, null, "超期", yunling));
    assertThat(outside.status()).as(outside.body()).isEqualTo(403);
    assertThat(WebSession.on(port).basic("xu.ming", "demo").get("/api/supervision/overdue-work?divisionCode=" + YUNLING_VILLAGE)
        .status()).isEqualTo(403);
    assertThat(post("xu.ming", order("YELLOW", "330106", "mz", "超期", taoyuan)).status()).as("a department of the county")
        .isEqualTo(403);

    // nor names a case of another area, a case not overdue, or one that does not exist: one answer for all
    for (String wrong : List.of(yunling, fresh, "MH2026-999999")) {
      WebSession.Reply r = post("xu.ming", order("YELLOW", TAOYUAN_VILLAGE, null, "超期", taoyuan, wrong));
      assertThat(r.status()).as(r.body()).isEqualTo(400);
      assertThat(r.body()).contains("caseNumbers", wrong).doesNotContain(taoyuan + ",");
    }
    // a county supervisor cannot pass another village's case off as this one's
    assertThat(post("huang.hua", order("YELLOW", TAOYUAN_VILLAGE, null, "超期", yunling)).status()).isEqualTo(400);

    // a blank reason, a missing colour, no case: each named at its field
    WebSession.Reply blank = post("xu.ming", order("YELLOW", TAOYUAN_VILLAGE, null, "   ", taoyuan));
    assertThat(blank.status()).as(blank.body()).isEqualTo(400);
    assertThat(body(blank).get("errors").get(0).get("field").asText()).isEqualTo("reason");
    assertThat(blank.body()).contains("请填写亮牌理由");
    WebSession.Reply empty = post("xu.ming", order("PURPLE", TAOYUAN_VILLAGE, null, "超期"));
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.body()).contains("\"colour\"", "\"caseNumbers\"");
    assertThat(post("xu.ming", order("YELLOW", "330106002099", null, "超期", taoyuan)).body()).as("no such village")
        .contains("\"divisionCode\"");

    assertThat(cardCount()).as("no card recorded").isEqualTo(cardsBefore);
    assertThat(cardMails()).as("no card mailed").isEqualTo(mailsBefore);
    assertThat(carded(taoyuan) + carded(yunling) + carded(fresh)).as("no timeline entry").isZero();
    assertThat(WebSession.on(port).basic("huang.hua", "demo").get("/api/supervision/cards/999999999").status()).isEqualTo(404);
  }
}
