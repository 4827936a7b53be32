package org.linli.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.assistance.internal.HttpHouseholdVerifier;

/** HttpHouseholdVerifier against a local stub (the JDK's HttpServer on a free port). */
class AssistanceVerifierHttpTests {

  HttpServer server;
  final AtomicReference<String> received = new AtomicReference<>();
  final AtomicReference<String> auth = new AtomicReference<>();
  volatile int status = 200;
  volatile long delayMillis = 0;
  volatile String answer = "";

  @BeforeEach
  void startStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/verify", exchange -> {
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
    server.start();
  }

  @AfterEach
  void stopStub() {
    server.stop(0);
  }

  HttpHouseholdVerifier verifier(Duration timeout) {
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/verify";
    return new HttpHouseholdVerifier(new VerifierProperties(url, timeout, "linli", "s3cret"));
  }

  @Test
  void mapsTheAnswerToVerifiedFigures() {
    HouseholdApplication family = HouseholdFixtures.family(Programme.DIBAO);
    String selfId = family.members().get(0).idNumber();
    String spouseId = family.members().get(1).idNumber();
    answer = "{\"source\":\"省核对平台\",\"members\":[{\"idNumber\":\"" + selfId + "\",\"monthlyIncome\":900.00},"
        + "{\"idNumber\":\"" + spouseId + "\",\"monthlyIncome\":300.00}],"
        + "\"savings\":3000.00,\"businessValue\":0,\"vehicleValue\":0,\"dwellings\":1,\"findings\":[\"工资收入已核实\"]}";

    HouseholdVerifier.Verified v = verifier(Duration.ofSeconds(5)).verify("JZ2026-000001", family);

    assertThat(v.source()).isEqualTo("省核对平台");
    assertThat(v.perCapitaIncome()).isEqualByComparingTo(new BigDecimal("400.00")); // 1200 / 3
    assertThat(v.savingsPerCapita()).isEqualByComparingTo(new BigDecimal("1000.00"));
    assertThat(v.householdSize()).isEqualTo(3);
    assertThat(v.findings()).containsExactly("工资收入已核实");
    // whole ID numbers for matching, nothing of the declared incomes or the reason
    assertThat(received.get()).contains(selfId).contains("\"caseNumber\":\"JZ2026-000001\"")
        .doesNotContain("1500").doesNotContain("丈夫因病").doesNotContain("13900001111");
    assertThat(auth.get()).isEqualTo("Basic " + java.util.Base64.getEncoder().encodeToString("linli:s3cret".getBytes()));
  }

  @Test
  void serverErrorFailsSoTheJobRetries() {
    status = 500;
    answer = "{\"error\":\"down\"}";
    assertThatThrownBy(() -> verifier(Duration.ofSeconds(5)).verify("JZ2026-000002", HouseholdFixtures.family(Programme.DIBAO)))
        .isInstanceOf(HouseholdVerifier.VerificationFailed.class).hasMessageContaining("500");
  }

  @Test
  void slowServiceTimesOut() {
    delayMillis = 2000;
    answer = "{}";
    long start = System.nanoTime();
    assertThatThrownBy(() -> verifier(Duration.ofMillis(300)).verify("JZ2026-000003", HouseholdFixtures.family(Programme.DIBAO)))
        .isInstanceOf(HouseholdVerifier.VerificationFailed.class).hasMessageContaining("did not answer");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1800));
  }

  @Test
  void unreadableAnswerFails() {
    answer = "{\"members\":[]}";
    assertThatThrownBy(() -> verifier(Duration.ofSeconds(5)).verify("JZ2026-000004", HouseholdFixtures.family(Programme.DIBAO)))
        .isInstanceOf(HouseholdVerifier.VerificationFailed.class).hasMessageContaining("savings");
  }
}
