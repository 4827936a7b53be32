package org.linli.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.ShanghaiTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The emergency API over HTTP, as a grid worker's app or another system would call it. */
@LinliIntegrationTest
class EmergencyApiTests {

  @Autowired TestRestTemplate rest;

  @BeforeEach
  void clock() {
    ClockUtil.setCurrentTime(Date.from(ShanghaiTime.at("2026-07-01T10:00")));
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  Map<String, Object> report(int dead) {
    return Map.ofEntries(Map.entry("type", "ACCIDENT"), Map.entry("subtype", "PRODUCTION_SAFETY"),
        Map.entry("divisionCode", "330106002001"), Map.entry("location", "桃源村砖厂"), Map.entry("occurredAt", "2026-07-01T01:50:00Z"),
        Map.entry("description", "窑体坍塌"), Map.entry("dead", dead), Map.entry("injured", 0));
  }

  @Test
  @SuppressWarnings("unchecked")
  void reportReadAndChangeTheLevel() {
    ResponseEntity<Map> created = rest.withBasicAuth("li.qiang", "demo").postForEntity("/api/emergency/incidents", report(3), Map.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String number = (String) created.getBody().get("caseNumber");
    assertThat(created.getBody().get("level")).isEqualTo("III");
    assertThat(created.getHeaders().getLocation()).hasToString("/cases/" + number);

    ResponseEntity<Map> read = rest.withBasicAuth("he.jun", "demo").getForEntity("/api/emergency/incidents/{n}", Map.class, number);
    assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(read.getBody()).containsEntry("level", "III").containsEntry("dead", 3).containsEntry("subtype", "PRODUCTION_SAFETY");
    assertThat(rest.withBasicAuth("zhou.yun", "demo").getForEntity("/api/emergency/incidents/{n}", Map.class, number).getStatusCode())
        .as("another township").isEqualTo(HttpStatus.NOT_FOUND);

    ResponseEntity<Map> forbidden = rest.withBasicAuth("wang.fang", "demo")
        .postForEntity("/api/emergency/incidents/{n}/level", Map.of("level", "II", "reason", "x"), Map.class, number);
    assertThat(forbidden.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<Map> raised = rest.withBasicAuth("sun.hao", "demo")
        .postForEntity("/api/emergency/incidents/{n}/level", Map.of("level", "II", "reason", "死亡人数上升"), Map.class, number);
    assertThat(raised.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(raised.getBody()).containsEntry("level", "II");
    assertThat(rest.withBasicAuth("he.jun", "demo").getForEntity("/api/emergency/incidents/{n}", Map.class, number).getBody())
        .containsEntry("level", "II");
  }

  @SuppressWarnings("unchecked")
  String taskId(String user, String number, String activity) {
    List<Map<String, Object>> items = (List<Map<String, Object>>) rest.withBasicAuth(user, "demo")
        .getForEntity("/api/tasks?queue=GROUP&kind=EMERGENCY&size=200", Map.class).getBody().get("items");
    return (String) items.stream().filter(t -> number.equals(t.get("caseNumber")) && activity.equals(t.get("step")))
        .findFirst().orElseThrow().get("id");
  }

  ResponseEntity<Map> submitForm(String user, String taskId, Map<String, Object> data) {
    return rest.withBasicAuth(user, "demo").postForEntity("/api/tasks/{id}/complete", data, Map.class, taskId);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theStepsWorkThroughTheirDeployedForms() {
    String number = (String) rest.withBasicAuth("li.qiang", "demo").postForEntity("/api/emergency/incidents", report(1), Map.class)
        .getBody().get("caseNumber");
    String first = taskId("liu.yang", number, "Task_FirstReport");
    ResponseEntity<Map> form = rest.withBasicAuth("liu.yang", "demo").getForEntity("/api/tasks/{id}/form", Map.class, first);
    assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(form.getBody().toString()).contains("Form_EmergencyReport", "dead", "estimatedLoss", "firstReport")
        .as("one form serves the three report steps; each offers its own decision only")
        .doesNotContain("progressReport", "allClear");

    ResponseEntity<Map> early = submitForm("liu.yang", first, Map.of("decision", "allClear", "comment", "结束"));
    assertThat(early.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(early.getBody().toString()).contains("decision");

    ResponseEntity<Map> refused = submitForm("liu.yang", first, Map.of("decision", "firstReport", "comment", "首报", "dead", -1));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((List<Map<String, Object>>) refused.getBody().get("errors")).extracting(e -> e.get("field")).contains("dead");

    ResponseEntity<Map> done = submitForm("liu.yang", first,
        Map.of("decision", "firstReport", "comment", "首报：1人死亡，2人受伤", "dead", 1, "injured", 2, "estimatedLoss", 120000.5));
    assertThat(done.getStatusCode().is2xxSuccessful()).as("%s", done.getBody()).isTrue();
    Map<String, Object> incident = rest.withBasicAuth("liu.yang", "demo").getForEntity("/api/emergency/incidents/{n}", Map.class, number).getBody();
    assertThat(incident).containsEntry("injured", 2).containsEntry("estimatedLoss", 120000.5);
  }

  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

  ResponseEntity<Map> upload(String user, String number, String name, byte[] bytes) {
    org.springframework.util.LinkedMultiValueMap<String, Object> body = new org.springframework.util.LinkedMultiValueMap<>();
    body.add("file", new org.springframework.core.io.ByteArrayResource(bytes) {
      @Override
      public String getFilename() {
        return name;
      }
    });
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth(user, "demo").postForEntity("/api/emergency/incidents/{n}/photos",
        new org.springframework.http.HttpEntity<>(body, headers), Map.class, number);
  }

  @Test
  void photosFromTheSceneAreImagesOnTheCase() {
    String number = (String) rest.withBasicAuth("li.qiang", "demo").postForEntity("/api/emergency/incidents", report(0), Map.class)
        .getBody().get("caseNumber");
    ResponseEntity<Map> added = upload("li.qiang", number, "现场.png", PNG);
    assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(added.getBody()).containsEntry("fileName", "现场.png").containsEntry("contentType", "image/png");
    ResponseEntity<Map> pdf = upload("li.qiang", number, "x.pdf", "%PDF-1.4 test".getBytes());
    assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(upload("zhou.yun", number, "a.png", PNG).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    // after a false alarm the case takes no more photos
    String arrive = taskId("liu.yang", number, "Task_ArriveOnSite");
    assertThat(submitForm("liu.yang", arrive, Map.of("decision", "falseAlarm", "comment", "误报")).getStatusCode().is2xxSuccessful()).isTrue();
    assertThat(upload("li.qiang", number, "late.png", PNG).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  @SuppressWarnings("unchecked")
  void badReportsGetProblemDetailsPerField() {
    Map<String, Object> bad = new java.util.HashMap<>(report(-2));
    bad.put("subtype", "FLOOD");
    bad.remove("location");
    ResponseEntity<Map> refused = rest.withBasicAuth("li.qiang", "demo").postForEntity("/api/emergency/incidents", bad, Map.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    List<Map<String, Object>> errors = (List<Map<String, Object>>) refused.getBody().get("errors");
    assertThat(errors).extracting(e -> e.get("field")).containsExactlyInAnyOrder("subtype", "location", "dead");

    Map<String, Object> unknownType = new java.util.HashMap<>(report(0));
    unknownType.put("type", "ALIENS");
    ResponseEntity<Map> unreadable = rest.withBasicAuth("li.qiang", "demo").postForEntity("/api/emergency/incidents", unknownType, Map.class);
    assertThat(unreadable.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(rest.postForEntity("/api/emergency/incidents", report(0), Map.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }
}
