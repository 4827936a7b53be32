package org.linli.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseTask;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The findings of the side-door review, replayed as an attacker would, over real HTTP, each refused:
 * the engine's REST API and webapps, steps completed or handed round the step rules, the public
 * API's limits, sign-in guessing, rating tokens, log-in CSRF, staff intake, headers and cookies,
 * engine errors, uploads, stored text and the personal-data log. See {@code TrustBoundaryTests} for
 * variables changed through the engine, and {@code ProductionInstallTests} for a fresh install.
 */
@LinliIntegrationTest
// a context of its own: Camunda's webapps keep their runtime in statics that a context closed
// earlier in this JVM (TwoNodeTests, ProductionInstallTests) has cleared; one JVM runs one context in production
@TestPropertySource(properties = "linli.test.context=side-doors")
class SideDoorTests {

  static final String TAOYUAN = "330106002001"; // wang.fang; 桃源镇 liu.yang
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired CaseFiles cases;
  @Autowired TaskService taskService;
  @Autowired IdentityService identity;
  @Autowired LoginThrottle throttle;

  @AfterEach
  void forgetFailedSignIns() {
    jdbc.sql("delete from login_throttle").update();
  }

  WebSession anonymous() {
    return WebSession.on(port);
  }

  WebSession as(String user) {
    return WebSession.on(port).basic(user, "demo");
  }

  static JsonNode json(WebSession.Reply r) {
    try {
      return JSON.readTree(r.body());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + r.body(), e);
    }
  }

  /** A street-light request of 桃源村 from the public intake, waiting at sign-for. */
  String request() {
    WebSession.Reply r = anonymous().json("POST", "/api/public/requests", """
        {"categoryCode":"streetlight","description":"村口路灯不亮，晚上很黑","divisionCode":"330106002001","address":"桃源村口大樟树",
         "residentName":"李四","residentPhone":"13800002222","residentEmail":"li.si@example.com"}""");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return json(r).get("caseNumber").asText();
  }

  CaseTask open(String number) {
    return cases.openTasks(cases.byNumber(number).orElseThrow().id()).get(0);
  }

  // 1 and 3: the engine's REST API and webapps

  @Test
  void theEnginesRestApiIsClosedToStaffAndToAnonymousVisitors() {
    String number = request();
    CaseTask sign = open(number);
    assertThat(anonymous().get("/engine-rest/task").status()).isEqualTo(401);
    WebSession caseworker = as("wang.fang");
    assertThat(caseworker.get("/engine-rest/task").status()).isEqualTo(403);
    assertThat(caseworker.json("PUT", "/engine-rest/task/" + sign.taskId() + "/variables/standard",
        "{\"value\":50000,\"type\":\"Double\"}").status()).isEqualTo(403);
    assertThat(caseworker.json("POST", "/engine-rest/task/" + sign.taskId() + "/complete",
        "{\"variables\":{\"decision\":{\"value\":\"sign\"},\"handler\":{\"value\":\"ma.tao\"}}}").status()).isEqualTo(403);
    assertThat(as("liu.yang").json("POST", "/engine-rest/task/" + sign.taskId() + "/assignee", "{\"userId\":\"zhou.yun\"}")
        .status()).isEqualTo(403);
    assertThat(as("huang.hua").get("/engine-rest/process-instance").status()).as("supervisors too").isEqualTo(403);
    assertThat(as("designer").get("/engine-rest/deployment").status()).as("designers too").isEqualTo(403);
    assertThat(as("admin").get("/engine-rest/task").status()).isEqualTo(200);
    assertThat(taskService.getVariables(sign.taskId())).doesNotContainKeys("standard", "handler");
  }

  @Test
  void onlyAdministratorsSignInToCamundasWebappsAndTheSetUpPageIsClosed() {
    WebSession admin = anonymous();
    WebSession.Reply signedIn = admin.webappLogin("cockpit", "admin", "demo", null);
    assertThat(signedIn.status()).as("the webapps' own CSRF token in place, " + signedIn.body()).isEqualTo(200);
    assertThat(admin.get("/camunda/api/engine/engine/default/task?maxResults=1").status()).isEqualTo(200);
    for (String app : new String[] {"welcome", "tasklist", "cockpit", "admin"}) {
      WebSession caseworker = anonymous();
      assertThat(caseworker.webappLogin(app, "wang.fang", "demo", null).status()).as(app).isEqualTo(403);
      assertThat(caseworker.get("/camunda/api/engine/engine/default/task").status()).as("no webapp session, no engine API")
          .isIn(401, 403);
    }
    // a second user name in the query does not slip past the check of the form's one
    assertThat(anonymous().webappLogin("welcome", "wang.fang", "demo", "?username=admin").status()).isEqualTo(403);
    assertThat(anonymous().json("POST", "/camunda/api/admin/setup/default/user/create",
        "{\"profile\":{\"id\":\"evil\",\"firstName\":\"e\",\"lastName\":\"e\"},\"credentials\":{\"password\":\"evil-password-1\"}}")
        .status()).isEqualTo(403);
    assertThat(identity.createUserQuery().userId("evil").count()).isZero();
  }

  @Test
  void aStepCompletedOrHandedOutThroughTheEngineIsRefusedEvenForAnAdministrator() {
    String number = request();
    CaseTask sign = open(number);
    WebSession admin = as("admin");
    WebSession.Reply complete = admin.json("POST", "/engine-rest/task/" + sign.taskId() + "/complete",
        "{\"variables\":{\"decision\":{\"value\":\"close\"},\"handler\":{\"value\":\"ma.tao\"}}}");
    assertThat(complete.status()).as(complete.body()).isEqualTo(403);
    assertThat(complete.body()).contains("completed through Linli");
    WebSession.Reply assign = admin.json("POST", "/engine-rest/task/" + sign.taskId() + "/assignee", "{\"userId\":\"zhou.yun\"}");
    assertThat(assign.status()).as(assign.body()).isEqualTo(403);
    assertThat(assign.body()).contains("not a member");
    CaseTask still = open(number);
    assertThat(still.taskId()).isEqualTo(sign.taskId());
    assertThat(still.assignee()).isNull();
    // and through Linli's own API a decision the step does not offer is a clear 400
    WebSession.Reply close = as("wang.fang").json("POST", "/api/tasks/" + sign.taskId() + "/complete", "{\"decision\":\"close\"}");
    assertThat(close.status()).isEqualTo(400);
    assertThat(close.body()).contains("decision");
    assertThat(open(number).taskId()).isEqualTo(sign.taskId());
  }

  // 4: the public API's limits

  @Test
  void thePublicApisLimitsCountAPathSpelledDifferentlyLikeThePlainOne() {
    String client = "198.51.100.44";
    long window = System.currentTimeMillis() / 3_600_000 * 3_600_000;
    // this address has used up its hour of submissions
    jdbc.sql("insert into rate_limit_bucket (bucket_key, window_start, window_end, hits) values (?, ?, ?, ?)")
        .params("submit:" + client, new java.sql.Timestamp(window), new java.sql.Timestamp(window + 3_600_000), 100_000).update();
    try {
      long before = jdbc.sql("select count(*) from case_file").query(Long.class).single();
      for (String path : new String[] {"/api/public/requests", "/api/public/%72equests", "/api/public/re%71uests"}) {
        WebSession.Reply r = anonymous().from(client).json("POST", path, """
            {"categoryCode":"streetlight","description":"村口路灯不亮","divisionCode":"330106002001","address":"村口",
             "residentName":"李四","residentPhone":"13800002222"}""");
        assertThat(r.status()).as(path).isEqualTo(429);
        assertThat(r.header("Retry-After")).isPresent();
      }
      assertThat(jdbc.sql("select count(*) from case_file").query(Long.class).single()).isEqualTo(before);
    } finally {
      jdbc.sql("delete from rate_limit_bucket where bucket_key = ?").param("submit:" + client).update();
    }
  }

  // 5: guessing passwords slows down per user and address; nobody is locked out for good

  @Test
  void wrongPasswordsMakeThatAddressWaitNotTheAccountsOwner() {
    WebSession attacker = anonymous().from("203.0.113.9");
    for (int i = 0; i < 12; i++) {
      assertThat(attacker.basic("zhao.min", "guess-" + i).get("/api/tasks").status()).isEqualTo(401);
    }
    WebSession.Reply waiting = attacker.basic("zhao.min", "demo").get("/api/tasks");
    assertThat(waiting.status()).as("even the right password waits from there").isEqualTo(401);
    assertThat(waiting.body()).contains("too many failed sign-ins");
    assertThat(anonymous().from("198.51.100.7").basic("zhao.min", "demo").get("/api/tasks").status())
        .as("the owner signs in from elsewhere").isEqualTo(200);
    WebSession page = anonymous().from("198.51.100.7");
    assertThat(page.login("zhao.min", "demo").location()).endsWith("/tasks");
    assertThat(anonymous().from("203.0.113.9").login("zhao.min", "demo").location()).endsWith("/login?blocked");
    // the engine's own lock-out (permanent after ten failures) plays no part
    assertThat(identity.checkPassword("zhao.min", "demo")).isTrue();

    assertThat(as("admin").get("/api/admin/login-blocks").body()).contains("zhao.min", "203.0.113.9");
    assertThat(as("wang.fang").get("/api/admin/login-blocks").status()).isEqualTo(403);
    assertThat(as("admin").json("DELETE", "/api/admin/login-blocks/zhao.min", null).status()).isEqualTo(204);
    assertThat(anonymous().from("203.0.113.9").basic("zhao.min", "demo").get("/api/tasks").status()).isEqualTo(200);
  }

  @Test
  void oneAddressGuessingManyAccountsWaitsAsAWhole() {
    WebSession sprayer = anonymous().from("203.0.113.77");
    for (int i = 0; i < 100; i++) {
      sprayer.basic("nobody" + i, "password").get("/api/tasks");
    }
    assertThat(sprayer.basic("wang.fang", "demo").get("/api/tasks").status()).isEqualTo(401);
    assertThat(anonymous().from("203.0.113.78").basic("wang.fang", "demo").get("/api/tasks").status()).isEqualTo(200);
  }

  @Test
  void manySignInsAtOnceWithWrongPasswordsAreRefusedWithoutDrainingTheConnectionPool() throws Exception {
    int at = 60; // three times the connection pool
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(at);
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    java.util.List<java.util.concurrent.Future<Integer>> replies = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < at; i++) {
        int n = i;
        replies.add(pool.submit(() -> {
          go.await();
          return anonymous().from("203.0.113." + (100 + n)).basic("stranger" + n, "password").get("/api/tasks").status();
        }));
      }
      go.countDown();
      for (java.util.concurrent.Future<Integer> r : replies) {
        assertThat(r.get(20, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(401);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(jdbc.sql("select count(*) from login_throttle where username like 'stranger%'").query(Long.class).single())
        .as("every failure counted").isEqualTo(at);
  }

  // 6: rating tokens

  @Test
  void staffNeverSeeTheResidentsRatingToken() {
    String number = request();
    CaseTask sign = open(number);
    WebSession caseworker = as("wang.fang");
    assertThat(caseworker.json("POST", "/api/tasks/" + sign.taskId() + "/complete", "{\"decision\":\"sign\"}").status()).isEqualTo(204);
    CaseTask handle = open(number);
    assertThat(caseworker.json("POST", "/api/tasks/" + handle.taskId() + "/complete",
        "{\"decision\":\"reply\",\"reply\":\"已修复\"}").status()).isEqualTo(204);
    String token = jdbc.sql("select rating_token from resident_request where case_number = ?").param(number)
        .query(String.class).single();
    assertThat(caseworker.get("/api/requests/" + number).body()).doesNotContain(token).doesNotContain("ratingToken");
    WebSession page = anonymous();
    page.login("wang.fang", "demo");
    assertThat(page.get("/cases/" + number).body()).doesNotContain(token);
  }

  // 7: log-in CSRF

  @Test
  void aLogInWithoutTheFormsTokenIsA403ThatSignsNobodyIn() {
    WebSession victim = anonymous();
    WebSession.Reply forged = victim.formWithout("/login", Map.of("username", "wang.fang", "password", "demo"));
    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.body()).contains("没有执行任何操作");
    assertThat(victim.get("/tasks").status()).as("not signed in").isEqualTo(302);
    assertThat(victim.get("/tasks").location()).endsWith("/login");
  }

  // 8: staff intake

  @Test
  void staffTakeRequestsInForTheirOwnAreaOnTheirRolesChannelAndResidentsSetNoPriorityOrTitle() {
    String body = """
        {"categoryCode":"streetlight","description":"村口路灯不亮","divisionCode":"%s","address":"村口",
         "residentName":"李四","residentPhone":"13800002222"%s}""";
    long before = jdbc.sql("select count(*) from case_file").query(Long.class).single();
    assertThat(as("wang.fang").json("POST", "/api/requests", body.formatted("330106003001", "")).status())
        .as("another township's village").isEqualTo(403);
    assertThat(as("wang.fang").json("POST", "/api/requests", body.formatted(TAOYUAN, ",\"channel\":\"PORTAL\"")).status())
        .as("a channel the role does not work").isEqualTo(400);
    assertThat(as("wang.fang").json("POST", "/api/requests", body.formatted(TAOYUAN, ",\"priority\":\"URGENT\"")).status())
        .as("urgent is for officers above the village").isEqualTo(400);
    assertThat(anonymous().json("POST", "/api/public/requests", body.formatted(TAOYUAN, ",\"priority\":\"URGENT\"")).status())
        .isEqualTo(400);
    assertThat(anonymous().json("POST", "/api/public/requests", body.formatted(TAOYUAN, ",\"title\":\"紧急！领导批示\"")).status())
        .isEqualTo(400);
    assertThat(as("designer").json("POST", "/api/requests", body.formatted(TAOYUAN, "")).status()).isEqualTo(403);
    assertThat(jdbc.sql("select count(*) from case_file").query(Long.class).single()).as("nothing opened").isEqualTo(before);

    WebSession.Reply grid = as("li.qiang").json("POST", "/api/requests", body.formatted(TAOYUAN, ""));
    assertThat(grid.status()).isEqualTo(201);
    assertThat(jdbc.sql("select channel from resident_request where case_number = ?").param(json(grid).get("caseNumber").asText())
        .query(String.class).single()).isEqualTo("GRID");
    assertThat(as("liu.yang").json("POST", "/api/requests", body.formatted(TAOYUAN, ",\"priority\":\"URGENT\"")).status())
        .isEqualTo(201);
  }

  // 9: headers and cookies

  @Test
  void linlisPagesSendAContentSecurityPolicyAndTheSessionCookieIsSameSiteAndSecureOverHttps() {
    for (String path : new String[] {"/", "/login", "/portal", "/api/public/request-categories"}) {
      WebSession.Reply r = anonymous().get(path);
      assertThat(r.header("Content-Security-Policy")).as(path).hasValueSatisfying(csp ->
          assertThat(csp).contains("script-src 'self'", "object-src 'none'", "frame-ancestors 'self'"));
    }
    WebSession plain = anonymous();
    plain.get("/login");
    String cookie = plain.form("/login", Map.of("username", "wang.fang", "password", "demo")).header("Set-Cookie").orElseThrow();
    assertThat(cookie).contains("SameSite=Lax", "HttpOnly").doesNotContain("Secure");
    // behind the TLS proxy (X-Forwarded-Proto from a trusted proxy): the cookie is Secure
    WebSession https = anonymous();
    https.get("/login");
    WebSession.Reply overTls = https.formHeaders("/login",
        Map.of("username", "wang.fang", "password", "demo", "_csrf", https.csrfToken()), Map.of("X-Forwarded-Proto", "https"));
    assertThat(overTls.header("Set-Cookie").orElseThrow()).contains("Secure", "SameSite=Lax");
  }

  // 11: errors

  @Test
  void errorsTheCallerCausedOnTheEnginesApiAre4xxNot500() {
    WebSession admin = as("admin");
    WebSession.Reply dmn = admin.json("POST", "/engine-rest/decision-definition/key/assistance-eligibility/evaluate",
        "{\"variables\":{\"programme\":{\"value\":\"DIBAO\"},\"perCapitaIncome\":{\"value\":\"not a number\"}}}");
    assertThat(dmn.status()).as(dmn.body()).isBetween(400, 499);
    WebSession.Reply approval = admin.json("POST", "/engine-rest/process-definition/key/verification-approval/start",
        "{\"variables\":{\"approvalLevels\":{\"value\":\"[]\"}}}");
    assertThat(approval.status()).as(approval.body()).isEqualTo(400);
    WebSession.Reply caseWithoutIntake = admin.json("POST", "/engine-rest/process-definition/key/resident-request/start",
        "{\"variables\":{\"divisionCode\":{\"value\":\"330106003001\"}}}");
    assertThat(caseWithoutIntake.status()).as("cases open through Linli's intake").isEqualTo(403);
  }

  @Test
  void anUploadTooLargeIsA413SayingSoAndStoresNothing() {
    String number = request();
    WebSession page = anonymous();
    page.login("wang.fang", "demo");
    page.get("/cases/" + number);
    String boundary = "----linli" + System.nanoTime();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + page.csrfToken() + "\r\n--"
        + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + 8 * 1024 * 1024 + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(tail, 0, body, body.length - tail.length, tail.length);
    WebSession.Reply r = page.post("/cases/" + number + "/attachments", "multipart/form-data; boundary=" + boundary, body);
    assertThat(r.status()).isEqualTo(413);
    assertThat(r.body()).contains("文件太大", "MB");
    assertThat(jdbc.sql("select count(*) from case_attachment a join case_file c on c.id = a.case_id where c.case_number = ?")
        .param(number).query(Long.class).single()).isZero();
  }

  // 12: stored text

  @Test
  void controlCharactersAndBrokenSurrogatesAreCleanedAndAbsurdValuesRefused() {
    WebSession.Reply r = anonymous().json("POST", "/api/public/requests", """
        {"categoryCode":"streetlight","description":"村口\\u0000路灯\\ud800不亮\\u0007了","divisionCode":"330106002001",
         "address":"村口\\u0000","residentName":"李四","residentPhone":"13800002222"}""");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    String number = json(r).get("caseNumber").asText();
    assertThat(jdbc.sql("select description from resident_request where case_number = ?").param(number).query(String.class)
        .single()).isEqualTo("村口路灯不亮了");
    assertThat(jdbc.sql("select address from resident_request where case_number = ?").param(number).query(String.class)
        .single()).isEqualTo("村口");

    String report = """
        {"type":"ACCIDENT","subtype":"PRODUCTION_SAFETY","divisionCode":"330106002001","location":"砖厂",
         "occurredAt":"%s","description":"窑体坍塌","dead":0,"injured":0%s}""";
    long before = jdbc.sql("select count(*) from case_file").query(Long.class).single();
    WebSession.Reply year0 = as("li.qiang").json("POST", "/api/emergency/incidents", report.formatted("0000-07-01T01:50:00Z", ""));
    assertThat(year0.status()).as(year0.body()).isEqualTo(400);
    assertThat(year0.body()).contains("occurredAt");
    WebSession.Reply drill = as("li.qiang").json("POST", "/api/emergency/incidents",
        report.formatted("2026-07-01T01:50:00Z", ",\"drill\":1e30"));
    assertThat(drill.status()).as(drill.body()).isEqualTo(400);
    assertThat(drill.body()).contains("drill");
    WebSession.Reply loss = as("li.qiang").json("POST", "/api/emergency/incidents",
        report.formatted("2026-07-01T01:50:00Z", ",\"estimatedLoss\":1e999999999"));
    assertThat(loss.status()).as(loss.body()).isEqualTo(400);
    assertThat(jdbc.sql("select count(*) from case_file").query(Long.class).single()).isEqualTo(before);
  }

  // 13: whole views of personal data are logged

  @Test
  void staffActingOnARequestSeeTheResidentWholeAndTheViewIsLoggedOthersSeeItMasked() {
    String number = request();
    long caseId = cases.byNumber(number).map(CaseFile::id).orElseThrow();
    JsonNode acting = json(as("wang.fang").get("/api/requests/" + number)).get("request");
    assertThat(acting.get("residentPhone").asText()).isEqualTo("13800002222");
    JsonNode watching = json(as("huang.hua").get("/api/requests/" + number)).get("request");
    assertThat(watching.get("residentPhone").asText()).isEqualTo("138****2222");
    assertThat(watching.get("residentName").asText()).isEqualTo("李*");
    assertThat(watching.get("address").asText()).doesNotContain("大樟树");
    WebSession page = anonymous();
    page.login("wang.fang", "demo");
    assertThat(page.get("/cases/" + number).body()).contains("13800002222");
    assertThat(jdbc.sql("select count(*) from sensitive_access_log where case_id = ? and accessed_by = 'wang.fang'").param(caseId)
        .query(Long.class).single()).as("one row per whole view").isEqualTo(2);
    assertThat(jdbc.sql("select count(*) from sensitive_access_log where case_id = ? and accessed_by = 'huang.hua'").param(caseId)
        .query(Long.class).single()).isZero();

    JsonNode log = json(as("admin").get("/api/admin/personal-data-views?caseNumber=" + number));
    assertThat(log.get("total").asLong()).isEqualTo(2);
    assertThat(log.get("items").get(0).get("viewedBy").asText()).isEqualTo("wang.fang");
    assertThat(log.get("items").get(0).get("purpose").asText()).contains("签收");
    assertThat(as("huang.hua").get("/api/admin/personal-data-views").status()).isEqualTo(403);
  }
}
