package org.linli.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.impl.DefaultProcessEngineRestServiceImpl;
import org.junit.jupiter.api.Test;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.TestDatabase;
import org.linli.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every role against every door: each operation of Linli's API (read from its OpenAPI
 * description), each workbench and portal door outside /api (read from Spring MVC's mappings, pages
 * and files alike) and each resource of the engine's REST API (read from Camunda's resource list), called as each kind of user. Each
 * cell is checked against {@link #TABLE}, in both directions: nothing let through that the table
 * keeps out, nothing kept out that it lets through, and nothing answered with a server error. A new
 * endpoint fails the test until the table says who may call it.
 *
 * <p>"Through" means past the door: any answer but 401, 403 or a redirect to the log-in. Calls use
 * ids that do not exist, so what lies behind (area checks, step rules) answers 404 or 400; those
 * checks have tests of their own. On the engine's API an integration passes Linli's door and then
 * meets the engine's own authorizations, which an administrator grants it; a 403 of those counts as
 * through. The run has a database of its own, since calls with empty forms may still change things.
 */
@LinliIntegrationTest
class AuthorizationMatrixTests {

  /** Who calls: the demo county's people, one per role, an integration, and nobody signed in. */
  enum Who {
    ANONYMOUS(null),
    CASEWORKER("wang.fang"),
    GRID_WORKER("li.qiang"),
    TOWNSHIP("liu.yang"),
    DEPARTMENT("wu.lei"),
    COMMANDER("sun.hao"),
    SUPERVISOR("huang.hua"),
    HEAD("lin.hai"),
    DESIGNER("designer"),
    ADMIN("admin"),
    INTEGRATION("matrix.integration");

    final String username;

    Who(String username) {
      this.username = username;
    }
  }

  static final Set<Who> EVERYONE = EnumSet.allOf(Who.class);
  static final Set<Who> SIGNED_IN = EnumSet.complementOf(EnumSet.of(Who.ANONYMOUS));
  static final Set<Who> ADMIN = EnumSet.of(Who.ADMIN);
  static final Set<Who> ENGINE = EnumSet.of(Who.ADMIN, Who.INTEGRATION);

  /**
   * Who gets through each door: "METHOD path" and the names of the sets above, or roles. Pages are
   * listed by their mapping, API operations by their OpenAPI path.
   */
  static final String TABLE = """
      DELETE /api/admin/login-blocks/{username} | ADMIN
      DELETE /api/emergency/alert-subscriptions/{id} | SUPERVISOR, ADMIN
      GET / | EVERYONE
      GET /api/admin/login-blocks | ADMIN
      GET /api/admin/personal-data-views | ADMIN
      GET /api/cases | SIGNED_IN
      GET /api/cases/{number} | SIGNED_IN
      GET /api/emergency/alert-subscriptions | SUPERVISOR, ADMIN
      GET /api/emergency/alerts | SIGNED_IN
      GET /api/emergency/alerts/{identifier} | SIGNED_IN
      GET /api/emergency/hazard-points | SIGNED_IN
      GET /api/emergency/hazard-points/{id} | SIGNED_IN
      GET /api/emergency/incidents/{number} | SIGNED_IN
      GET /api/me/notification-preferences | SIGNED_IN
      GET /api/notifications/outbox | ADMIN
      GET /api/public/emergency/alerts.atom | EVERYONE
      GET /api/public/emergency/alerts/{identifier}.xml | EVERYONE
      GET /api/public/request-categories | EVERYONE
      GET /api/request-categories | SIGNED_IN
      GET /api/supervision/cards | SIGNED_IN
      GET /api/supervision/cards/{id} | SIGNED_IN
      GET /api/supervision/overdue-work | SUPERVISOR
      GET /api/requests/{number} | SIGNED_IN
      GET /api/supervision/ageing | SUPERVISOR, HEAD, ADMIN
      GET /api/supervision/breakdown | SUPERVISOR, HEAD, ADMIN
      GET /api/supervision/breakdown.csv | SUPERVISOR, HEAD, ADMIN
      GET /api/supervision/breakdown.xlsx | SUPERVISOR, HEAD, ADMIN
      GET /api/supervision/figures | SUPERVISOR, HEAD, ADMIN
      GET /api/supervision/figures.csv | SUPERVISOR, HEAD, ADMIN
      GET /api/supervision/figures.xlsx | SUPERVISOR, HEAD, ADMIN
      GET /api/supervision/rankings | SUPERVISOR, HEAD, ADMIN
      GET /api/supervision/trend | SUPERVISOR, HEAD, ADMIN
      GET /api/tasks | SIGNED_IN
      GET /api/tasks/done | SIGNED_IN
      GET /api/tasks/{id} | SIGNED_IN
      GET /api/tasks/{id}/form | SIGNED_IN
      GET /assistance/apply | CASEWORKER
      GET /cases/search | SIGNED_IN
      GET /cases/{number} | SIGNED_IN
      GET /cases/{number}/attachments/{id} | SIGNED_IN
      GET /cases/{number}/diagram.bpmn | SIGNED_IN
      GET /emergency/hazards | CASEWORKER, GRID_WORKER, TOWNSHIP, DEPARTMENT, COMMANDER, SUPERVISOR, HEAD, ADMIN
      GET /emergency/report | CASEWORKER, GRID_WORKER, TOWNSHIP, COMMANDER, SUPERVISOR, HEAD, ADMIN
      GET /emergency/{number}/level | SIGNED_IN
      GET /engine-rest/authorization | ENGINE
      GET /engine-rest/batch | ENGINE
      GET /engine-rest/case-definition | ENGINE
      GET /engine-rest/case-execution | ENGINE
      GET /engine-rest/case-instance | ENGINE
      GET /engine-rest/condition | ENGINE
      GET /engine-rest/decision-definition | ENGINE
      GET /engine-rest/decision-requirements-definition | ENGINE
      GET /engine-rest/deployment | ENGINE
      GET /engine-rest/event-subscription | ENGINE
      GET /engine-rest/execution | ENGINE
      GET /engine-rest/external-task | ENGINE
      GET /engine-rest/filter | ENGINE
      GET /engine-rest/group | ENGINE
      GET /engine-rest/history | ENGINE
      GET /engine-rest/identity | ENGINE
      GET /engine-rest/incident | ENGINE
      GET /engine-rest/job | ENGINE
      GET /engine-rest/job-definition | ENGINE
      GET /engine-rest/message | ENGINE
      GET /engine-rest/metrics | ENGINE
      GET /engine-rest/migration | ENGINE
      GET /engine-rest/modification | ENGINE
      GET /engine-rest/optimize | ENGINE
      GET /engine-rest/process-definition | ENGINE
      GET /engine-rest/process-instance | ENGINE
      GET /engine-rest/schema/log | ENGINE
      GET /engine-rest/signal | ENGINE
      GET /engine-rest/task | ENGINE
      GET /engine-rest/telemetry | ENGINE
      GET /engine-rest/tenant | ENGINE
      GET /engine-rest/user | ENGINE
      GET /engine-rest/variable-instance | ENGINE
      GET /engine-rest/version | ENGINE
      GET /login | EVERYONE
      GET /portal | EVERYONE
      GET /portal/denied | EVERYONE
      GET /portal/follow | EVERYONE
      GET /portal/rate/{token} | EVERYONE
      GET /portal/receipt | EVERYONE
      GET /portal/requests/new | EVERYONE
      GET /requests/report | GRID_WORKER
      GET /supervision | SUPERVISOR, HEAD, ADMIN
      GET /supervision/diagrams/{kind}.bpmn | SUPERVISOR, HEAD, ADMIN
      GET /supervision/breakdown.csv | SUPERVISOR, HEAD, ADMIN
      GET /supervision/breakdown.xlsx | SUPERVISOR, HEAD, ADMIN
      GET /supervision/cards | SIGNED_IN
      GET /supervision/figures.csv | SUPERVISOR, HEAD, ADMIN
      GET /supervision/figures.xlsx | SUPERVISOR, HEAD, ADMIN
      GET /supervision/report | SUPERVISOR, HEAD, ADMIN
      GET /supervision/report.xlsx | SUPERVISOR, HEAD, ADMIN
      GET /tasks | SIGNED_IN
      GET /tasks/done | SIGNED_IN
      GET /tasks/rows | SIGNED_IN
      GET /tasks/{id}/form | SIGNED_IN
      POST /api/assistance/applications | SIGNED_IN
      POST /api/assistance/cases/{number}/objections | SIGNED_IN
      POST /api/cases/{number}/urge | SIGNED_IN
      POST /api/emergency/alert-subscriptions | SUPERVISOR, ADMIN
      POST /api/emergency/hazard-points | SIGNED_IN
      POST /api/emergency/incidents | SIGNED_IN
      POST /api/emergency/incidents/{number}/level | SIGNED_IN
      POST /api/emergency/incidents/{number}/photos | SIGNED_IN
      POST /api/public/ratings/{token} | EVERYONE
      POST /api/public/requests | EVERYONE
      POST /api/requests | SIGNED_IN
      POST /api/supervision/cards | SUPERVISOR
      POST /api/tasks/{id}/claim | SIGNED_IN
      POST /api/tasks/{id}/complete | SIGNED_IN
      POST /api/tasks/{id}/unclaim | SIGNED_IN
      POST /assistance/apply | CASEWORKER
      POST /cases/{number}/attachments | SIGNED_IN
      POST /cases/{number}/comments | SIGNED_IN
      POST /cases/{number}/urge | SIGNED_IN
      POST /emergency/hazards | TOWNSHIP, ADMIN
      POST /emergency/hazards/{id} | CASEWORKER, GRID_WORKER, TOWNSHIP, DEPARTMENT, COMMANDER, SUPERVISOR, HEAD, ADMIN
      POST /emergency/report | CASEWORKER, GRID_WORKER, TOWNSHIP, COMMANDER, SUPERVISOR, HEAD, ADMIN
      POST /emergency/{number}/level | SIGNED_IN
      POST /portal/follow | EVERYONE
      POST /portal/rate/{token} | EVERYONE
      POST /portal/requests/new | EVERYONE
      POST /requests/report | GRID_WORKER
      POST /supervision/cards | SUPERVISOR
      POST /tasks/{id}/claim | SIGNED_IN
      POST /tasks/{id}/complete | SIGNED_IN
      POST /tasks/{id}/handover | SIGNED_IN
      POST /tasks/{id}/unclaim | SIGNED_IN
      POST /tasks/urge | SUPERVISOR
      PUT /api/emergency/hazard-points/{id} | SIGNED_IN
      PUT /api/me/notification-preferences | SIGNED_IN
      PUT /api/request-categories/{code} | DESIGNER, ADMIN
      """;

  static final ObjectMapper JSON = new ObjectMapper();
  static final String PASSWORD = "demo";
  static final String INTEGRATION_PASSWORD = "matrix-integration-secret";

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) {
    String url = TestDatabase.isPostgres() ? TestDatabase.freshDatabase("linli_matrix")
        : "jdbc:h2:mem:linli-matrix;LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1";
    registry.add("spring.datasource.url", () -> url);
  }

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mvc;

  /** The API's operations, from its OpenAPI description. */
  List<String> apiOperations() throws Exception {
    JsonNode paths = JSON.readTree(WebSession.on(port).get("/v3/api-docs").body()).get("paths");
    List<String> out = new ArrayList<>();
    paths.fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> out.add(m.toUpperCase() + " " + p.getKey())));
    return out;
  }

  /** Every Linli mapping of Spring MVC, as "METHOD pattern", whatever its controller answers with. */
  Set<String> mappings() {
    Set<String> out = new TreeSet<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mvc.getHandlerMethods().entrySet()) {
      Class<?> type = e.getValue().getBeanType();
      if (!type.getName().startsWith("org.linli") || !AnnotatedElementUtils.hasAnnotation(type, Controller.class)) {
        continue;
      }
      Set<String> methods = e.getKey().getMethodsCondition().getMethods().stream().map(Enum::name).collect(Collectors.toSet());
      for (String pattern : e.getKey().getPatternValues()) {
        for (String method : methods.isEmpty() ? Set.of("GET") : methods) {
          out.add(method + " " + pattern);
        }
      }
    }
    return out;
  }

  /**
   * The workbench's and the portal's doors: every mapping outside {@code /api}, pages and JSON or
   * files alike (the supervision centre's exports on the session, a step's form), called on a
   * signed-in session. A {@code @RestController} outside {@code /api} is not in the API's description,
   * so it is read from Spring MVC's mappings here, not left out.
   */
  List<String> pages() {
    return mappings().stream().filter(m -> !m.substring(m.indexOf(' ') + 1).startsWith("/api/")).toList();
  }

  /** The engine API's resources, from Camunda's own list of them. */
  List<String> engineResources() {
    Set<String> out = new TreeSet<>();
    for (Method m : DefaultProcessEngineRestServiceImpl.class.getMethods()) {
      Path path = AnnotatedElementUtils.findMergedAnnotation(m, Path.class);
      if (path != null) {
        out.add("GET /engine-rest" + path.value());
      }
    }
    return List.copyOf(out);
  }

  /** A path with made-up ids for its variables. */
  static String concrete(String template) {
    return template.replaceAll("\\{number}", "MH2026-999999").replaceAll("\\{token}", "no-such-token")
        .replaceAll("\\{username}", "no.such.user").replaceAll("\\{code}", "no-such-code")
        .replaceAll("\\{[^}]+}", "999999999");
  }

  void integrationUser() {
    if (identity.createUserQuery().userId(Who.INTEGRATION.username).count() == 0) {
      User u = identity.newUser(Who.INTEGRATION.username);
      u.setPassword(INTEGRATION_PASSWORD);
      u.setFirstName("矩阵测试集成");
      identity.saveUser(u);
      if (identity.createGroupQuery().groupId("linli-integration").count() == 0) {
        var g = identity.newGroup("linli-integration");
        g.setName("系统集成");
        identity.saveGroup(g);
      }
      identity.createMembership(Who.INTEGRATION.username, "linli-integration");
    }
  }

  WebSession basic(Who who) {
    WebSession s = WebSession.on(port);
    return who == Who.ANONYMOUS ? s : s.basic(who.username, who == Who.INTEGRATION ? INTEGRATION_PASSWORD : PASSWORD);
  }

  /** Through the door, kept out, or a server error. */
  enum Outcome { THROUGH, KEPT_OUT, ERROR }

  static Outcome outcome(WebSession.Reply r, boolean engine) {
    if (r.status() >= 500) {
      return Outcome.ERROR;
    }
    if (r.status() == 401 || (r.status() == 302 && r.location().contains("/login"))) {
      return Outcome.KEPT_OUT;
    }
    if (r.status() == 403) {
      // the engine's own authorizations come after the door
      return engine && r.body().contains("AuthorizationException") ? Outcome.THROUGH : Outcome.KEPT_OUT;
    }
    return Outcome.THROUGH;
  }

  @Test
  void everyRoleAgainstEveryDoorIsWhatTheTableSays() throws Exception {
    integrationUser();
    Map<String, Set<Who>> observed = new TreeMap<>();
    List<String> errors = new ArrayList<>();
    List<String> api = apiOperations();
    List<String> pages = pages();
    List<String> engine = engineResources();
    assertThat(api).as("the API is described").hasSizeGreaterThan(30);
    assertThat(pages).as("the pages are mapped").hasSizeGreaterThan(20);
    assertThat(engine).as("the engine's resources are listed").hasSizeGreaterThan(25);
    // an operation the description leaves out would escape the matrix
    assertThat(api).as("every /api mapping is in the API's description, so in the matrix")
        .containsAll(mappings().stream().filter(m -> m.substring(m.indexOf(' ') + 1).startsWith("/api/")).toList());

    Map<Who, WebSession> sessions = new LinkedHashMap<>();
    for (Who who : Who.values()) {
      WebSession s = WebSession.on(port);
      if (who != Who.ANONYMOUS) {
        s.login(who.username, who == Who.INTEGRATION ? INTEGRATION_PASSWORD : PASSWORD);
      }
      sessions.put(who, s);
    }
    for (Who who : Who.values()) {
      for (String op : api) {
        String method = op.substring(0, op.indexOf(' '));
        String path = concrete(op.substring(op.indexOf(' ') + 1));
        WebSession.Reply r = basic(who).json(method, path, method.equals("GET") || method.equals("DELETE") ? null : "{}");
        record(observed, errors, op, who, r, false);
      }
      for (String page : pages) {
        String method = page.substring(0, page.indexOf(' '));
        String path = concrete(page.substring(page.indexOf(' ') + 1));
        WebSession s = sessions.get(who);
        WebSession.Reply r;
        if (method.equals("GET")) {
          r = s.get(path);
        } else {
          s.get(path.startsWith("/portal") ? "/portal/follow" : "/tasks"); // a page of that surface, for its form token
          r = s.form(path, Map.of());
        }
        record(observed, errors, page, who, r, false);
      }
      for (String resource : engine) {
        WebSession.Reply r = basic(who).get(resource.substring(4));
        record(observed, errors, resource, who, r, true);
      }
    }
    Map<String, Set<Who>> expected = parse(TABLE);
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, Set<Who>> e : observed.entrySet()) {
      Set<Who> want = expected.get(e.getKey());
      if (want == null) {
        wrong.add("not in the table: " + e.getKey());
      } else if (!want.equals(e.getValue())) {
        Set<Who> extra = EnumSet.noneOf(Who.class);
        extra.addAll(e.getValue());
        extra.removeAll(want);
        Set<Who> missing = EnumSet.noneOf(Who.class);
        missing.addAll(want);
        missing.removeAll(e.getValue());
        wrong.add(e.getKey() + ": let through " + extra + " the table keeps out; kept out " + missing + " the table lets through");
      }
    }
    for (String key : expected.keySet()) {
      if (!observed.containsKey(key)) {
        wrong.add("in the table but no longer a door: " + key);
      }
    }
    assertThat(errors).as("no server errors").isEmpty();
    assertThat(wrong).as("the observed matrix:%n%s", render(observed)).isEmpty();
  }

  void record(Map<String, Set<Who>> observed, List<String> errors, String door, Who who, WebSession.Reply r, boolean engine) {
    Set<Who> through = observed.computeIfAbsent(door, k -> EnumSet.noneOf(Who.class));
    switch (outcome(r, engine)) {
      case THROUGH -> through.add(who);
      case KEPT_OUT -> { }
      case ERROR -> errors.add(door + " as " + who + ": " + r.status() + " " + r.body().substring(0, Math.min(300, r.body().length())));
    }
  }

  static Map<String, Set<Who>> parse(String table) {
    Map<String, Set<Who>> out = new TreeMap<>();
    for (String line : table.strip().split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      String[] parts = line.split("\\|");
      Set<Who> who = EnumSet.noneOf(Who.class);
      for (String name : parts[1].strip().split("\\s*,\\s*")) {
        switch (name) {
          case "EVERYONE" -> who.addAll(EVERYONE);
          case "SIGNED_IN" -> who.addAll(SIGNED_IN);
          case "ENGINE" -> who.addAll(ENGINE);
          case "NOBODY" -> { }
          default -> who.add(Who.valueOf(name));
        }
      }
      out.put(parts[0].strip(), who);
    }
    return out;
  }

  static String render(Map<String, Set<Who>> observed) {
    StringBuilder out = new StringBuilder();
    observed.forEach((door, who) -> {
      String names = who.equals(EVERYONE) ? "EVERYONE" : who.equals(SIGNED_IN) ? "SIGNED_IN" : who.equals(ENGINE) ? "ENGINE"
          : who.isEmpty() ? "NOBODY" : who.stream().map(Enum::name).collect(Collectors.joining(", "));
      out.append(door).append(" | ").append(names).append('\n');
    });
    return out.toString();
  }
}
