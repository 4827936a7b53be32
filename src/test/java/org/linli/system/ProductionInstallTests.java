package org.linli.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.linli.LinliApplication;
import org.linli.support.TestDatabase;
import org.linli.support.WebSession;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A production install ({@code prod} profile) as a county sets it up: the first administrator from
 * the environment, no demo user, no set-up page, nothing about the install shown to anonymous
 * visitors, and no start at all without an administrator or with a password anybody would guess.
 * The refusals run in a JVM of their own: a context that fails to start leaves Camunda's webapp
 * filters pointing at it for the rest of a JVM.
 */
@ExtendWith(TestDatabase.class)
class ProductionInstallTests {

  static final String ADMIN = "root.county";
  static final String PASSWORD = "Qingxi-County-2026!";

  @Test
  @org.junit.jupiter.api.Tag("database")
  void aProductionInstallHasItsConfiguredAdministratorAndShowsNothingToStrangers() {
    String url = TestDatabase.freshDatabase("linli_prod");
    try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(LinliApplication.class)
        .profiles("prod")
        .run("--spring.datasource.url=" + url, "--server.port=0", "--camunda.bpm.generate-unique-process-engine-name=true",
            "--camunda.bpm.job-execution.enabled=false", "--spring.quartz.auto-startup=false",
            "--linli.admin.username=" + ADMIN, "--linli.admin.password=" + PASSWORD)) {
      int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
      IdentityService identity = ctx.getBean(org.camunda.bpm.engine.ProcessEngine.class).getIdentityService();
      assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").list()).extracting(u -> u.getId())
          .containsExactly(ADMIN);
      assertThat(identity.createUserQuery().userId("admin").count()).as("no demo user").isZero();
      assertThat(identity.createUserQuery().userId("wang.fang").count()).isZero();

      WebSession stranger = WebSession.on(port);
      WebSession.Reply landing = stranger.get("/");
      assertThat(landing.status()).isEqualTo(200);
      assertThat(landing.body()).contains("邻里").doesNotContain("7.24", "resident-request", "H2", "PostgreSQL", "swagger");
      assertThat(stranger.get("/v3/api-docs").status()).isEqualTo(404);
      assertThat(stranger.get("/swagger-ui/index.html").status()).isEqualTo(404);
      assertThat(stranger.get("/actuator/health").body()).doesNotContain("processEngine", "db");
      assertThat(stranger.json("POST", "/camunda/api/admin/setup/default/user/create",
          "{\"profile\":{\"id\":\"evil\"},\"credentials\":{\"password\":\"evil-password-1\"}}").status()).isEqualTo(403);
      assertThat(identity.createUserQuery().userId("evil").count()).isZero();

      WebSession admin = WebSession.on(port).basic(ADMIN, PASSWORD);
      assertThat(admin.get("/api/admin/login-blocks").status()).isEqualTo(200);
      // this JVM runs other engines too: this one has a name of its own
      String engine = ctx.getBean(org.camunda.bpm.engine.ProcessEngine.class).getName();
      assertThat(admin.get("/engine-rest/engine/" + engine + "/process-definition?key=resident-request").status()).isEqualTo(200);
      WebSession page = WebSession.on(port);
      assertThat(page.login(ADMIN, PASSWORD).header("Set-Cookie").orElseThrow()).as("only over HTTPS").contains("Secure");
    }
  }

  /** The refusals read the settings and the engine's users, alike on every database: the H2 run shows them. */
  @Test
  void itRefusesToStartWithoutAnAdministratorOrWithOneAnybodyCouldGuess() throws Exception {
    CompletableFuture<String> none = CompletableFuture.supplyAsync(() -> start("linli_prod_none", Map.of()));
    CompletableFuture<String> weak = CompletableFuture.supplyAsync(() -> start("linli_prod_weak",
        Map.of("LINLI_ADMIN_USERNAME", "admin", "LINLI_ADMIN_PASSWORD", "demo")));
    CompletableFuture<String> guessable = CompletableFuture.supplyAsync(() -> start("linli_prod_guess",
        Map.of("LINLI_ADMIN_USERNAME", "admin", "LINLI_ADMIN_PASSWORD", "administrator")));
    assertThat(none.get(300, TimeUnit.SECONDS)).contains("exit 1").contains("No administrator exists", "LINLI_ADMIN_PASSWORD");
    assertThat(weak.get(300, TimeUnit.SECONDS)).contains("exit 1").contains("fewer than 12 characters");
    assertThat(guessable.get(300, TimeUnit.SECONDS)).contains("exit 1").contains("a default or too easily guessed");
  }

  /** Starts Linli in a JVM of its own with the prod profile and these variables; returns its output and exit code. */
  static String start(String database, Map<String, String> environment) {
    try {
      Path log = Files.createTempFile("linli-prod-", ".log");
      List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx384m", "-cp", System.getProperty("java.class.path"), LinliApplication.class.getName(),
          "--spring.profiles.active=prod", "--spring.datasource.url=" + TestDatabase.freshDatabase(database),
          "--server.port=0", "--camunda.bpm.job-execution.enabled=false", "--spring.quartz.auto-startup=false"));
      if (TestDatabase.isPostgres()) {
        command.add("--spring.datasource.username=" + TestDatabase.user());
      }
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().remove("LINLI_ADMIN_USERNAME");
      builder.environment().remove("LINLI_ADMIN_PASSWORD");
      builder.environment().putAll(environment);
      Process process = builder.start();
      if (!process.waitFor(240, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return "still running after 240 s: it started\n" + Files.readString(log, StandardCharsets.UTF_8);
      }
      return "exit " + process.exitValue() + "\n" + Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
