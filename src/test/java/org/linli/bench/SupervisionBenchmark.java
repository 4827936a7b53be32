package org.linli.bench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linli.calendar.WorkingCalendar;
import org.linli.organization.Department;
import org.linli.organization.Division;
import org.linli.organization.DivisionKind;
import org.linli.organization.OrganizationService;
import org.linli.organization.Role;
import org.linli.organization.RoleAssignment;
import org.linli.organization.StaffMember;
import org.linli.supervision.SupervisionFigures;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The supervision centre at a county's scale on PostgreSQL: 20 townships, 400 villages, 40
 * departments, {@code linli.bench.open} open and {@code linli.bench.closed} closed cases over two
 * years (1,000,000 and 10,000,000 by default), with their timelines. Prints the median and p95 of
 * each dashboard call, for a county supervisor, a township supervisor and a department head. Not part
 * of the suite: run it with {@code scripts/bench-supervision}; it prints figures and asserts none.
 *
 * <p>Cases and timelines are written straight into Linli's tables with SQL (the engine's tables are
 * not read by any figure); the supervision figures are then built by the application's own rebuild,
 * day by day, as its job does every minute. The seeded database is kept: a second run with
 * {@code -Dlinli.bench.reuse=true} measures again without seeding.
 */
class SupervisionBenchmark {

  static final long OPEN = Long.getLong("linli.bench.open", 1_000_000);
  static final long CLOSED = Long.getLong("linli.bench.closed", 10_000_000);
  static final int RUNS = Integer.getInteger("linli.bench.runs", 40);
  static final boolean REUSE = Boolean.getBoolean("linli.bench.reuse");
  static final String URL = System.getProperty("linli.bench.url", "jdbc:postgresql://127.0.0.1:5432/linli_bench_supervision");
  static final String USER = System.getProperty("linli.bench.username", "postgres");

  static final String COUNTY = "330199";
  static final int TOWNSHIPS = 20;
  static final int VILLAGES_PER_TOWNSHIP = 20;
  static final int DEPARTMENTS = 40;

  @Test
  void supervisionCentreAtACountysScale() throws Exception {
    assumeTrue(Boolean.getBoolean("linli.bench"), "run with scripts/bench-supervision");
    boolean seed = !REUSE || !seeded();
    if (seed) {
      TaskListBenchmark.recreate(URL, USER);
    }
    try (ConfigurableApplicationContext app = TaskListBenchmark.start(URL, USER)) {
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      if (seed) {
        organisation(app.getBean(OrganizationService.class));
        seedCases(jdbc);
      }
      if (seed || Boolean.getBoolean("linli.bench.rebuild")) {
        rebuildFigures(jdbc, app.getBean(SupervisionFigures.class), app.getBean(WorkingCalendar.class));
      }
      describe(jdbc);
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      measureAll(port, app.getBean(WorkingCalendar.class).today());
      measureRefresh(app.getBean(SupervisionFigures.class));
    }
  }

  /** Whether the database holds a finished seed of the sizes asked for. */
  static boolean seeded() {
    try (Connection c = DriverManager.getConnection(URL, USER, ""); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select open_cases, closed_cases from bench_seed")) {
      return rs.next() && rs.getLong(1) == OPEN && rs.getLong(2) == CLOSED;
    } catch (Exception e) {
      return false;
    }
  }

  /** The county, its townships and villages, departments, and the three people measured. */
  static void organisation(OrganizationService org) {
    long t0 = System.nanoTime();
    org.addDivision(new Division(COUNTY, "临里县", DivisionKind.COUNTY, null));
    for (int t = 1; t <= TOWNSHIPS; t++) {
      String township = township(t);
      org.addDivision(new Division(township, "第" + t + "镇", DivisionKind.TOWN, COUNTY));
      for (int v = 1; v <= VILLAGES_PER_TOWNSHIP; v++) {
        org.addDivision(new Division(township + String.format("%03d", v), "第" + t + "镇" + v + "村", DivisionKind.VILLAGE, township));
      }
    }
    for (int d = 1; d <= DEPARTMENTS; d++) {
      org.addDepartment(new Department(COUNTY, department(d), "第" + d + "局"));
    }
    person(org, "bench.county", "县督查", RoleAssignment.of(Role.SUPERVISOR, COUNTY));
    person(org, "bench.township", "镇督查", RoleAssignment.of(Role.SUPERVISOR, township(1)));
    person(org, "bench.department", "局负责人", RoleAssignment.departmentHead(COUNTY, department(1)));
    System.out.printf("[linli] organisation: 1 county, %d townships, %d villages, %d departments in %d ms%n", TOWNSHIPS,
        TOWNSHIPS * VILLAGES_PER_TOWNSHIP, DEPARTMENTS, (System.nanoTime() - t0) / 1_000_000);
  }

  static void person(OrganizationService org, String username, String name, RoleAssignment role) {
    org.saveStaff(new StaffMember(username, name, username + "@linli.example", null, true), "bench");
    org.assignRole(username, role);
  }

  static String township(int t) {
    return COUNTY + String.format("%03d", t);
  }

  static String department(int d) {
    return String.format("bm%02d", d);
  }

  /**
   * Closed cases opened evenly over the last two years, open cases over the last 90 days (more of
   * them recent); kinds, categories, departments, handling times, ratings, returns, extensions,
   * urgings and late steps in plausible shares. Secondary indexes are dropped while loading and built
   * again afterwards, as a bulk load is done.
   */
  static void seedCases(JdbcClient jdbc) {
    long t0 = System.nanoTime();
    List<String> indexes = jdbc.sql("""
        select indexdef from pg_indexes i where tablename in ('case_file', 'case_event') and schemaname = current_schema()
          and not exists (select 1 from pg_constraint k where k.conname = i.indexname)
        """).query(String.class).list();
    for (String def : indexes) {
      jdbc.sql("drop index " + def.replaceFirst("(?i)^create (unique )?index (\\S+) .*$", "$2")).update();
    }
    long chunk = 1_000_000;
    for (long first = 1; first <= CLOSED; first += chunk) {
      insertCases(jdbc, first, Math.min(CLOSED, first + chunk - 1), false);
      System.out.printf("[linli]   closed cases %,d of %,d (%d s)%n", Math.min(CLOSED, first + chunk - 1), CLOSED,
          (System.nanoTime() - t0) / 1_000_000_000);
    }
    for (long first = 1; first <= OPEN; first += chunk) {
      insertCases(jdbc, first, Math.min(OPEN, first + chunk - 1), true);
    }
    System.out.printf("[linli]   %,d open cases (%d s)%n", OPEN, (System.nanoTime() - t0) / 1_000_000_000);
    events(jdbc);
    System.out.printf("[linli]   timelines (%d s)%n", (System.nanoTime() - t0) / 1_000_000_000);
    jdbc.sql("set maintenance_work_mem = '1GB'").update();
    for (String def : indexes) {
      jdbc.sql(def).update();
    }
    jdbc.sql("vacuum analyze case_file").update();
    jdbc.sql("vacuum analyze case_event").update();
    System.out.printf("[linli] seeded %,d closed and %,d open cases in %d s%n", CLOSED, OPEN, (System.nanoTime() - t0) / 1_000_000_000);
  }

  static void insertCases(JdbcClient jdbc, long first, long last, boolean open) {
    String prefix = open ? "BO" : "BC";
    // r1..r4: independent draws per case; the village and kind decide the rest
    jdbc.sql("""
        insert into case_file (case_number, kind, process_instance_id, process_definition_key, title, category_code,
          county_code, township_code, division_code, department_code, status, current_step, current_step_name, current_group,
          step_due, case_due, warn_at, deadline_state, ever_overdue, rating, opened_at, closed_at, priority)
        select ? || x.g, x.kind, ? || x.g, x.process, x.title, x.category,
          ?, ? || lpad((1 + x.v / 20)::text, 3, '0'), ? || lpad((1 + x.v / 20)::text, 3, '0') || lpad((1 + x.v % 20)::text, 3, '0'),
          x.department, x.status,
          case when x.open then 'Task_HandleRequest' end, case when x.open then '办理 Handle' end,
          case when x.open then 'caseworker@' || ? || lpad((1 + x.v / 20)::text, 3, '0') || lpad((1 + x.v % 20)::text, 3, '0') end,
          x.step_due, x.opened_at + interval '7 days', x.step_due - interval '1 day',
          case when not x.open then 'GREEN' when x.step_due < now() then 'RED'
               when x.step_due - interval '1 day' < now() then 'YELLOW' else 'GREEN' end,
          coalesce(x.closed_at > x.opened_at + interval '7 days', false) or x.step_due < now() or x.r3 < 0.06,
          case when x.kind = 'REQUEST' and x.closed_at is not null and x.r4 < 0.7 then
            (array['SATISFIED', 'SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED'])[1 + floor(x.r4 / 0.7 * 5)::int] end,
          x.opened_at, x.closed_at, 'NORMAL'
        from (
          select y.*, case when y.open then null
                 else y.opened_at + least(interval '1 hour' * (2 + 200 * y.r2 * y.r2), (now() - y.opened_at) * 0.9) end as closed_at,
            y.opened_at + interval '3 days' as step_due
          from (
            select z.*, case when z.r1 < 0.8 then 'REQUEST' when z.r1 < 0.9 then 'ASSISTANCE'
                             when z.r1 < 0.95 then 'EMERGENCY' else 'INSPECTION' end as kind,
              case when z.r1 < 0.8 then 'resident-request' when z.r1 < 0.9 then 'social-assistance'
                   when z.r1 < 0.95 then 'emergency-response' else 'hazard-inspection' end as process,
              case when z.r1 < 0.8 then (array['streetlight', 'road', 'rubbish', 'noise', 'water', 'drainage', 'greening',
                   'parking', 'pets', 'neighbours', 'property', 'other'])[1 + floor(z.r2 * 12)::int]
                   when z.r1 < 0.9 then 'dibao' else null end as category,
              case when z.r1 < 0.8 and z.r3 < 0.3 then 'bm' || lpad((1 + floor(z.r4 * 40))::text, 2, '0') end as department,
              case when z.r1 < 0.8 then '诉求：' || g else '案件 ' || g end as title,
              case when z.open then 'OPEN' else 'CLOSED' end as status
            from (
              select g, ?::boolean as open, floor(random() * 400)::int as v,
                random() as r1, random() as r2, random() as r3, random() as r4,
                case when ?::boolean then now() - interval '90 days' * power(random(), 2)
                     else now() - interval '730 days' + interval '1 second' * (g * (730.0 * 86400 - 3600) / ?) end as opened_at
              from generate_series(?::bigint, ?::bigint) g
            ) z
          ) y
        ) x
        """)
        .params(prefix, prefix.toLowerCase() + "-", COUNTY, COUNTY, COUNTY, COUNTY, open, open, open ? OPEN : CLOSED, first, last)
        .update();
  }

  /** Each case's timeline entries that figures count: created, late, rated, returned, extended, reopened, urged. */
  static void events(JdbcClient jdbc) {
    jdbc.sql("insert into case_event (case_id, type, occurred_at) select id, 'CREATED', opened_at from case_file where county_code = ?")
        .param(COUNTY).update();
    jdbc.sql("""
        insert into case_event (case_id, type, step, occurred_at)
        select id, 'OVERDUE', 'Task_HandleRequest', least(coalesce(closed_at, now()), opened_at + interval '3 days')
        from case_file where county_code = ? and ever_overdue
        """).param(COUNTY).update();
    jdbc.sql("""
        insert into case_event (case_id, type, note, occurred_at)
        select id, 'RATED', rating, closed_at + interval '1 day' from case_file
        where county_code = ? and rating is not null and closed_at + interval '1 day' < now()
        """).param(COUNTY).update();
    for (String[] t : new String[][] {{"RETURNED", "0.05"}, {"EXTENDED", "0.03"}, {"REOPENED", "0.02"}, {"URGED", "0.02"}}) {
      jdbc.sql("""
          insert into case_event (case_id, type, occurred_at)
          select id, ?, opened_at + (coalesce(closed_at, now()) - opened_at) * random() from case_file
          where county_code = ? and random() < ?
          """).params(t[0], COUNTY, Double.parseDouble(t[1])).update();
    }
  }

  /** The figures are built by the application's own rebuild, a month at a time. */
  static void rebuildFigures(JdbcClient jdbc, SupervisionFigures figures, WorkingCalendar calendar) {
    long t0 = System.nanoTime();
    LocalDate today = calendar.today();
    LocalDate first = today.minusDays(731);
    for (LocalDate from = first; !from.isAfter(today); from = from.plusDays(30)) {
      LocalDate to = from.plusDays(29).isAfter(today) ? today : from.plusDays(29);
      figures.refresh(from, to);
    }
    long days = first.datesUntil(today.plusDays(1)).count();
    long ms = (System.nanoTime() - t0) / 1_000_000;
    jdbc.sql("vacuum analyze").update();
    jdbc.sql("drop table if exists bench_seed").update();
    jdbc.sql("create table bench_seed (open_cases bigint, closed_cases bigint)").update();
    jdbc.sql("insert into bench_seed values (?, ?)").params(OPEN, CLOSED).update();
    System.out.printf("[linli] figures rebuilt for %d days in %d s (%.0f ms a day)%n", days, ms / 1000, (double) ms / days);
  }

  static void describe(JdbcClient jdbc) {
    for (String table : List.of("case_file", "case_event", "supervision_cube", "supervision_open")) {
      long rows = jdbc.sql("select count(*) from " + table).query(Long.class).single();
      String size = jdbc.sql("select pg_size_pretty(pg_total_relation_size(?))").param(table).query(String.class).single();
      System.out.printf("[linli] %-16s %,12d rows  %s%n", table, rows, size);
    }
  }

  static void measureAll(int port, LocalDate today) throws Exception {
    String year = "period=CUSTOM&from=" + today.minusDays(364) + "&to=" + today;
    String twoYears = "period=CUSTOM&from=" + today.minusDays(729) + "&to=" + today;
    Map<String, String> calls = new LinkedHashMap<>();
    calls.put("figures today", "/api/supervision/figures?period=TODAY");
    calls.put("figures this month", "/api/supervision/figures?period=MONTH");
    calls.put("figures last 365 days", "/api/supervision/figures?" + year);
    calls.put("figures two years", "/api/supervision/figures?" + twoYears);
    calls.put("breakdown by township, month", "/api/supervision/breakdown?by=TOWNSHIP&period=MONTH");
    calls.put("breakdown by village, 365 days", "/api/supervision/breakdown?by=VILLAGE&" + year);
    calls.put("breakdown by department, 365 days", "/api/supervision/breakdown?by=DEPARTMENT&" + year);
    calls.put("breakdown by category, two years", "/api/supervision/breakdown?by=CATEGORY&" + twoYears);
    calls.put("breakdown by kind, month", "/api/supervision/breakdown?by=KIND&period=MONTH");
    calls.put("rankings of villages, month", "/api/supervision/rankings?by=VILLAGE&period=MONTH");
    calls.put("rankings of villages, 365 days", "/api/supervision/rankings?by=VILLAGE&" + year);
    calls.put("trend 30 days", "/api/supervision/trend?days=30");
    calls.put("trend 90 days", "/api/supervision/trend?days=90");
    calls.put("ageing", "/api/supervision/ageing");
    HttpClient http = HttpClient.newHttpClient();
    List<String> results = new ArrayList<>();
    for (String user : List.of("bench.county", "bench.township", "bench.department")) {
      System.out.printf("%n[linli] %s%n", user);
      for (var call : calls.entrySet()) {
        results.add(measure(http, port, user, call.getKey(), call.getValue()));
      }
    }
  }

  static String measure(HttpClient http, int port, String user, String label, String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":bench").getBytes(StandardCharsets.UTF_8)))
        .header("Accept-Language", "zh-CN").build();
    String body = null;
    for (int i = 0; i < 5; i++) { // warm-up: JIT, caches, connection pool
      body = check(http.send(request, HttpResponse.BodyHandlers.ofString()), path);
    }
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      long t0 = System.nanoTime();
      check(http.send(request, HttpResponse.BodyHandlers.ofString()), path);
      ms.add((System.nanoTime() - t0) / 1e6);
    }
    Collections.sort(ms);
    String line = String.format("[linli]   %-36s p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms  %s", label, ms.get(ms.size() / 2),
        ms.get((int) Math.ceil(ms.size() * 0.95) - 1), ms.get(ms.size() - 1), sample(body));
    System.out.println(line);
    return line;
  }

  /** A glimpse of the answer, to see that it counted something. */
  static String sample(String body) {
    String s = body.replaceAll("\\s+", "");
    return s.length() > 90 ? s.substring(0, 90) + "…" : s;
  }

  static String check(HttpResponse<String> r, String path) {
    if (r.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }

  /** What the job costs every minute at this size: today's rows rebuilt and what is open counted. */
  static void measureRefresh(SupervisionFigures figures) {
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      long t0 = System.nanoTime();
      figures.refreshRecent();
      ms.add((System.nanoTime() - t0) / 1e6);
    }
    Collections.sort(ms);
    System.out.printf("%n[linli] the every-minute rebuild (today, and the open cases counted): median %.0f ms, max %.0f ms (5 runs)%n",
        ms.get(2), ms.get(4));
  }
}
