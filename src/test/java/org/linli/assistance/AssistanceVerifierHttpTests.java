package org.linli.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.assistance.internal.DisclosureLog;
import org.linli.assistance.internal.HttpHouseholdVerifier;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseTask;
import org.linli.support.DemoUsers;
import org.linli.support.LinliIntegrationTest;
import org.linli.tasklist.StepInput;
import org.linli.tasklist.TaskActions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * HttpHouseholdVerifier against a local stub (the JDK's HttpServer on a free port), in the application
 * configured to use it: the request and the answer, failures, and the access-log row each attempt
 * writes because whole ID numbers leave Linli.
 */
@LinliIntegrationTest
class AssistanceVerifierHttpTests {

  static final HttpServer server = startStub();
  static final AtomicReference<String> received = new AtomicReference<>();
  static final AtomicReference<String> auth = new AtomicReference<>();
  static final AtomicInteger calls = new AtomicInteger();
  static volatile int status = 200;
  static volatile long delayMillis = 0;
  static volatile String answer = "";

  static HttpServer startStub() {
    try {
      HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      s.createContext("/verify", exchange -> {
        calls.incrementAndGet();
        received.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        auth.set(exchange.getRequestHeaders().getFirst("Authorization"));
        try {
          Thread.sleep(delayMillis); // the stub's own latency, to trip the client's timeout
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        byte[] body = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      });
      s.start();
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/verify";
  }

  /** The application's own verifier is the HTTP one, pointed at the stub. */
  @DynamicPropertySource
  static void verifier(DynamicPropertyRegistry registry) {
    registry.add("linli.assistance.verifier.url", AssistanceVerifierHttpTests::url);
    registry.add("linli.assistance.verifier.username", () -> "linli");
    registry.add("linli.assistance.verifier.password", () -> "s3cret");
    registry.add("linli.assistance.verifier.timeout", () -> "5s");
  }

  @AfterAll
  static void stopStub() {
    server.stop(0);
  }

  @Autowired DisclosureLog disclosures;
  @Autowired HouseholdVerifier configured;
  @Autowired AssistanceIntake intake;
  @Autowired CaseFiles cases;
  @Autowired TaskActions tasks;
  @Autowired DemoUsers users;
  @Autowired ManagementService management;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void reset() {
    status = 200;
    delayMillis = 0;
    answer = "";
    received.set(null);
    auth.set(null);
    calls.set(0);
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2026-03-02T09:00").atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  HttpHouseholdVerifier verifier(Duration timeout) {
    return new HttpHouseholdVerifier(new VerifierProperties(url(), timeout, "linli", "s3cret"), disclosures);
  }

  /** A real application (case) entered by the village, waiting for acceptance. */
  String applied(HouseholdApplication a) {
    return intake.apply(a, users.get("wang.fang"), false).caseNumber();
  }

  String fullAnswer(HouseholdApplication family) {
    return "{\"source\":\"省核对平台\",\"members\":[{\"idNumber\":\"" + family.members().get(0).idNumber()
        + "\",\"monthlyIncome\":900.00},{\"idNumber\":\"" + family.members().get(1).idNumber() + "\",\"monthlyIncome\":300.00}],"
        + "\"savings\":3000.00,\"businessValue\":0,\"vehicleValue\":0,\"dwellings\":1,\"findings\":[\"工资收入已核实\"]}";
  }

  List<Map<String, Object>> disclosures(String number) {
    long caseId = cases.byNumber(number).orElseThrow().id();
    return jdbc.sql("select * from sensitive_access_log where case_id = ? and field_group = ? order by id")
        .params(caseId, AssistanceFiles.FIELD_GROUP_EXTERNAL_VERIFICATION).query().listOfRows();
  }

  String recipient() {
    return "verifier@127.0.0.1:" + server.getAddress().getPort();
  }

  @Test
  void theApplicationUsesTheHttpVerifierWhenAUrlIsSet() {
    assertThat(configured).isInstanceOf(HttpHouseholdVerifier.class);
    assertThat(configured.toString()).contains(url()).doesNotContain("s3cret");
  }

  @Test
  void mapsTheAnswerToVerifiedFiguresAndLogsTheDisclosure() {
    HouseholdApplication family = HouseholdFixtures.family(Programme.DIBAO);
    String selfId = family.members().get(0).idNumber();
    String number = applied(family);
    answer = fullAnswer(family);

    HouseholdVerifier.Verified v = verifier(Duration.ofSeconds(5)).verify(number, family);

    assertThat(v.source()).isEqualTo("省核对平台");
    assertThat(v.perCapitaIncome()).isEqualByComparingTo(new BigDecimal("400.00")); // 1200 / 3
    assertThat(v.savingsPerCapita()).isEqualByComparingTo(new BigDecimal("1000.00"));
    assertThat(v.householdSize()).isEqualTo(3);
    assertThat(v.findings()).containsExactly("工资收入已核实");
    // whole ID numbers for matching, nothing of the declared incomes or the reason
    assertThat(received.get()).contains(selfId).contains("\"caseNumber\":\"" + number + "\"")
        .doesNotContain("1500").doesNotContain("丈夫因病").doesNotContain("13900001111");
    assertThat(auth.get()).isEqualTo("Basic " + java.util.Base64.getEncoder().encodeToString("linli:s3cret".getBytes()));

    // one row: the verifier and its host, the case, what left, when, and that it went through
    assertThat(disclosures(number)).singleElement().satisfies(row -> {
      assertThat(column(row, "accessed_by")).isEqualTo(recipient());
      assertThat(column(row, "purpose")).asString().contains("身份证号", "ID numbers of 3 members");
      assertThat(column(row, "outcome")).isEqualTo(DisclosureLog.OK);
      assertThat(((java.sql.Timestamp) column(row, "accessed_at")).toInstant()).isEqualTo(ClockUtil.getCurrentTime().toInstant());
      // the log itself holds no ID number
      assertThat(row.values()).noneMatch(value -> value != null && value.toString().contains(selfId));
    });
  }

  static Object column(Map<String, Object> row, String name) {
    return row.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
        .findFirst().orElseThrow(() -> new AssertionError("no column " + name + " in " + row.keySet()));
  }

  @Test
  void serverErrorFailsSoTheJobRetriesAndTheAttemptIsLogged() {
    HouseholdApplication family = HouseholdFixtures.family(Programme.DIBAO);
    String number = applied(family);
    status = 500;
    answer = "{\"error\":\"down\"}";
    assertThatThrownBy(() -> verifier(Duration.ofSeconds(5)).verify(number, family))
        .isInstanceOf(HouseholdVerifier.VerificationFailed.class).hasMessageContaining("500");
    assertThat(calls.get()).isEqualTo(1);
    assertThat(disclosures(number)).singleElement().satisfies(row -> {
      assertThat(column(row, "accessed_by")).isEqualTo(recipient());
      assertThat(column(row, "outcome")).asString().startsWith(DisclosureLog.FAILED).contains("500");
    });
  }

  @Test
  void slowServiceTimesOutAndTheAttemptIsLogged() {
    HouseholdApplication family = HouseholdFixtures.family(Programme.DIBAO);
    String number = applied(family);
    delayMillis = 2000;
    answer = "{}";
    long start = System.nanoTime();
    assertThatThrownBy(() -> verifier(Duration.ofMillis(300)).verify(number, family))
        .isInstanceOf(HouseholdVerifier.VerificationFailed.class).hasMessageContaining("did not answer");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1800));
    assertThat(disclosures(number)).singleElement()
        .satisfies(row -> assertThat(column(row, "outcome")).asString().startsWith(DisclosureLog.FAILED).contains("did not answer"));
  }

  @Test
  void unreadableAnswerFails() {
    HouseholdApplication family = HouseholdFixtures.family(Programme.DIBAO);
    String number = applied(family);
    answer = "{\"members\":[]}";
    assertThatThrownBy(() -> verifier(Duration.ofSeconds(5)).verify(number, family))
        .isInstanceOf(HouseholdVerifier.VerificationFailed.class).hasMessageContaining("savings");
    assertThat(disclosures(number)).singleElement()
        .satisfies(row -> assertThat(column(row, "outcome")).asString().startsWith(DisclosureLog.FAILED).contains("savings"));
  }

  @Test
  void nothingLeavesForACaseLinliDoesNotKnow() {
    assertThatThrownBy(() -> verifier(Duration.ofSeconds(5)).verify("JZ1999-999999", HouseholdFixtures.family(Programme.DIBAO)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(calls.get()).as("no request without its log row").isZero();
  }

  /**
   * The verification job: a failed attempt rolls the job back but its log row stays; the retry
   * writes a second row. One row per attempt, each with its outcome.
   */
  @Test
  void eachAttemptOfTheVerificationStepIsLoggedEvenWhenTheJobRollsBack() {
    HouseholdApplication family = HouseholdFixtures.family(Programme.DIBAO);
    String number = applied(family);
    CaseFile c = cases.byNumber(number).orElseThrow();
    CaseTask accept = cases.openTasks(c.id()).get(0);
    assertThat(accept.activityId()).isEqualTo(AssistanceProcess.TASK_ACCEPT);
    tasks.complete(users.get("liu.yang"), accept.taskId(),
        new StepInput(AssistanceProcess.ACCEPT, null, null, null, null, null, null, null));
    assertThat(disclosures(number)).as("nothing sent before the step runs").isEmpty();

    status = 503;
    answer = "{}";
    Job job = management.createJobQuery().processInstanceId(c.processInstanceId()).activityId(AssistanceProcess.TASK_VERIFY).singleResult();
    assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("503");
    assertThat(disclosures(number)).singleElement()
        .satisfies(row -> assertThat(column(row, "outcome")).asString().startsWith(DisclosureLog.FAILED).contains("503"));

    status = 200;
    answer = fullAnswer(family);
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(5))));
    management.executeJob(job.getId());
    assertThat(cases.openTasks(c.id())).singleElement()
        .satisfies(t -> assertThat(t.activityId()).isEqualTo(AssistanceProcess.TASK_HOME_VISIT));
    List<Map<String, Object>> rows = disclosures(number);
    assertThat(rows).hasSize(2);
    assertThat(rows).extracting(row -> column(row, "accessed_by")).containsOnly(recipient());
    assertThat(column(rows.get(1), "outcome")).isEqualTo(DisclosureLog.OK);
    assertThat(calls.get()).isEqualTo(2);
  }
}
