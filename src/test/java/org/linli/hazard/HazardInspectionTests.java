package org.linli.hazard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linli.hazard.InspectionProcess.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.casefile.CaseEvent;
import org.linli.casefile.CaseEventType;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseStatus;
import org.linli.casefile.CaseTask;
import org.linli.casefile.DeadlineState;
import org.linli.emergency.EmergencyProcess;
import org.linli.emergency.Incident;
import org.linli.emergency.IncidentLevel;
import org.linli.emergency.IncidentReport;
import org.linli.emergency.IncidentSubtype;
import org.linli.emergency.IncidentType;
import org.linli.emergency.Incidents;
import org.linli.support.DemoUsers;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.ShanghaiTime;
import org.linli.system.ForbiddenException;
import org.linli.system.InvalidInputException;
import org.linli.system.NotFoundException;
import org.linli.tasklist.StepInput;
import org.linli.tasklist.TaskActions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hazard points and bpmn/hazard-inspection.bpmn in the demo county: 桃源镇 (liu.yang) registers points in
 * 桃源村 330106002001, whose grid worker li.qiang inspects them. Jobs run by hand, time by the engine clock.
 */
@LinliIntegrationTest
class HazardInspectionTests {

  static final String VILLAGE = "330106002001";

  @Autowired HazardPoints points;
  @Autowired Inspections inspections;
  @Autowired Incidents incidents;
  @Autowired TaskActions tasks;
  @Autowired CaseFiles cases;
  @Autowired DemoUsers users;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired JdbcClient jdbc;

  Instant t0;
  LocalDate today;

  @BeforeEach
  void clock() {
    // a Wednesday; earlier tests' points are switched off so that each test sees only its own
    t0 = ShanghaiTime.at("2026-07-01T08:00");
    today = LocalDate.of(2026, 7, 1);
    ClockUtil.setCurrentTime(Date.from(t0));
    jdbc.sql("update hazard_point set active = false").update();
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  HazardPointInput input(String name, HazardType type, int cycle, LocalDate next) {
    return new HazardPointInput(name, VILLAGE, "桃源村后山3组上方", 30.12, 120.08, type, cycle, next, null);
  }

  HazardPoint register(String name, HazardType type, int cycle, LocalDate next) {
    return points.register(input(name, type, cycle, next), users.get("liu.yang"));
  }

  long pointCount() {
    return jdbc.sql("select count(*) from hazard_point").query(Long.class).single();
  }

  Inspection inspectionOf(HazardPoint p) {
    String pid = points.visible(p.id(), users.get("liu.yang")).openInspection();
    assertThat(pid).as("open inspection of " + p.name()).isNotNull();
    long caseId = jdbc.sql("select id from case_file where process_instance_id = ?").param(pid).query(Long.class).single();
    return inspections.ofCase(caseId).orElseThrow();
  }

  CaseFile caseOf(HazardPoint p) {
    return cases.byId(inspectionOf(p).caseId()).orElseThrow();
  }

  CaseTask inspectTask(CaseFile c) {
    return cases.openTasks(c.id()).stream().filter(t -> t.activityId().equals(TASK_INSPECT)).findFirst()
        .orElseThrow(() -> new AssertionError("no open inspection step in " + c.caseNumber()));
  }

  void complete(CaseFile c, String decision, String comment, Map<String, Object> fields) {
    tasks.complete(users.get("li.qiang"), inspectTask(c).taskId(), new StepInput(decision, comment, null, null, null, null, null, fields));
  }

  List<CaseEvent> timeline(CaseFile c) {
    return cases.timeline(c.id());
  }

  @Test
  void theTownshipRegistersAPointThatItsAreaSeesAndOthersDoNot() {
    HazardPoint p = register("后山滑坡点", HazardType.LANDSLIDE_SLOPE, 7, today.plusDays(3));
    assertThat(p.id()).isPositive();
    assertThat(p.divisionCode()).isEqualTo(VILLAGE);
    assertThat(p.hazardType().incidentType()).isEqualTo(IncidentType.NATURAL_DISASTER);
    assertThat(p.hazardType().incidentSubtype()).isEqualTo(IncidentSubtype.LANDSLIDE);
    assertThat(p.cycleDays()).isEqualTo(7);
    assertThat(p.nextInspectionOn()).isEqualTo(today.plusDays(3));
    assertThat(p.active()).isTrue();
    assertThat(p.createdBy()).isEqualTo("liu.yang");

    assertThat(points.list(users.get("li.qiang"))).extracting(HazardPoint::id).contains(p.id());
    assertThat(points.list(users.get("he.jun"))).extracting(HazardPoint::id).contains(p.id());
    assertThat(points.list(users.get("zhou.yun"))).extracting(HazardPoint::id).doesNotContain(p.id());
    assertThatThrownBy(() -> points.visible(p.id(), users.get("zhou.yun"))).isInstanceOf(NotFoundException.class);

    // emergency management may register too; the first inspection is today when no date is given
    HazardPoint q = points.register(input("村口易涝点", HazardType.FLOOD_UNDERPASS, 30, null), users.get("he.jun"));
    assertThat(q.nextInspectionOn()).isEqualTo(today);
  }

  @Test
  void badInputIsRefusedFieldByFieldAndNothingIsWritten() {
    long before = pointCount();
    HazardPointInput bad = new HazardPointInput(" ", "330106002", "", 30.1, null, null, 0, today.minusDays(1), null);
    assertThatThrownBy(() -> points.register(bad, users.get("liu.yang")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
            .extracting(InvalidInputException.FieldError::field)
            .containsExactlyInAnyOrder("name", "divisionCode", "location", "longitude", "hazardType", "cycleDays",
                "nextInspectionOn"));
    assertThatThrownBy(() -> points.register(input("太长周期", HazardType.OLD_BUILDING, 366, today), users.get("liu.yang")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
            .extracting(InvalidInputException.FieldError::field).containsExactly("cycleDays"));
    assertThat(pointCount()).isEqualTo(before);
  }

  @Test
  void onlyTheTownshipOfThePlaceOrEmergencyManagementMayWrite() {
    long before = pointCount();
    // 云岭乡's officer and the village's own grid worker may not register points in 桃源村
    assertThatThrownBy(() -> points.register(input("后山", HazardType.LANDSLIDE_SLOPE, 7, today), users.get("ma.tao")))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> points.register(input("后山", HazardType.LANDSLIDE_SLOPE, 7, today), users.get("li.qiang")))
        .isInstanceOf(ForbiddenException.class);
    assertThat(pointCount()).isEqualTo(before);

    HazardPoint p = register("老祠堂", HazardType.OLD_BUILDING, 14, today);
    HazardPointInput deactivate = new HazardPointInput(null, null, null, null, null, null, null, null, false);
    assertThatThrownBy(() -> points.change(p.id(), deactivate, users.get("li.qiang"))).isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> points.change(p.id(), deactivate, users.get("ma.tao"))).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> points.change(p.id(), new HazardPointInput(null, null, null, null, null, null, 0, null, null),
        users.get("liu.yang"))).isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.errors()).extracting(InvalidInputException.FieldError::field).containsExactly("cycleDays"));
    assertThat(points.visible(p.id(), users.get("liu.yang")).cycleDays()).isEqualTo(14);

    HazardPoint changed = points.change(p.id(), new HazardPointInput(null, null, null, null, null, null, 30, null, null),
        users.get("he.jun"));
    assertThat(changed.cycleDays()).isEqualTo(30);
    assertThat(changed.active()).isTrue();
    assertThat(points.change(p.id(), deactivate, users.get("liu.yang")).active()).isFalse();
  }

  @Test
  void theJobStartsOneInspectionForEachDuePointOnlyOnce() {
    HazardPoint due = register("后山滑坡点", HazardType.LANDSLIDE_SLOPE, 7, today);
    HazardPoint notYet = register("村口易涝点", HazardType.FLOOD_UNDERPASS, 7, today.plusDays(1));
    HazardPoint off = register("老祠堂", HazardType.OLD_BUILDING, 7, today);
    points.change(off.id(), new HazardPointInput(null, null, null, null, null, null, null, null, false), users.get("liu.yang"));

    assertThat(inspections.startDue()).isEqualTo(1);
    assertThat(inspections.startDue()).as("a second run starts nothing").isZero();
    assertThat(inspections.start(due.id())).as("a direct start of a point under inspection").isFalse();
    assertThat(points.visible(notYet.id(), users.get("liu.yang")).openInspection()).isNull();
    assertThat(points.visible(off.id(), users.get("liu.yang")).openInspection()).isNull();

    CaseFile c = caseOf(due);
    assertThat(c.caseNumber()).startsWith("XC2026-");
    assertThat(c.kind()).isEqualTo(KIND);
    assertThat(c.divisionCode()).isEqualTo(VILLAGE);
    assertThat(c.categoryCode()).isEqualTo("LANDSLIDE_SLOPE");
    assertThat(c.title()).contains("后山滑坡点");
    assertThat(cases.openTasks(c.id())).hasSize(1);
    CaseTask task = inspectTask(c);
    assertThat(task.candidateGroup()).isEqualTo("gridworker@" + VILLAGE);
    // 2 working days from Wednesday morning: close of office on Friday
    assertThat(task.dueAt()).isEqualTo(ShanghaiTime.at("2026-07-03T17:30"));
    assertThat(c.caseDue()).isEqualTo(ShanghaiTime.at("2026-07-03T17:30"));
    assertThat(inspectionOf(due).dueOn()).isEqualTo(today);

    // the next day the other point is due and only it starts
    ClockUtil.setCurrentTime(Date.from(t0.plus(Duration.ofDays(1))));
    assertThat(inspections.startDue()).isEqualTo(1);
    assertThat(points.visible(notYet.id(), users.get("liu.yang")).openInspection()).isNotNull();
  }

  @Test
  void aCancelledInspectionFreesItsPointWhichIsInspectedAgain() {
    HazardPoint p = register("后山滑坡点", HazardType.LANDSLIDE_SLOPE, 7, today);
    assertThat(inspections.startDue()).isEqualTo(1);
    Inspection first = inspectionOf(p);
    String instance = points.visible(p.id(), users.get("liu.yang")).openInspection();

    runtime.deleteProcessInstance(instance, "登记重复 registered twice");

    HazardPoint freed = points.visible(p.id(), users.get("liu.yang"));
    assertThat(freed.openInspection()).as("the process's end listener frees the point").isNull();
    assertThat(freed.nextInspectionOn()).as("the day stays, so it is due at once").isEqualTo(today);
    assertThat(inspections.ofCase(first.caseId()).orElseThrow().finding()).isEqualTo(CANCELLED);
    assertThat(cases.byId(first.caseId()).orElseThrow().status()).isEqualTo(CaseStatus.CANCELLED);

    assertThat(inspections.startDue()).as("the point is inspected again").isEqualTo(1);
    assertThat(inspectionOf(p).caseId()).isNotEqualTo(first.caseId());
  }

  @Test
  void theJobFreesAPointWhoseInspectionWasDeletedWithoutItsListeners() {
    HazardPoint p = register("后山滑坡点", HazardType.LANDSLIDE_SLOPE, 7, today);
    HazardPoint other = register("村口易涝点", HazardType.FLOOD_UNDERPASS, 7, today);
    assertThat(inspections.startDue()).isEqualTo(2);
    Inspection first = inspectionOf(p);
    Inspection untouched = inspectionOf(other);
    String instance = points.visible(p.id(), users.get("liu.yang")).openInspection();

    // as Cockpit's "skip custom listeners" does: only the engine's built-in listeners run
    runtime.deleteProcessInstance(instance, "清理 clean-up", true);
    assertThat(points.visible(p.id(), users.get("liu.yang")).openInspection()).as("no listener ran").isEqualTo(instance);

    assertThat(inspections.releaseCancelled()).isEqualTo(1);
    assertThat(points.visible(p.id(), users.get("liu.yang")).openInspection()).isNull();
    assertThat(inspections.ofCase(first.caseId()).orElseThrow().finding()).isEqualTo(CANCELLED);
    assertThat(inspectionOf(other)).as("a running inspection stays").isEqualTo(untouched);
    assertThat(inspections.releaseCancelled()).as("once").isZero();

    runtime.deleteProcessInstance(points.visible(other.id(), users.get("liu.yang")).openInspection(), "清理 clean-up", true);
    assertThat(inspections.startDue()).as("the daily job frees and starts again").isEqualTo(2);
    assertThat(inspectionOf(p).caseId()).isNotEqualTo(first.caseId());
    assertThat(inspectionOf(other).caseId()).isNotEqualTo(untouched.caseId());
  }

  @Test
  void aSafeInspectionMovesTheNextDateOnByTheCycleAndRaisesNothing() {
    HazardPoint p = register("后山滑坡点", HazardType.LANDSLIDE_SLOPE, 7, today);
    long emergencies = emergencyCount();
    inspections.startDue();
    CaseFile c = caseOf(p);
    Map<String, Object> ignored = Map.of("dead", 5);
    complete(c, SAFE, "坡体无裂缝，排水沟通畅", ignored);

    assertThat(cases.byId(c.id()).orElseThrow().status()).isEqualTo(CaseStatus.CLOSED);
    HazardPoint after = points.visible(p.id(), users.get("liu.yang"));
    assertThat(after.nextInspectionOn()).isEqualTo(today.plusDays(7));
    assertThat(after.openInspection()).isNull();
    Inspection i = inspections.ofCase(c.id()).orElseThrow();
    assertThat(i.finding()).isEqualTo(SAFE);
    assertThat(i.inspectedBy()).isEqualTo("li.qiang");
    assertThat(i.emergencyCaseNumber()).isNull();
    assertThat(emergencyCount()).isEqualTo(emergencies);

    assertThat(inspections.startDue()).as("not due again before the cycle is over").isZero();
    ClockUtil.setCurrentTime(Date.from(t0.plus(Duration.ofDays(7))));
    assertThat(inspections.startDue()).isEqualTo(1);
  }

  @Test
  void dangerFoundRaisesAWarningAtTheInspectorsLevelInTheSameStep() {
    HazardPoint p = register("后山滑坡点", HazardType.LANDSLIDE_SLOPE, 7, today);
    inspections.startDue();
    CaseFile c = caseOf(p);

    // a warning needs its level and a description; nothing happens without them
    assertThatThrownBy(() -> complete(c, WARNING, " ", Map.of("dead", -1)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
            .extracting(InvalidInputException.FieldError::field).containsExactlyInAnyOrder("comment", "proposedLevel", "dead"));
    assertThat(cases.openTasks(c.id())).extracting(CaseTask::activityId).containsExactly(TASK_INSPECT);

    long emergencies = emergencyCount();
    complete(c, WARNING, "坡体出现3条新裂缝，最宽5厘米，坡下12户", Map.of("proposedLevel", "III", "affected", 40));
    assertThat(emergencyCount()).isEqualTo(emergencies + 1);

    Inspection i = inspections.ofCase(c.id()).orElseThrow();
    assertThat(i.finding()).isEqualTo(WARNING);
    String number = i.emergencyCaseNumber();
    assertThat(number).startsWith(EmergencyProcess.NUMBER_PREFIX + "2026-");
    CaseFile emergency = cases.byNumber(number).orElseThrow();
    assertThat(emergency.divisionCode()).isEqualTo(VILLAGE);
    Incident incident = incidents.of(emergency.id()).orElseThrow();
    assertThat(incident.phase()).isEqualTo(IncidentReport.Phase.WARNING);
    assertThat(incident.level()).isEqualTo(IncidentLevel.III);
    assertThat(incident.type()).isEqualTo(IncidentType.NATURAL_DISASTER);
    assertThat(incident.subtype()).isEqualTo(IncidentSubtype.LANDSLIDE);
    assertThat(incident.location()).contains("后山滑坡点").contains("桃源村后山3组上方");
    assertThat(incident.latitude()).isEqualTo(30.12);
    assertThat(incident.longitude()).isEqualTo(120.08);
    assertThat(incident.affected()).isEqualTo(40);
    assertThat(incident.reportedBy()).isEqualTo("li.qiang");
    assertThat(incident.description()).contains("坡体出现3条新裂缝");
    assertThat(cases.openTasks(emergency.id())).extracting(CaseTask::activityId).contains(EmergencyProcess.TASK_WATCH_WARNING);

    assertThat(timeline(c)).anySatisfy(e -> {
      assertThat(e.type()).isEqualTo(CaseEventType.COMMENTED);
      assertThat(e.note()).contains(number);
    });
    assertThat(cases.byId(c.id()).orElseThrow().status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(points.visible(p.id(), users.get("liu.yang")).nextInspectionOn()).isEqualTo(today.plusDays(7));
  }

  @Test
  void aPointWithALongNameAndPlaceStillRaisesItsFinding() {
    HazardPoint p = points.register(new HazardPointInput("后山".repeat(50), VILLAGE, "桃".repeat(300), null, null,
        HazardType.LANDSLIDE_SLOPE, 7, today, null), users.get("liu.yang"));
    inspections.startDue();
    CaseFile c = caseOf(p);
    Map<String, Object> fields = new HashMap<>();
    fields.put("proposedLevel", "IV");
    complete(c, WARNING, "坡体出现裂缝", fields);
    String number = inspections.ofCase(c.id()).orElseThrow().emergencyCaseNumber();
    Incident incident = incidents.of(cases.byNumber(number).orElseThrow().id()).orElseThrow();
    assertThat(incident.location()).isEqualTo("桃".repeat(300));
    assertThat(incident.description()).contains("后山后山", "坡体出现裂缝");
  }

  @Test
  void anIncidentFoundIsGradedByTheTable() {
    HazardPoint p = register("老祠堂", HazardType.OLD_BUILDING, 14, today);
    inspections.startDue();
    CaseFile c = caseOf(p);
    Map<String, Object> figures = new HashMap<>();
    figures.put("dead", 3);
    figures.put("injured", 2);
    figures.put("trapped", 1);
    complete(c, INCIDENT, "老祠堂西墙倒塌，压住4人", figures);

    String number = inspections.ofCase(c.id()).orElseThrow().emergencyCaseNumber();
    assertThat(number).isNotNull();
    Incident incident = incidents.of(cases.byNumber(number).orElseThrow().id()).orElseThrow();
    assertThat(incident.phase()).isEqualTo(IncidentReport.Phase.INCIDENT);
    assertThat(incident.type()).isEqualTo(IncidentType.ACCIDENT);
    assertThat(incident.subtype()).isEqualTo(IncidentSubtype.BUILDING_COLLAPSE);
    // production-safety thresholds: 3 to 9 dead is III 较大
    assertThat(incident.level()).isEqualTo(IncidentLevel.III);
    assertThat(incident.gradedLevel()).isEqualTo(IncidentLevel.III);
    assertThat(incident.dead()).isEqualTo(3);
    assertThat(incident.trapped()).isEqualTo(1);
    assertThat(incident.gradingBasis()).isNotBlank();
    assertThat(timeline(c)).anySatisfy(e -> assertThat(e.note()).contains(number));
    assertThat(points.visible(p.id(), users.get("liu.yang")).nextInspectionOn()).isEqualTo(today.plusDays(14));
  }

  @Test
  void anInspectionNotDoneInTimeTurnsYellowThenRed() {
    HazardPoint p = register("后山滑坡点", HazardType.LANDSLIDE_SLOPE, 7, today);
    inspections.startDue();
    CaseFile c = caseOf(p);
    Job yellow = timer(c, TIMER_INSPECT_WARNING);
    Job red = timer(c, TIMER_INSPECT_OVERDUE);
    assertThat(red.getDuedate().toInstant()).isEqualTo(ShanghaiTime.at("2026-07-03T17:30"));
    assertThat(yellow.getDuedate()).isBefore(red.getDuedate());

    ClockUtil.setCurrentTime(yellow.getDuedate());
    management.executeJob(yellow.getId());
    assertThat(timeline(c)).extracting(CaseEvent::type).containsOnlyOnce(CaseEventType.REMINDED);

    ClockUtil.setCurrentTime(red.getDuedate());
    management.executeJob(red.getId());
    assertThat(timeline(c)).extracting(CaseEvent::type).containsOnlyOnce(CaseEventType.OVERDUE);
    CaseFile after = cases.byId(c.id()).orElseThrow();
    assertThat(after.deadlineState()).isEqualTo(DeadlineState.RED);
    assertThat(after.status()).isEqualTo(CaseStatus.OPEN);
    assertThat(inspectTask(after).activityId()).isEqualTo(TASK_INSPECT);
  }

  Job timer(CaseFile c, String activityId) {
    Job job = management.createJobQuery().processInstanceId(c.processInstanceId()).activityId(activityId).singleResult();
    assertThat(job).as(activityId).isNotNull();
    return job;
  }

  long emergencyCount() {
    return jdbc.sql("select count(*) from case_file where kind = ?").param(EmergencyProcess.KIND).query(Long.class).single();
  }
}
