package org.linli.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linli.emergency.EmergencyProcess.TASK_ARRIVE;
import static org.linli.emergency.EmergencyProcess.TASK_DISPOSE;
import static org.linli.emergency.EmergencyProcess.TASK_WATCH_WARNING;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.linli.casefile.CaseEvent;
import org.linli.casefile.CaseEventType;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseTask;
import org.linli.support.DemoUsers;
import org.linli.support.EngineApi;
import org.linli.support.LinliIntegrationTest;
import org.linli.system.EngineClock;
import org.linli.tasklist.StepInput;
import org.linli.tasklist.TaskActions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

/**
 * The grid worker who reported an emergency is usually first on site: the arrival (到达现场) is offered
 * to him by name beside the lead, from the incident's record; nobody else outside the lead's group
 * gets it, whatever a process variable or the engine's API says, and a false alarm stays the lead's.
 */
@LinliIntegrationTest
class EmergencyArrivalByReporterTests {

  @Autowired EmergencyReports reports;
  @Autowired CaseFiles cases;
  @Autowired TaskActions tasks;
  @Autowired DemoUsers users;
  @Autowired TaskService engineTasks;
  @Autowired TestRestTemplate rest;
  @LocalServerPort int port;

  String report(String user, IncidentReport r) {
    return reports.report(r, users.get(user)).caseNumber();
  }

  static IncidentReport accident() {
    return EmergencyFixtures.accident(1, 0, 0, EngineClock.now().minusSeconds(600)); // level IV: the township leads
  }

  CaseTask open(String number, String step) {
    return cases.openTasks(cases.byNumber(number).orElseThrow().id()).stream().filter(t -> t.activityId().equals(step))
        .findFirst().orElseThrow(() -> new AssertionError("no open " + step + " on " + number));
  }

  ResponseEntity<Map> complete(String user, String taskId, String decision, String comment) {
    return rest.withBasicAuth(user, "demo").postForEntity("/api/tasks/{id}/complete",
        Map.of("decision", decision, "comment", comment), Map.class, taskId);
  }

  @SuppressWarnings("unchecked")
  List<Map<String, Object>> queue(String user, String queue) {
    return (List<Map<String, Object>>) rest.withBasicAuth(user, "demo")
        .getForEntity("/api/tasks?queue=" + queue + "&kind=EMERGENCY&size=200", Map.class).getBody().get("items");
  }

  @Test
  void theReportingGridWorkerFindsTheArrivalInHisQueueAndRecordsIt() {
    String number = report("li.qiang", accident());
    CaseTask arrival = open(number, TASK_ARRIVE);
    assertThat(arrival.candidateGroup()).as("the lead of level IV").isEqualTo("township@330106002");
    assertThat(arrival.candidateUser()).isEqualTo("li.qiang");
    assertThat(queue("li.qiang", "MINE")).as("offered to him by name: in his own queue")
        .anyMatch(t -> number.equals(t.get("caseNumber")) && TASK_ARRIVE.equals(t.get("step")) && "li.qiang".equals(t.get("candidateUser")));
    assertThat(queue("li.qiang", "MINE")).as("the other steps are the lead's")
        .noneMatch(t -> number.equals(t.get("caseNumber")) && !TASK_ARRIVE.equals(t.get("step")));

    // a false alarm is the lead's to confirm: his form does not offer it, the API refuses it, nothing moves
    ResponseEntity<Map> form = rest.withBasicAuth("li.qiang", "demo").getForEntity("/api/tasks/{id}/form", Map.class, arrival.taskId());
    assertThat(form.getBody().toString()).contains("已到达现场").doesNotContain("falseAlarm", "核实为误报");
    assertThat(rest.withBasicAuth("liu.yang", "demo").getForEntity("/api/tasks/{id}/form", Map.class, arrival.taskId())
        .getBody().toString()).as("the lead's form offers both").contains("arrive", "falseAlarm");
    ResponseEntity<Map> falseAlarm = complete("li.qiang", arrival.taskId(), "falseAlarm", "到场看了，是误报");
    assertThat(falseAlarm.getStatusCode().value()).isEqualTo(400);
    assertThat(falseAlarm.getBody().toString()).contains("decision");
    assertThatThrownBy(() -> tasks.complete(users.get("li.qiang"), arrival.taskId(),
        new StepInput("falseAlarm", "是误报", null, null, null, null, null, Map.of())))
        .isInstanceOf(org.linli.system.InvalidInputException.class).hasMessageContaining("核实为误报须由牵头单位确认");
    assertThat(open(number, TASK_ARRIVE).taskId()).isEqualTo(arrival.taskId());

    ResponseEntity<Map> arrived = complete("li.qiang", arrival.taskId(), "arrive", "李强已在现场，已拉警戒线，疏散围观群众");
    assertThat(arrived.getStatusCode().value()).as("%s", arrived.getBody()).isEqualTo(204);
    long id = cases.byNumber(number).orElseThrow().id();
    CaseEvent event = cases.timeline(id).stream().filter(e -> TASK_ARRIVE.equals(e.step())).findFirst().orElseThrow();
    assertThat(event.type()).isEqualTo(CaseEventType.ARRIVED);
    assertThat(event.actor()).isEqualTo("li.qiang");
    assertThat(cases.openTasks(id)).extracting(CaseTask::activityId).doesNotContain(TASK_ARRIVE).contains(TASK_DISPOSE);
    CaseTask dispose = open(number, TASK_DISPOSE);
    assertThat(dispose.candidateUser()).as("only the arrival is offered to him").isNull();
    assertThat(complete("li.qiang", dispose.taskId(), "allClear", "结束").getStatusCode().value()).isEqualTo(403);
  }

  @Test
  void theReporterCannotTakeTheStepSoTheLeadIsNeverLockedOutOfIt() {
    String number = report("li.qiang", accident());
    String arrival = open(number, TASK_ARRIVE).taskId();
    assertThat(rest.withBasicAuth("li.qiang", "demo").postForEntity("/api/tasks/{id}/claim", null, Map.class, arrival)
        .getStatusCode().value()).as("offered by name: completed, never taken").isEqualTo(403);
    assertThat(open(number, TASK_ARRIVE).assignee()).isNull();
    assertThat(complete("liu.yang", arrival, "arrive", "镇应急分队已到场").getStatusCode().value()).isEqualTo(204);
  }

  @Test
  void atAGraverLevelTheArrivalIsTheLeadsAlone() {
    String number = report("li.qiang", EmergencyFixtures.accident(3, 0, 0, EngineClock.now().minusSeconds(600)));
    CaseTask arrival = open(number, TASK_ARRIVE);
    assertThat(arrival.candidateGroup()).isNotEqualTo("township@330106002");
    assertThat(arrival.candidateUser()).as("the county's arrival is measured, nobody records it for them").isNull();
  }

  @Test
  void anotherGridWorkerOrAColleagueOfTheVillageCannotRecordIt() {
    String number = report("li.qiang", accident());
    String arrival = open(number, TASK_ARRIVE).taskId();
    // 杏花村's grid worker and 翠苑社区's: another village, outside their area
    for (String other : List.of("qian.lei", "chen.jing")) {
      assertThat(rest.withBasicAuth(other, "demo").getForEntity("/api/tasks/{id}", Map.class, arrival).getStatusCode().value())
          .as(other).isEqualTo(404);
      assertThat(rest.withBasicAuth(other, "demo").postForEntity("/api/tasks/{id}/claim", null, Map.class, arrival)
          .getStatusCode().value()).as(other).isEqualTo(404);
      assertThat(complete(other, arrival, "arrive", "我也到了").getStatusCode().value()).as(other).isEqualTo(404);
      assertThat(queue(other, "MINE")).noneMatch(t -> number.equals(t.get("caseNumber")));
    }
    // the village's caseworker sees the case but the step is not hers
    assertThat(complete("wang.fang", arrival, "arrive", "我到了").getStatusCode().value()).isEqualTo(403);
    assertThat(open(number, TASK_ARRIVE).taskId()).isEqualTo(arrival);
    // and he cannot pass the township's step on to a township officer
    assertThatThrownBy(() -> tasks.handOver(users.get("li.qiang"), arrival, "liu.yang", null))
        .isInstanceOf(org.linli.system.ForbiddenException.class);
    assertThat(tasks.colleagues(users.get("li.qiang"), open(number, TASK_ARRIVE))).isEmpty();
  }

  @Test
  void theOfferComesFromTheIncidentsRecordNeverFromAVariable() {
    // a warning by the grid worker; at the wait state the reporter variable is changed through the engine's API
    IncidentReport warning = EmergencyFixtures.report(IncidentReport.Phase.WARNING, IncidentType.NATURAL_DISASTER,
        IncidentSubtype.LANDSLIDE, 0, 0, 0, 0, BigDecimal.ZERO, IncidentLevel.IV, EngineClock.now(), false, List.of());
    String number = report("li.qiang", warning);
    CaseFile c = cases.byNumber(number).orElseThrow();
    EngineApi.asAdministrator(port).set(c.processInstanceId(), EmergencyProcess.VAR_REPORTED_BY, "qian.lei");
    tasks.complete(users.get("liu.yang"), open(number, TASK_WATCH_WARNING).taskId(),
        new StepInput("incident", "山体滑坡已发生", null, null, null, null, null, Map.of()));
    assertThat(open(number, TASK_ARRIVE).candidateUser()).isEqualTo("li.qiang");

    // a report by the village's caseworker offers the arrival to nobody by name, variable or not
    String byCaseworker = report("wang.fang", warning);
    EngineApi.asAdministrator(port).set(cases.byNumber(byCaseworker).orElseThrow().processInstanceId(),
        EmergencyProcess.VAR_REPORTED_BY, "li.qiang");
    tasks.complete(users.get("liu.yang"), open(byCaseworker, TASK_WATCH_WARNING).taskId(),
        new StepInput("incident", "山体滑坡已发生", null, null, null, null, null, Map.of()));
    CaseTask arrival = open(byCaseworker, TASK_ARRIVE);
    assertThat(arrival.candidateUser()).isNull();
    assertThat(complete("li.qiang", arrival.taskId(), "arrive", "我到了").getStatusCode().value()).isEqualTo(403);
  }

  @Test
  void theEnginesApiCannotOfferTheStepToAnybodyElse() {
    String number = report("li.qiang", accident());
    String arrival = open(number, TASK_ARRIVE).taskId();
    engineTasks.addCandidateUser(arrival, "qian.lei");
    // the listener's refusal, as the engine wraps it
    assertThatThrownBy(() -> engineTasks.setAssignee(arrival, "qian.lei")).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("township@330106002").hasMessageContaining("qian.lei is not a member");
    assertThat(open(number, TASK_ARRIVE).assignee()).isNull();
    engineTasks.claim(arrival, "li.qiang"); // the one the model offered it to
    assertThat(open(number, TASK_ARRIVE).assignee()).isEqualTo("li.qiang");
  }
}
