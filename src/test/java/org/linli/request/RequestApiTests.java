package org.linli.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.linli.support.LinliIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A request through the whole loop over HTTP, as the demo users, and what others cannot see. */
@LinliIntegrationTest
class RequestApiTests {

  static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate http;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  ResponseEntity<Map<String, Object>> call(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (user != null) {
      headers.setBasicAuth(user, "demo");
    }
    return http.exchange(path, method, new HttpEntity<>(body, headers), JSON);
  }

  @SuppressWarnings("unchecked")
  List<Map<String, Object>> items(ResponseEntity<Map<String, Object>> page) {
    return (List<Map<String, Object>>) page.getBody().get("items");
  }

  Map<String, Object> groupTask(String user, String caseNumber) {
    return items(call(user, HttpMethod.GET, "/api/tasks?queue=GROUP&kind=REQUEST&size=200", null)).stream()
        .filter(t -> caseNumber.equals(t.get("caseNumber"))).findFirst().orElseThrow();
  }

  Map<String, Object> myTask(String user, String caseNumber) {
    return items(call(user, HttpMethod.GET, "/api/tasks?queue=MINE&size=200", null)).stream()
        .filter(t -> caseNumber.equals(t.get("caseNumber"))).findFirst().orElseThrow();
  }

  void complete(String user, Object taskId, Map<String, Object> input) {
    ResponseEntity<Map<String, Object>> r = call(user, HttpMethod.POST, "/api/tasks/" + taskId + "/complete", input);
    assertThat(r.getStatusCode()).as("completing %s: %s", taskId, r.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  Map<String, Object> intake(String village) {
    return Map.of("categoryCode", "streetlight", "description", "小区东门路灯一直不亮", "divisionCode", village,
        "address", "东门", "residentName", "李四", "residentPhone", "13800002222", "residentEmail", "li.si@example.com");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aRequestGoesThroughTheWholeLoopAndOnlyItsOwnAreaSeesIt() {
    ResponseEntity<Map<String, Object>> created = call(null, HttpMethod.POST, "/api/public/requests", intake("330106002001"));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String number = (String) created.getBody().get("caseNumber");
    assertThat(created.getHeaders().getLocation()).hasToString("/api/requests/" + number);

    // the village caseworker sees it in the group queue, another village's does not
    Map<String, Object> sign = groupTask("wang.fang", number);
    assertThat(sign.get("decisions")).isEqualTo(List.of("sign", "return"));
    assertThat(items(call("zhao.min", HttpMethod.GET, "/api/tasks?queue=GROUP&size=200", null)))
        .noneMatch(t -> number.equals(t.get("caseNumber")));
    assertThat(call("zhao.min", HttpMethod.GET, "/api/cases/" + number, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(call("zhao.min", HttpMethod.GET, "/api/requests/" + number, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(call("zhao.min", HttpMethod.GET, "/api/tasks/" + sign.get("id"), null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(call("zhao.min", HttpMethod.POST, "/api/tasks/" + sign.get("id") + "/claim", null).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(items(call("zhao.min", HttpMethod.GET, "/api/cases?size=200", null)))
        .noneMatch(c -> number.equals(c.get("caseNumber")));
    assertThat(items(call("sun.li", HttpMethod.GET, "/api/cases?size=200", null))).as("another township")
        .noneMatch(c -> number.equals(c.get("caseNumber")));
    // the township above sees it, read-only
    assertThat(call("liu.yang", HttpMethod.GET, "/api/cases/" + number, null).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(call("liu.yang", HttpMethod.POST, "/api/tasks/" + sign.get("id") + "/claim", null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    // claim, unclaim, claim again, then sign
    assertThat(call("wang.fang", HttpMethod.POST, "/api/tasks/" + sign.get("id") + "/claim", null).getBody().get("assignee"))
        .isEqualTo("wang.fang");
    assertThat(myTask("wang.fang", number).get("id")).isEqualTo(sign.get("id"));
    assertThat(call("wang.fang", HttpMethod.POST, "/api/tasks/" + sign.get("id") + "/unclaim", null).getBody())
        .doesNotContainKey("assignee");
    call("wang.fang", HttpMethod.POST, "/api/tasks/" + sign.get("id") + "/claim", null);
    complete("wang.fang", sign.get("id"), Map.of("decision", "sign"));

    // escalate to the township, which dispatches to housing (住建)
    complete("wang.fang", myTask("wang.fang", number).get("id"), Map.of("decision", "escalate", "comment", "需要专业维修"));
    complete("liu.yang", groupTask("liu.yang", number).get("id"), Map.of("decision", "dispatch", "departmentCode", "zj"));
    assertThat(call("zheng.hao", HttpMethod.GET, "/api/cases/" + number, null).getStatusCode()).as("dept sees dispatched case")
        .isEqualTo(HttpStatus.OK);
    assertThat(call("wu.lei", HttpMethod.GET, "/api/cases/" + number, null).getStatusCode()).as("another dept does not")
        .isEqualTo(HttpStatus.NOT_FOUND);
    complete("zheng.hao", groupTask("zheng.hao", number).get("id"), Map.of("decision", "sign"));
    Map<String, Object> handle = myTask("zheng.hao", number);
    complete("zheng.hao", handle.get("id"), Map.of("decision", "extend", "extensionDays", 3, "comment", "等待配件"));
    complete("liu.yang", groupTask("liu.yang", number).get("id"), Map.of("decision", "grant"));
    complete("zheng.hao", myTask("zheng.hao", number).get("id"), Map.of("decision", "reply", "reply", "线路已修复", "comment", "内部：住建所派电工"));

    // the resident rates through the link that came with the reply
    Map<String, Object> detail = call("wang.fang", HttpMethod.GET, "/api/requests/" + number, null).getBody();
    Map<String, Object> request = (Map<String, Object>) detail.get("request");
    assertThat(request.get("reply")).isEqualTo("线路已修复");
    assertThat(request).as("staff never see the resident's rating token").doesNotContainKey("ratingToken");
    // the link in the reply mail carries it
    String token = jdbc.sql("select rating_token from resident_request where case_number = ?").param(number)
        .query(String.class).single();
    ResponseEntity<Map<String, Object>> rated =
        call(null, HttpMethod.POST, "/api/public/ratings/" + token, Map.of("rating", "SATISFIED", "comment", "很快"));
    assertThat(rated.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    Map<String, Object> done = call("wang.fang", HttpMethod.GET, "/api/cases/" + number, null).getBody();
    Map<String, Object> caseFile = (Map<String, Object>) done.get("caseFile");
    assertThat(caseFile.get("status")).isEqualTo("CLOSED");
    assertThat(caseFile.get("rating")).isEqualTo("SATISFIED");
    assertThat(((List<Map<String, Object>>) done.get("timeline")).stream().map(e -> e.get("type")))
        .as("the internal note an entry of its own beside the reply")
        .containsExactly("CREATED", "SIGNED", "ESCALATED", "DISPATCHED", "SIGNED", "EXTENSION_REQUESTED", "EXTENDED",
            "COMMENTED", "REPLIED", "RATED", "CLOSED");
    assertThat(call(null, HttpMethod.POST, "/api/public/ratings/" + token, Map.of("rating", "SATISFIED")).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void badInputIsAProblemNamingTheFieldAndWritesNothing() {
    long cases = count("case_file");
    long instances = count("act_ru_execution");
    Map<String, Object> bad = new java.util.HashMap<>(intake("330106002001"));
    bad.put("residentPhone", "12345");
    ResponseEntity<Map<String, Object>> r = call(null, HttpMethod.POST, "/api/public/requests", bad);
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(r.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    assertThat(r.getBody().get("errors").toString()).contains("residentPhone");

    bad = new java.util.HashMap<>(intake("330106002009"));
    r = call(null, HttpMethod.POST, "/api/public/requests", bad);
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(r.getBody().get("errors").toString()).contains("divisionCode");

    bad = new java.util.HashMap<>(intake("330106002001"));
    bad.put("categoryCode", "ufo");
    assertThat(call(null, HttpMethod.POST, "/api/public/requests", bad).getBody().get("errors").toString()).contains("categoryCode");
    bad.put("channel", "HOTLINE");
    bad.put("categoryCode", "streetlight");
    assertThat(call(null, HttpMethod.POST, "/api/public/requests", bad).getBody().get("errors").toString()).contains("channel");
    bad.put("latitude", "north");
    assertThat(call(null, HttpMethod.POST, "/api/public/requests", bad).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    assertThat(http.exchange("/api/public/requests", HttpMethod.POST, new HttpEntity<>("{not json", headers), JSON)
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    assertThat(count("case_file")).isEqualTo(cases);
    assertThat(count("act_ru_execution")).isEqualTo(instances);

    // a task step with a bad decision is refused too
    String number = (String) call("li.qiang", HttpMethod.POST, "/api/requests", intake("330106002001")).getBody().get("caseNumber");
    Object taskId = groupTask("wang.fang", number).get("id");
    r = call("wang.fang", HttpMethod.POST, "/api/tasks/" + taskId + "/complete", Map.of("decision", "teleport"));
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(r.getBody().get("errors").toString()).contains("decision");
    r = call("wang.fang", HttpMethod.POST, "/api/tasks/" + taskId + "/complete", Map.of());
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(groupTask("wang.fang", number).get("id")).isEqualTo(taskId);
    assertThat(call("wang.fang", HttpMethod.GET, "/api/tasks?queue=EVERYTHING", null).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(call("wang.fang", HttpMethod.GET, "/api/tasks?size=100000", null).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void theApiNeedsSignInExceptThePublicIntake() {
    ResponseEntity<Map<String, Object>> r = call(null, HttpMethod.GET, "/api/tasks", null);
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(r.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    HttpHeaders headers = new HttpHeaders();
    // a user no other test signs in as: the engine delays sign-in after a wrong password
    headers.setBasicAuth("ma.tao", "wrong");
    assertThat(http.exchange("/api/cases", HttpMethod.GET, new HttpEntity<>(headers), JSON).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.getForEntity("/api/public/request-categories", List.class).getBody()).hasSizeGreaterThanOrEqualTo(20);
  }

  @Test
  void overdueTasksAreFilteredByTheEngineClock() {
    String number = (String) call("li.qiang", HttpMethod.POST, "/api/requests", intake("330106002001")).getBody().get("caseNumber");
    assertThat(items(call("wang.fang", HttpMethod.GET, "/api/tasks?queue=GROUP&overdue=true&size=200", null)))
        .noneMatch(t -> number.equals(t.get("caseNumber")));
    ClockUtil.setCurrentTime(new java.util.Date(System.currentTimeMillis() + 30L * 24 * 3600 * 1000));
    Map<String, Object> late = items(call("wang.fang", HttpMethod.GET, "/api/tasks?queue=GROUP&overdue=true&size=200", null))
        .stream().filter(t -> number.equals(t.get("caseNumber"))).findFirst().orElseThrow();
    assertThat(late.get("overdue")).isEqualTo(true);
    assertThat(items(call("liu.yang", HttpMethod.GET, "/api/cases?overdue=true&size=200", null)))
        .anyMatch(c -> number.equals(c.get("caseNumber")));
  }

  @Test
  void tasksSortByDueTimeEitherWay() {
    call("li.qiang", HttpMethod.POST, "/api/requests", intake("330106002001"));
    Map<String, Object> township = new java.util.HashMap<>(intake("330106002001"));
    township.put("categoryCode", "road");
    call("li.qiang", HttpMethod.POST, "/api/requests", township);
    java.util.function.Function<String, List<Instant>> dues = sort ->
        items(call("wang.fang", HttpMethod.GET, "/api/tasks?queue=GROUP&size=200&sort=" + sort, null)).stream()
            .map(t -> Instant.parse((String) t.get("dueAt"))).toList();
    assertThat(dues.apply("due")).isSorted().isNotEmpty();
    assertThat(dues.apply("-due")).isSortedAccordingTo(java.util.Comparator.reverseOrder()).isNotEmpty();
    assertThat(call("wang.fang", HttpMethod.GET, "/api/tasks?sort=name", null).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void designersKeepTheCatalogue() {
    Map<String, Object> category = Map.of("name", "井盖缺失", "nameEn", "Missing manhole cover", "type", "HELP",
        "handlingLevel", "DEPARTMENT", "departmentCode", "cg", "sortOrder", 25, "active", true);
    assertThat(call("wang.fang", HttpMethod.PUT, "/api/request-categories/manhole", category).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(call("designer", HttpMethod.PUT, "/api/request-categories/manhole", category).getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, Object> bad = new java.util.HashMap<>(category);
    bad.put("departmentCode", "nasa");
    ResponseEntity<Map<String, Object>> r = call("designer", HttpMethod.PUT, "/api/request-categories/manhole", bad);
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(r.getBody().get("errors").toString()).contains("departmentCode");

    Map<String, Object> form = new java.util.HashMap<>(intake("330106003001"));
    form.put("categoryCode", "manhole");
    String number = (String) call(null, HttpMethod.POST, "/api/public/requests", form).getBody().get("caseNumber");
    assertThat(groupTask("tang.wei", number).get("candidateGroup")).isEqualTo("dept-cg@330106");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theTownshipPicksAVillageOfItsOwnByNameAndNoOtherValueGoesThrough() {
    String number = (String) call(null, HttpMethod.POST, "/api/public/requests", intake("330106002001")).getBody().get("caseNumber");
    Object sign = groupTask("wang.fang", number).get("id");
    complete("wang.fang", sign, Map.of("decision", "return", "comment", "不属于本村办理范围"));
    Object dispatch = groupTask("liu.yang", number).get("id");

    Map<String, Object> form = call("liu.yang", HttpMethod.GET, "/api/tasks/" + dispatch + "/form", null).getBody();
    Map<String, Object> data = (Map<String, Object>) form.get("data");
    List<Map<String, Object>> villages = (List<Map<String, Object>>) data.get("villages");
    assertThat(villages).as("the villages of 桃源镇, by name").contains(Map.of("value", "330106002001", "label", "桃源村"))
        .allSatisfy(v -> assertThat((String) v.get("value")).startsWith("330106002").hasSize(12));
    assertThat((List<Map<String, Object>>) data.get("departments")).extracting(d -> d.get("value")).contains("yj", "mz");
    assertThat(form.get("schema").toString()).contains("valuesKey=villages").doesNotContain("12位");

    String otherTownship = "330106003001";
    ResponseEntity<Map<String, Object>> elsewhere = call("liu.yang", HttpMethod.POST, "/api/tasks/" + dispatch + "/complete",
        Map.of("decision", "assign", "divisionCode", otherTownship));
    assertThat(elsewhere.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(elsewhere.getBody().toString()).contains("divisionCode");
    ResponseEntity<Map<String, Object>> ownList = call("liu.yang", HttpMethod.POST, "/api/tasks/" + dispatch + "/complete",
        Map.of("decision", "assign", "divisionCode", "330106002002", "villages", List.of(Map.of("value", otherTownship))));
    assertThat(ownList.getStatusCode()).as("the choices are the server's").isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(ownList.getBody().toString()).contains("villages");
    assertThat(groupTask("liu.yang", number).get("id")).as("nothing moved").isEqualTo(dispatch);

    complete("liu.yang", dispatch, Map.of("decision", "assign", "divisionCode", "330106002002"));
    assertThat((Map<String, Object>) call("liu.yang", HttpMethod.GET, "/api/cases/" + number, null).getBody().get("caseFile"))
        .containsEntry("divisionCode", "330106002002").containsEntry("currentGroup", "caseworker@330106002002");
  }
}
