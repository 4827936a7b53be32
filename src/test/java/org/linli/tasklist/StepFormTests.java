package org.linli.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
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

/** Steps of a resident request completed through their Camunda Forms over HTTP. */
@LinliIntegrationTest
class StepFormTests {

  static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate http;

  ResponseEntity<Map<String, Object>> call(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (user != null) {
      headers.setBasicAuth(user, "demo");
    }
    return http.exchange(path, method, new HttpEntity<>(body, headers), JSON);
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> task(String user, String queue, String caseNumber) {
    List<Map<String, Object>> items = (List<Map<String, Object>>)
        call(user, HttpMethod.GET, "/api/tasks?queue=" + queue + "&kind=REQUEST&size=200", null).getBody().get("items");
    return items.stream().filter(t -> caseNumber.equals(t.get("caseNumber"))).findFirst().orElseThrow();
  }

  String newRequest() {
    Map<String, Object> intake = Map.of("categoryCode", "streetlight", "description", "村口路灯坏了三天",
        "divisionCode", "330106002001", "address", "桃源村村口", "residentName", "张三", "residentPhone", "13900001111");
    ResponseEntity<Map<String, Object>> created = call(null, HttpMethod.POST, "/api/public/requests", intake);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return (String) created.getBody().get("caseNumber");
  }

  ResponseEntity<Map<String, Object>> submit(String user, Object taskId, Map<String, Object> data) {
    return call(user, HttpMethod.POST, "/api/tasks/" + taskId + "/complete", data);
  }

  void assertRefused(ResponseEntity<Map<String, Object>> r, String field, String user, Object taskId) {
    assertThat(r.getStatusCode()).as("%s", r.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(r.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> errors = (List<Map<String, Object>>) r.getBody().get("errors");
    assertThat(errors).extracting(e -> e.get("field")).contains(field);
    assertThat(call(user, HttpMethod.GET, "/api/tasks/" + taskId, null).getStatusCode()).as("task still open").isEqualTo(HttpStatus.OK);
  }

  /** The values a field offers: its own, or those the server gave the form under its valuesKey. */
  @SuppressWarnings("unchecked")
  static List<Object> options(Map<String, Object> form, String key) {
    Map<String, Object> schema = (Map<String, Object>) form.get("schema");
    Map<String, Object> data = (Map<String, Object>) form.get("data");
    return ((List<Map<String, Object>>) schema.get("components")).stream().filter(c -> key.equals(c.get("key")))
        .flatMap(c -> ((List<Map<String, Object>>) (c.get("valuesKey") != null ? data.get(c.get("valuesKey")) : c.get("values")))
            .stream().map(v -> v.get("value"))).toList();
  }

  @Test
  @SuppressWarnings("unchecked")
  void theSignForStepHasItsFormAndCompletesThroughIt() {
    String number = newRequest();
    Object signId = task("wang.fang", "GROUP", number).get("id");

    ResponseEntity<Map<String, Object>> form = call("wang.fang", HttpMethod.GET, "/api/tasks/" + signId + "/form", null);
    assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, Object> schema = (Map<String, Object>) form.getBody().get("schema");
    assertThat(schema.get("id")).isEqualTo("Form_RequestSign");
    assertThat(options(form.getBody(), "decision")).containsExactly("sign", "return");
    assertThat((Map<String, Object>) form.getBody().get("data")).doesNotContainKey("decision");
    // another village's caseworker does not see the task, nor its form
    assertThat(call("zhao.min", HttpMethod.GET, "/api/tasks/" + signId + "/form", null).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    assertRefused(submit("wang.fang", signId, Map.of()), "decision", "wang.fang", signId);
    assertRefused(submit("wang.fang", signId, Map.of("decision", "teleport")), "decision", "wang.fang", signId);
    assertRefused(submit("wang.fang", signId, Map.of("decision", "sign", "comment", "长".repeat(2001))), "comment", "wang.fang", signId);
    // the step's own rule (a return needs a reason) answers through the form too
    assertRefused(submit("wang.fang", signId, Map.of("decision", "return")), "comment", "wang.fang", signId);

    // a key the step does not take is refused by name, with the keys hidden by this decision
    assertRefused(submit("wang.fang", signId, Map.of("decision", "sign", "unknownKey", 1)), "unknownKey", "wang.fang", signId);
    assertRefused(submit("wang.fang", signId, Map.of("decision", "sign", "fields", Map.of("comment", "x"))), "fields", "wang.fang",
        signId);

    ResponseEntity<Map<String, Object>> done = submit("wang.fang", signId, Map.of("decision", "sign"));
    assertThat(done.getStatusCode()).as("%s", done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(call("wang.fang", HttpMethod.GET, "/api/tasks/" + signId, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    // handling at a village: only the village's decisions are offered; 11 days are too many
    Object handleId = task("wang.fang", "MINE", number).get("id");
    Map<String, Object> handleForm = call("wang.fang", HttpMethod.GET, "/api/tasks/" + handleId + "/form", null).getBody();
    assertThat(options(handleForm, "decision")).containsExactly("reply", "extend", "escalate");
    assertRefused(submit("wang.fang", handleId, Map.of("decision", "extend", "extensionDays", 11, "comment", "等配件")),
        "extensionDays", "wang.fang", handleId);
    assertRefused(submit("wang.fang", handleId, Map.of("decision", "extend", "comment", "等配件")),
        "extensionDays", "wang.fang", handleId);
    assertRefused(submit("wang.fang", handleId, Map.of("decision", "extend", "extensionDays", "3", "comment", "等配件")),
        "extensionDays", "wang.fang", handleId);
    assertRefused(submit("wang.fang", handleId, Map.of("decision", "return", "comment", "不归我们")), "decision", "wang.fang", handleId);
    assertRefused(submit("wang.fang", handleId, Map.of("decision", "reply")), "reply", "wang.fang", handleId);
    // the internal note is no reply: without the resident's text the step is refused, whatever the note says
    assertRefused(submit("wang.fang", handleId, Map.of("decision", "reply", "comment", "已修复")), "reply", "wang.fang", handleId);
    // a reply is only for the reply decision: the form hides it otherwise
    assertRefused(submit("wang.fang", handleId, Map.of("decision", "escalate", "comment", "x", "reply", "y")), "reply",
        "wang.fang", handleId);
    assertThat(submit("wang.fang", handleId, Map.of("decision", "escalate", "comment", "需要专业维修")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    // the township's dispatch: a department of the county only for dispatch, a village of the township only for assign
    Object dispatchId = task("liu.yang", "GROUP", number).get("id");
    Map<String, Object> dispatchForm = call("liu.yang", HttpMethod.GET, "/api/tasks/" + dispatchId + "/form", null).getBody();
    assertThat(options(dispatchForm, "departmentCode")).containsExactlyInAnyOrder("mz", "zj", "wj", "yj", "sf", "rs", "cg");
    assertRefused(submit("liu.yang", dispatchId, Map.of("decision", "dispatch")), "departmentCode", "liu.yang", dispatchId);
    assertRefused(submit("liu.yang", dispatchId, Map.of("decision", "dispatch", "departmentCode", "xx")),
        "departmentCode", "liu.yang", dispatchId);
    assertRefused(submit("liu.yang", dispatchId, Map.of("decision", "assign", "divisionCode", "3301060020")),
        "divisionCode", "liu.yang", dispatchId);
    // a well-formed code of another township passes the form and is refused by the step
    assertRefused(submit("liu.yang", dispatchId, Map.of("decision", "assign", "divisionCode", "330106003001")),
        "divisionCode", "liu.yang", dispatchId);
    // a department with an assignment to a village: the form hides it, so it is refused, not dropped
    assertRefused(submit("liu.yang", dispatchId, Map.of("decision", "assign", "divisionCode", "330106002002", "departmentCode", "mz")),
        "departmentCode", "liu.yang", dispatchId);
    ResponseEntity<Map<String, Object>> assigned =
        submit("liu.yang", dispatchId, Map.of("decision", "assign", "divisionCode", "330106002002"));
    assertThat(assigned.getStatusCode()).as("%s", assigned.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    Map<String, Object> next = task("zhao.min", "GROUP", number);
    assertThat(next.get("step")).isEqualTo("Task_SignRequest");
    assertThat(next.get("departmentCode")).isNull();
  }

  @Test
  void aCompleteRequestGoesThroughTheFormsToTheRating() {
    String number = newRequest();
    assertThat(submit("wang.fang", task("wang.fang", "GROUP", number).get("id"), Map.of("decision", "sign")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    Object handleId = task("wang.fang", "MINE", number).get("id");
    assertThat(submit("wang.fang", handleId, Map.of("decision", "reply", "reply", "已修复", "comment", "内部：换了整流器")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    Object callbackId = task("wang.fang", "GROUP", number).get("id");
    assertRefused(submit("wang.fang", callbackId, Map.of("decision", "rate")), "rating", "wang.fang", callbackId);
    assertRefused(submit("wang.fang", callbackId, Map.of("decision", "rate", "rating", "HAPPY")), "rating", "wang.fang", callbackId);
    assertThat(submit("wang.fang", callbackId, Map.of("decision", "rate", "rating", "BASICALLY_SATISFIED")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    @SuppressWarnings("unchecked")
    Map<String, Object> caseFile = (Map<String, Object>) call("wang.fang", HttpMethod.GET, "/api/cases/" + number, null)
        .getBody().get("caseFile");
    assertThat(caseFile.get("status")).isEqualTo("CLOSED");
    assertThat(caseFile.get("rating")).isEqualTo("BASICALLY_SATISFIED");
  }
}
