package org.linli.bench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.linli.LinliApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How fast the task list opens for a township officer whose area has 100,000 open cases, on
 * PostgreSQL. Not part of the suite: run it with {@code scripts/bench-tasklist}. It prints the
 * figures; it does not assert them.
 *
 * <p>The cases are written straight into Linli's tables (case records and open steps, as the
 * engine listeners would leave them), because the task list reads only those tables.
 */
class TaskListBenchmark {

  static final int CASES = Integer.getInteger("linli.bench.cases", 100_000);
  static final String URL = System.getProperty("linli.bench.url", "jdbc:postgresql://127.0.0.1:5432/linli_bench");
  static final String USER = System.getProperty("linli.bench.username", "postgres");

  @Test
  void taskListWithAHundredThousandOpenCases() throws Exception {
    assumeTrue(Boolean.getBoolean("linli.bench"), "run with scripts/bench-tasklist");
    recreate();
    try (ConfigurableApplicationContext app = start(URL, USER)) {
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      long seeded = seed(jdbc);
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
      login(http, port, "liu.yang");

      System.out.printf("%n[linli] task list benchmark on PostgreSQL: %d open cases in 桃源镇 (330106002), user liu.yang%n", seeded);
      measure(http, port, "GET /tasks (group queue + counts of all three queues)", "/tasks");
      measure(http, port, "GET /tasks?queue=AREA (all 100k, first page)", "/tasks?queue=AREA");
      measure(http, port, "GET /tasks?queue=AREA&overdue=true", "/tasks?queue=AREA&overdue=true");
      measure(http, port, "GET /tasks/rows?queue=AREA&q=路灯 (title search)", "/tasks/rows?queue=AREA&q=" + enc("路灯"));
      measure(http, port, "GET /tasks?queue=AREA&division=330106002003", "/tasks?queue=AREA&division=330106002003");
    }
  }

  static void recreate() throws Exception {
    recreate(URL, USER);
  }

  /** The application on this database, with its jobs and mail off, on a free port: only what is measured runs. */
  static ConfigurableApplicationContext start(String url, String user) {
    return new SpringApplicationBuilder(LinliApplication.class)
        .profiles("demo")
        .run("--spring.datasource.url=" + url, "--spring.datasource.username=" + user, "--spring.datasource.password=",
            "--server.port=0", "--camunda.bpm.job-execution.enabled=false", "--spring.quartz.auto-startup=false",
            "--linli.notification.enabled=false", "--logging.level.root=warn");
  }

  /** Drops and creates the database of this URL, through the server's postgres database. */
  static void recreate(String url, String user) throws Exception {
    String admin = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
    String db = url.substring(url.lastIndexOf('/') + 1);
    try (Connection c = DriverManager.getConnection(admin, user, ""); Statement st = c.createStatement()) {
      st.execute("drop database if exists " + db + " with (force)");
      st.execute("create database " + db);
    }
  }

  /** 100,000 open cases over the township's four villages; one open step each, one in ten at the township. */
  static long seed(JdbcClient jdbc) {
    long t0 = System.nanoTime();
    jdbc.sql("""
        insert into case_file (case_number, kind, process_instance_id, process_definition_key, title, category_code,
          county_code, township_code, division_code, status, current_step, current_step_name, current_group,
          step_due, case_due, opened_at, priority, warn_at, deadline_state)
        select 'MB2026-' || lpad(g::text, 6, '0'), 'REQUEST', 'bench-' || g, 'resident-request',
          (array['路灯故障：村口路灯不亮', '道路破损：桥头坑洼', '垃圾清运：垃圾桶满了', '噪声扰民：夜间施工'])[1 + g % 4],
          (array['streetlight', 'road', 'rubbish', 'noise'])[1 + g % 4],
          '330106', '330106002', '33010600200' || (1 + g % 4),
          'OPEN', case when g % 10 = 0 then 'Task_DispatchRequest' else 'Task_HandleRequest' end, '办理 Handle',
          case when g % 10 = 0 then 'township@330106002' else 'caseworker@33010600200' || (1 + g % 4) end,
          now() + ((g % 240) - 40) * interval '1 hour', now() + interval '10 days', now() - (g % 500) * interval '1 hour',
          'NORMAL', now() + ((g % 240) - 60) * interval '1 hour',
          case when g % 240 < 40 then 'RED' when g % 240 < 60 then 'YELLOW' else 'GREEN' end
        from generate_series(1, ?) g
        """).param(CASES).update();
    jdbc.sql("""
        insert into case_task (task_id, case_id, activity_id, name, candidate_group, assignee, created_at, warn_at, due_at)
        select 'bench-task-' || c.id, c.id, c.current_step, c.current_step_name, c.current_group,
          case when c.id % 7 = 0 and c.current_group like 'caseworker%' then 'wang.fang' end,
          c.opened_at, c.warn_at, c.step_due
        from case_file c where c.process_instance_id like 'bench-%'
        """).update();
    jdbc.sql("analyze case_file").update();
    jdbc.sql("analyze case_task").update();
    long n = jdbc.sql("select count(*) from case_file where township_code = '330106002' and status = 'OPEN'").query(Long.class).single();
    System.out.printf("[linli] seeded %d cases in %d ms%n", n, (System.nanoTime() - t0) / 1_000_000);
    return n;
  }

  static void login(HttpClient http, int port, String user) throws Exception {
    String page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
    if (!m.find()) {
      throw new IllegalStateException("no CSRF token on the log-in page");
    }
    String form = "username=" + user + "&password=demo&_csrf=" + enc(m.group(1));
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
      throw new IllegalStateException("log-in failed: " + r.statusCode());
    }
  }

  static void measure(HttpClient http, int port, String label, String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build();
    for (int i = 0; i < 5; i++) { // warm-up: JIT, caches, connection pool
      check(http.send(request, HttpResponse.BodyHandlers.ofString()));
    }
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      long t0 = System.nanoTime();
      check(http.send(request, HttpResponse.BodyHandlers.ofString()));
      ms.add((System.nanoTime() - t0) / 1e6);
    }
    Collections.sort(ms);
    System.out.printf("[linli]   %-58s median %6.1f ms  p95 %6.1f ms  max %6.1f ms  (30 runs)%n",
        label, ms.get(ms.size() / 2), ms.get((int) (ms.size() * 0.95)), ms.get(ms.size() - 1));
  }

  static void check(HttpResponse<String> r) {
    if (r.statusCode() != 200 || !r.body().contains("MB2026-")) {
      throw new IllegalStateException("unexpected page: " + r.statusCode());
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
