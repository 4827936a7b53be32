package org.linli.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linli.emergency.EmergencyFixtures.*;
import static org.linli.emergency.EmergencyProcess.*;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.linli.casefile.CaseEvent;
import org.linli.casefile.CaseEventType;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseStatus;
import org.linli.casefile.CaseTask;
import org.linli.support.DemoUsers;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.ShanghaiTime;
import org.linli.system.ConflictException;
import org.linli.system.ForbiddenException;
import org.linli.system.InvalidInputException;
import org.linli.system.NotFoundException;
import org.linli.tasklist.StepInput;
import org.linli.tasklist.TaskActions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * bpmn/emergency-response.bpmn with the demo county: grid worker li.qiang of 桃源村 reports; 桃源镇
 * (liu.yang) leads level IV, emergency management (he.jun) III, the county command (sun.hao) II and I.
 * Jobs run by hand, time by the engine clock.
 */
@LinliIntegrationTest
class EmergencyProcessTests {

  @Autowired EmergencyReports reports;
  @Autowired EmergencyLevels levels;
  @Autowired Incidents incidents;
  @Autowired TaskActions tasks;
  @Autowired TaskService taskService;
  @Autowired CaseFiles cases;
  @Autowired DemoUsers users;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired JdbcClient jdbc;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;

  Instant t0;

  @BeforeEach
  void clock() {
    t0 = ShanghaiTime.at("2026-07-01T10:00");
    ClockUtil.setCurrentTime(Date.from(t0));
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  static void later(Duration d) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(d)));
  }

  EmergencyReports.Receipt report(IncidentReport r) {
    return reports.report(r, users.get("li.qiang"));
  }

  CaseFile caseFile(String number) {
    return cases.byNumber(number).orElseThrow();
  }

  CaseTask open(String number, String activity) {
    return cases.openTasks(caseFile(number).id()).stream().filter(t -> t.activityId().equals(activity)).findFirst()
        .orElseThrow(() -> new AssertionError("no open " + activity + " in " + cases.openTasks(caseFile(number).id())));
  }

  List<String> openSteps(String number) {
    return cases.openTasks(caseFile(number).id()).stream().map(CaseTask::activityId).sorted().toList();
  }

  void complete(String user, String number, String activity, String decision, String comment, Map<String, Object> fields) {
    tasks.complete(users.get(user), open(number, activity).taskId(),
        new StepInput(decision, comment, null, null, null, null, null, fields));
  }

  Job timer(String number, String timerId) {
    return management.createJobQuery().processInstanceId(caseFile(number).processInstanceId()).activityId(timerId).singleResult();
  }

  void fire(String number, String timerId) {
    Job job = timer(number, timerId);
    assertThat(job).as(timerId).isNotNull();
    ClockUtil.setCurrentTime(job.getDuedate());
    management.executeJob(job.getId());
  }

  List<CaseEvent> timeline(String number) {
    return cases.timeline(caseFile(number).id());
  }

  List<CaseEventType> events(String number) {
    return timeline(number).stream().map(CaseEvent::type).toList();
  }

  boolean ended(String number, String endId) {
    return history.createHistoricActivityInstanceQuery().processInstanceId(caseFile(number).processInstanceId())
        .activityId(endId).count() == 1;
  }

  @Test
  void aLevelFourAccidentIsAnsweredByTheTownshipThroughToTheReview() {
    EmergencyReports.Receipt r = report(accident(1, 2, 200_000, t0.minus(Duration.ofMinutes(20))));
    String n = r.caseNumber();
    assertThat(n).startsWith("YJ2026-");
    assertThat(r.level()).isEqualTo(IncidentLevel.IV);
    assertThat(openSteps(n)).containsExactly(TASK_ARRIVE, TASK_FIRST_REPORT);
    CaseTask arrive = open(n, TASK_ARRIVE);
    assertThat(arrive.candidateGroup()).isEqualTo("township@330106002");
    assertThat(arrive.dueAt()).isEqualTo(t0.plus(Duration.ofHours(2)));
    assertThat(arrive.warnAt()).isEqualTo(t0.plus(Duration.ofMinutes(90)));
    assertThat(timer(n, TIMER_ARRIVAL_MISSED).getDuedate().toInstant()).isEqualTo(t0.plus(Duration.ofHours(2)));

    later(Duration.ofMinutes(40));
    complete("liu.yang", n, TASK_ARRIVE, ARRIVE, "刘洋带镇应急队到场，疏散周边群众", null);
    complete("liu.yang", n, TASK_FIRST_REPORT, FIRST_REPORT, "首报：窑体坍塌，1人死亡2人受伤", Map.of("dead", 1, "injured", 2));
    CaseTask progress = open(n, TASK_PROGRESS_REPORT);
    assertThat(progress.dueAt()).isEqualTo(t0.plus(Duration.ofMinutes(40)).plus(Duration.ofHours(24)));
    later(Duration.ofHours(5));
    complete("liu.yang", n, TASK_PROGRESS_REPORT, PROGRESS_REPORT, "续报：救援结束，又发现1名轻伤", Map.of("injured", 3));
    assertThat(openSteps(n)).containsExactly(TASK_DISPOSE, TASK_PROGRESS_REPORT);
    assertThat(incidents.of(caseFile(n).id()).orElseThrow().injured()).isEqualTo(3);

    later(Duration.ofHours(3));
    complete("liu.yang", n, TASK_DISPOSE, ALL_CLEAR, "现场清理完毕，隐患消除", Map.of("estimatedLoss", "350000"));
    // the all-clear ends the pending progress report too; the review is the township's, due in 15 days
    assertThat(openSteps(n)).containsExactly(TASK_REVIEW);
    CaseTask review = open(n, TASK_REVIEW);
    assertThat(review.candidateGroup()).isEqualTo("township@330106002");
    assertThat(review.dueAt()).isEqualTo(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(15)));
    Incident incident = incidents.of(caseFile(n).id()).orElseThrow();
    assertThat(incident.allClearAt()).isNotNull();
    assertThat(incident.estimatedLoss()).isEqualByComparingTo("350000");

    complete("liu.yang", n, TASK_REVIEW, REVIEW, "复盘：砖厂窑体老化未检，纳入隐患点巡查", null);
    assertThat(ended(n, END_CLOSED)).isTrue();
    assertThat(caseFile(n).status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(events(n)).contains(CaseEventType.GRADED, CaseEventType.ARRIVED, CaseEventType.FIRST_REPORT,
        CaseEventType.PROGRESS_REPORT, CaseEventType.ALL_CLEAR, CaseEventType.REVIEWED);
    assertThat(events(n).stream().filter(t -> t == CaseEventType.CLOSED).count()).as("closed once").isEqualTo(1);
  }

  @Test
  void theLeadAndTheTimeLimitsFollowTheIncidentsRecordNotVariablesSetThroughTheEngine() {
    String n = report(accident(1, 2, 200_000, t0.minus(Duration.ofMinutes(20)))).caseNumber();
    String pid = caseFile(n).processInstanceId();
    runtime.setVariables(pid, Map.of("incidentLevel", "I", "severity", "I", "divisionCode", "330106003001",
        "falseAlarm", true, "phase", "WARNING"));
    later(Duration.ofMinutes(40));
    complete("liu.yang", n, TASK_ARRIVE, ARRIVE, "到场", null);
    complete("liu.yang", n, TASK_FIRST_REPORT, FIRST_REPORT, "首报", Map.of("dead", 1, "injured", 2));
    CaseTask progress = open(n, TASK_PROGRESS_REPORT);
    assertThat(progress.candidateGroup()).as("level IV: the township leads").isEqualTo("township@330106002");
    assertThat(progress.dueAt()).as("level IV's 24 hours").isEqualTo(t0.plus(Duration.ofMinutes(40)).plus(Duration.ofHours(24)));
    later(Duration.ofHours(1));
    complete("liu.yang", n, TASK_DISPOSE, ALL_CLEAR, "清理完毕", null);
    assertThat(open(n, TASK_REVIEW).candidateGroup()).isEqualTo("township@330106002");
    assertThat(incidents.of(caseFile(n).id()).orElseThrow().withdrawnAt()).as("no false alarm was found on site").isNull();
  }

  @ParameterizedTest(name = "{0} {1} dead {2} injured {3} affected {4} loss {5} -> {6}")
  @CsvSource({
      "ACCIDENT, PRODUCTION_SAFETY, 30, 0, 0, 0, I",
      "ACCIDENT, PRODUCTION_SAFETY, 0, 100, 0, 0, I",
      "ACCIDENT, PRODUCTION_SAFETY, 0, 0, 0, 100000000, I",
      "ACCIDENT, FIRE, 29, 0, 0, 0, II",
      "ACCIDENT, PRODUCTION_SAFETY, 0, 50, 0, 0, II",
      "ACCIDENT, HAZMAT, 0, 0, 0, 50000000, II",
      "ACCIDENT, PRODUCTION_SAFETY, 3, 0, 0, 0, III",
      "ACCIDENT, TRAFFIC, 0, 10, 0, 0, III",
      "ACCIDENT, PRODUCTION_SAFETY, 0, 0, 0, 10000000, III",
      "ACCIDENT, PRODUCTION_SAFETY, 2, 9, 0, 9999999, IV",
      "NATURAL_DISASTER, LANDSLIDE, 200, 0, 0, 0, I",
      "NATURAL_DISASTER, FLOOD, 0, 0, 1000000, 0, II",
      "NATURAL_DISASTER, TYPHOON, 50, 0, 0, 0, III",
      "NATURAL_DISASTER, LANDSLIDE, 4, 0, 300, 0, IV",
      "PUBLIC_HEALTH, FOOD_POISONING, 1, 0, 101, 0, II",
      "PUBLIC_HEALTH, FOOD_POISONING, 0, 0, 101, 0, III",
      "PUBLIC_HEALTH, EPIDEMIC, 10, 0, 0, 0, II",
      "PUBLIC_HEALTH, FOOD_POISONING, 0, 0, 40, 0, IV",
      "SOCIAL_SECURITY, MASS_INCIDENT, 0, 0, 300, 0, III",
      "SOCIAL_SECURITY, MASS_INCIDENT, 0, 0, 1000, 0, II",
      "SOCIAL_SECURITY, PUBLIC_ORDER, 0, 2, 50, 0, IV"})
  void eachTypeIsGradedByTheTableAndLedByItsLevel(IncidentType type, IncidentSubtype subtype, int dead, int injured,
      int affected, long loss, IncidentLevel expected) {
    EmergencyReports.Receipt r = report(EmergencyFixtures.report(IncidentReport.Phase.INCIDENT, type, subtype, dead, injured, 0,
        affected, BigDecimal.valueOf(loss), null, t0, false, List.of()));
    assertThat(r.level()).isEqualTo(expected);
    assertThat(r.gradingBasis()).isNotBlank();
    String lead = switch (expected) {
      case IV -> "township@330106002";
      case III -> "dept-yj@330106";
      case II, I -> "command@330106";
    };
    Duration arrival = switch (expected) {
      case IV -> Duration.ofHours(2);
      case III -> Duration.ofHours(1);
      case II, I -> Duration.ofMinutes(30);
    };
    CaseTask arrive = open(r.caseNumber(), TASK_ARRIVE);
    assertThat(arrive.candidateGroup()).isEqualTo(lead);
    assertThat(arrive.dueAt()).isEqualTo(t0.plus(arrival));
    assertThat(open(r.caseNumber(), TASK_FIRST_REPORT).candidateGroup()).isEqualTo(lead);
    assertThat(timeline(r.caseNumber())).anyMatch(e -> e.type() == CaseEventType.GRADED && e.note().contains(expected.name() + "级"));
  }

  @Test
  void theReportersGraverJudgementWinsButNotALighterOne() {
    EmergencyReports.Receipt graver = report(EmergencyFixtures.report(IncidentReport.Phase.INCIDENT, IncidentType.ACCIDENT,
        IncidentSubtype.BUILDING_COLLAPSE, 0, 1, 0, 0, null, IncidentLevel.III, t0, false, List.of()));
    assertThat(graver.level()).isEqualTo(IncidentLevel.III);
    Incident i = incidents.of(caseFile(graver.caseNumber()).id()).orElseThrow();
    assertThat(i.gradedLevel()).isEqualTo(IncidentLevel.IV);
    EmergencyReports.Receipt lighter = report(EmergencyFixtures.report(IncidentReport.Phase.INCIDENT, IncidentType.ACCIDENT,
        IncidentSubtype.PRODUCTION_SAFETY, 5, 0, 0, 0, null, IncidentLevel.IV, t0, false, List.of()));
    assertThat(lighter.level()).isEqualTo(IncidentLevel.III);
  }

  @Test
  void raisingMidResponseMovesOpenStepsToTheCommandWithTheNewLimitsAndKeepsWhatWasDone() {
    String n = report(accident(1, 0, 0, t0)).caseNumber();
    later(Duration.ofMinutes(20));
    complete("liu.yang", n, TASK_ARRIVE, ARRIVE, "已到场", null);
    tasks.claim(users.get("liu.yang"), open(n, TASK_FIRST_REPORT).taskId());

    assertThat(levels.change(n, "II", "发现更多被困人员 more people trapped", users.get("he.jun"))).isEqualTo(IncidentLevel.II);
    CaseTask first = open(n, TASK_FIRST_REPORT);
    assertThat(taskService.getIdentityLinksForTask(first.taskId())).extracting(l -> l.getGroupId()).containsExactly("command@330106");
    assertThat(first.candidateGroup()).isEqualTo("command@330106");
    assertThat(first.assignee()).as("the new lead takes it on").isNull();
    assertThat(first.dueAt()).as("its start plus level II's 30 minutes").isEqualTo(t0.plus(Duration.ofMinutes(30)));
    assertThat(first.warnAt()).isEqualTo(t0.plus(Duration.ofMinutes(22)).plus(Duration.ofSeconds(30)));
    assertThat(timer(n, TIMER_FIRST_REPORT_MISSED).getDuedate().toInstant()).isEqualTo(t0.plus(Duration.ofMinutes(30)));
    assertThat(openSteps(n)).containsExactly(TASK_DISPOSE, TASK_FIRST_REPORT);
    assertThat(open(n, TASK_DISPOSE).candidateGroup()).isEqualTo("command@330106");
    assertThat(open(n, TASK_DISPOSE).dueAt()).isEqualTo(t0.plus(Duration.ofMinutes(20)).plus(Duration.ofDays(15)));
    assertThat(events(n)).containsOnlyOnce(CaseEventType.ARRIVED).contains(CaseEventType.LEVEL_CHANGED);
    assertThat(incidents.of(caseFile(n).id()).orElseThrow().level()).isEqualTo(IncidentLevel.II);

    complete("sun.hao", n, TASK_FIRST_REPORT, FIRST_REPORT, "首报（指挥部）", null);
    assertThat(open(n, TASK_PROGRESS_REPORT).dueAt()).as("level II: every 2 hours")
        .isEqualTo(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(2)));

    // lowered again: back to the township, the progress report due in 24 hours from its start
    Instant progressStart = ClockUtil.getCurrentTime().toInstant();
    levels.change(n, "IV", "被困人员已全部救出 everyone rescued", users.get("sun.hao"));
    assertThat(open(n, TASK_PROGRESS_REPORT).candidateGroup()).isEqualTo("township@330106002");
    assertThat(open(n, TASK_PROGRESS_REPORT).dueAt()).isEqualTo(progressStart.plus(Duration.ofHours(24)));
    assertThat(timer(n, TIMER_PROGRESS_MISSED).getDuedate().toInstant()).isEqualTo(progressStart.plus(Duration.ofHours(24)));
    assertThat(timeline(n)).filteredOn(e -> e.type() == CaseEventType.LEVEL_CHANGED).hasSize(2);
  }

  @Test
  void figuresThatMeetAGraverLevelAreFlaggedForADecisionNotAppliedByThemselves() {
    String n = report(accident(1, 0, 0, t0)).caseNumber();
    complete("liu.yang", n, TASK_FIRST_REPORT, FIRST_REPORT, "首报：又发现遇难者", Map.of("dead", 4));
    assertThat(incidents.of(caseFile(n).id()).orElseThrow().level()).isEqualTo(IncidentLevel.IV);
    assertThat(timeline(n)).filteredOn(e -> e.note() != null && e.note().contains("达到III级标准")).hasSize(1);
    complete("liu.yang", n, TASK_PROGRESS_REPORT, PROGRESS_REPORT, "续报：数字未变", null);
    assertThat(timeline(n)).as("told once per level").filteredOn(e -> e.note() != null && e.note().contains("达到III级标准")).hasSize(1);
    complete("liu.yang", n, TASK_PROGRESS_REPORT, PROGRESS_REPORT, "续报：死亡人数上升", Map.of("dead", 10));
    assertThat(timeline(n)).filteredOn(e -> e.note() != null && e.note().contains("达到II级标准")).hasSize(1);
  }

  @Test
  void aMissedArrivalIsReportedAtOnceToTheNextLevelUpAndTheStepStaysOpen() {
    String n = report(accident(1, 0, 0, t0)).caseNumber();
    complete("liu.yang", n, TASK_FIRST_REPORT, FIRST_REPORT, "首报：已派员前往", null);
    fire(n, TIMER_ARRIVAL_MISSED);
    assertThat(openSteps(n)).contains(TASK_ARRIVE);
    List<CaseEvent> escalated = timeline(n).stream().filter(e -> e.type() == CaseEventType.ESCALATED).toList();
    assertThat(escalated).singleElement().satisfies(e -> {
      assertThat(e.step()).isEqualTo(TASK_ARRIVE);
      assertThat(e.note()).contains("dept-yj@330106");
    });
    assertThat(events(n)).containsOnlyOnce(CaseEventType.OVERDUE);
  }

  @Test
  void aMissedFirstReportAtLevelThreeGoesToTheCommand() {
    String n = report(accident(4, 0, 0, t0)).caseNumber();
    complete("he.jun", n, TASK_ARRIVE, ARRIVE, "到场", null);
    fire(n, TIMER_FIRST_REPORT_MISSED);
    assertThat(ClockUtil.getCurrentTime().toInstant()).isEqualTo(t0.plus(Duration.ofHours(1)));
    assertThat(timeline(n)).filteredOn(e -> e.type() == CaseEventType.ESCALATED).singleElement()
        .satisfies(e -> assertThat(e.note()).contains("command@330106"));
  }

  @Test
  void aMissedProgressReportAtLevelTwoGoesToTheCountysSupervisors() {
    String n = report(accident(12, 0, 0, t0)).caseNumber();
    complete("sun.hao", n, TASK_ARRIVE, ARRIVE, "到场", null);
    complete("sun.hao", n, TASK_FIRST_REPORT, FIRST_REPORT, "首报", null);
    fire(n, TIMER_PROGRESS_MISSED);
    assertThat(ClockUtil.getCurrentTime().toInstant()).isEqualTo(t0.plus(Duration.ofHours(2)));
    assertThat(timeline(n)).filteredOn(e -> e.type() == CaseEventType.ESCALATED).singleElement()
        .satisfies(e -> {
          assertThat(e.step()).isEqualTo(TASK_PROGRESS_REPORT);
          assertThat(e.note()).contains("supervisor@330106");
        });
    // a late report still counts and the next one is due an interval later
    complete("sun.hao", n, TASK_PROGRESS_REPORT, PROGRESS_REPORT, "迟到的续报", null);
    assertThat(open(n, TASK_PROGRESS_REPORT).dueAt()).isEqualTo(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(2)));
  }

  @Test
  void raisingTheLevelPastANewDueTimeEscalatesAtOnce() {
    String n = report(accident(1, 0, 0, t0)).caseNumber();
    complete("liu.yang", n, TASK_ARRIVE, ARRIVE, "到场", null);
    later(Duration.ofMinutes(45));
    levels.change(n, "III", "影响扩大", users.get("liu.yang"));
    later(Duration.ofMinutes(16)); // level III's first report was due an hour after the report
    Job missed = timer(n, TIMER_FIRST_REPORT_MISSED);
    assertThat(missed.getDuedate().toInstant()).isEqualTo(t0.plus(Duration.ofHours(1)));
    management.executeJob(missed.getId());
    assertThat(timeline(n)).filteredOn(e -> e.type() == CaseEventType.ESCALATED).singleElement()
        .satisfies(e -> assertThat(e.note()).contains("command@330106"));
  }

  @Test
  void aFalseAlarmFoundOnSiteIsWithdrawnWithoutAReview() {
    String n = report(accident(0, 0, 0, t0)).caseNumber();
    complete("liu.yang", n, TASK_ARRIVE, FALSE_ALARM, "现场核实为烟雾，无坍塌", null);
    assertThat(openSteps(n)).isEmpty();
    assertThat(ended(n, END_WITHDRAWN)).isTrue();
    assertThat(caseFile(n).status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(incidents.of(caseFile(n).id()).orElseThrow().withdrawnAt()).isNotNull();
  }

  @Test
  void aWarningIsWatchedAndLifted() {
    String n = report(EmergencyFixtures.report(IncidentReport.Phase.WARNING, IncidentType.NATURAL_DISASTER, IncidentSubtype.LANDSLIDE,
        0, 0, 0, 120, null, IncidentLevel.III, t0, false, List.of())).caseNumber();
    assertThat(openSteps(n)).containsExactly(TASK_WATCH_WARNING);
    CaseTask watch = open(n, TASK_WATCH_WARNING);
    assertThat(watch.candidateGroup()).isEqualTo("dept-yj@330106");
    assertThat(watch.dueAt()).isEqualTo(t0.plus(Duration.ofHours(12)));
    complete("he.jun", n, TASK_WATCH_WARNING, LIFT, "降雨停止，坡体位移监测稳定", null);
    assertThat(ended(n, END_WARNING_LIFTED)).isTrue();
    assertThat(events(n)).contains(CaseEventType.ALL_CLEAR);
  }

  @Test
  void aWarningThatComesTrueRespondsAsAnIncident() {
    String n = report(EmergencyFixtures.report(IncidentReport.Phase.WARNING, IncidentType.NATURAL_DISASTER, IncidentSubtype.LANDSLIDE,
        0, 0, 0, 120, null, IncidentLevel.IV, t0, false, List.of())).caseNumber();
    fire(n, "Timer_WatchOverdue");
    assertThat(timeline(n)).filteredOn(e -> e.type() == CaseEventType.ESCALATED).singleElement()
        .satisfies(e -> assertThat(e.note()).contains("dept-yj@330106"));
    complete("liu.yang", n, TASK_WATCH_WARNING, INCIDENT, "发生滑坡，2户房屋受损", Map.of("affected", 8));
    assertThat(openSteps(n)).containsExactly(TASK_ARRIVE, TASK_FIRST_REPORT);
    Incident i = incidents.of(caseFile(n).id()).orElseThrow();
    assertThat(i.phase()).isEqualTo(IncidentReport.Phase.INCIDENT);
    assertThat(i.affected()).isEqualTo(8);
  }

  @Test
  void theReviewHasItsOwnDeadline() {
    String n = report(accident(3, 0, 0, t0)).caseNumber();
    complete("he.jun", n, TASK_ARRIVE, ARRIVE, "到场", null);
    complete("he.jun", n, TASK_DISPOSE, ALL_CLEAR, "解除", null);
    CaseTask review = open(n, TASK_REVIEW);
    assertThat(review.candidateGroup()).isEqualTo("dept-yj@330106");
    assertThat(review.dueAt()).isEqualTo(t0.plus(Duration.ofDays(30)));
    fire(n, "Timer_ReviewOverdue");
    assertThat(events(n)).containsOnlyOnce(CaseEventType.OVERDUE);
    assertThatThrownBy(() -> levels.change(n, "II", "太晚了", users.get("he.jun"))).isInstanceOf(ConflictException.class);
  }

  @Test
  void aDrillRunsTheSameFlow() {
    String n = report(EmergencyFixtures.report(IncidentReport.Phase.INCIDENT, IncidentType.ACCIDENT, IncidentSubtype.FIRE, 3, 0, 0, 0,
        null, null, t0, true, List.of("li.qiang", "liu.yang", "he.jun"))).caseNumber();
    assertThat(caseFile(n).title()).startsWith("【演练】");
    assertThat(open(n, TASK_ARRIVE).candidateGroup()).isEqualTo("dept-yj@330106");
    complete("he.jun", n, TASK_ARRIVE, ARRIVE, "演练：到场", null);
    complete("he.jun", n, TASK_FIRST_REPORT, FIRST_REPORT, "演练：首报", null);
    complete("he.jun", n, TASK_DISPOSE, ALL_CLEAR, "演练结束", null);
    complete("he.jun", n, TASK_REVIEW, REVIEW, "演练评估", null);
    assertThat(ended(n, END_CLOSED)).isTrue();
    assertThat(incidents.of(caseFile(n).id()).orElseThrow().drill()).isTrue();
  }

  long emergencies() {
    return jdbc.sql("select count(*) from case_file where kind = 'EMERGENCY'").query(Long.class).single();
  }

  @Test
  void badReportsAreRefusedFieldByFieldAndWriteNothing() {
    long before = emergencies();
    IncidentReport bad = new IncidentReport(IncidentReport.Phase.WARNING, IncidentType.PUBLIC_HEALTH, IncidentSubtype.FIRE, "999999",
        " ", 91.0, null, t0.plus(Duration.ofHours(1)), null, -1, 0, 0, 0, 0, BigDecimal.valueOf(-5), null, false, List.of("li.qiang"));
    assertThatThrownBy(() -> report(bad)).isInstanceOfSatisfying(InvalidInputException.class, e ->
        assertThat(e.errors()).extracting(InvalidInputException.FieldError::field).containsExactlyInAnyOrder(
            "subtype", "divisionCode", "location", "description", "longitude", "latitude", "occurredAt", "dead", "estimatedLoss",
            "proposedLevel", "participants"));
    IncidentReport drillWithoutPeople = EmergencyFixtures.report(IncidentReport.Phase.INCIDENT, IncidentType.ACCIDENT,
        IncidentSubtype.FIRE, 0, 0, 0, 0, null, null, t0, true, List.of("nobody"));
    assertThatThrownBy(() -> report(drillWithoutPeople)).isInstanceOfSatisfying(InvalidInputException.class, e ->
        assertThat(e.errors()).singleElement().satisfies(f -> assertThat(f.message()).contains("nobody")));
    // 翠苑社区 is not li.qiang's
    IncidentReport elsewhere = new IncidentReport(null, IncidentType.ACCIDENT, IncidentSubtype.FIRE, "330106001001", "翠苑", null, null,
        t0, "着火", 0, 0, 0, 0, 0, null, null, false, null);
    assertThatThrownBy(() -> report(elsewhere)).isInstanceOf(ForbiddenException.class);
    assertThat(emergencies()).isEqualTo(before);
  }

  @Test
  void levelChangesAreCheckedBeforeAnythingMoves() {
    String n = report(accident(1, 0, 0, t0)).caseNumber();
    assertThatThrownBy(() -> levels.change(n, "IV", "同级", users.get("liu.yang")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("level"));
    assertThatThrownBy(() -> levels.change(n, "V", "无此级", users.get("liu.yang"))).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> levels.change(n, "III", " ", users.get("liu.yang")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("reason"));
    assertThatThrownBy(() -> levels.change(n, "III", "理由", users.get("wang.fang"))).isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> levels.change(n, "III", "理由", users.get("zhou.yun"))).isInstanceOf(NotFoundException.class);
    assertThat(incidents.of(caseFile(n).id()).orElseThrow().level()).isEqualTo(IncidentLevel.IV);
    assertThat(events(n)).doesNotContain(CaseEventType.LEVEL_CHANGED);
    assertThat(open(n, TASK_ARRIVE).candidateGroup()).isEqualTo("township@330106002");
  }

  @Test
  void onlyTheLeadOrThoseAboveItLowerALevel() {
    String n = report(accident(12, 0, 0, t0)).caseNumber(); // II: the command leads
    assertThatThrownBy(() -> levels.change(n, "IV", "township thinks it is small", users.get("liu.yang")))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> levels.change(n, "III", "emergency management too", users.get("he.jun")))
        .isInstanceOf(ForbiddenException.class);
    assertThat(levels.change(n, "I", "the township may raise it", users.get("liu.yang"))).isEqualTo(IncidentLevel.I);
    assertThat(levels.change(n, "III", "the command lowers it", users.get("sun.hao"))).isEqualTo(IncidentLevel.III);
    assertThat(levels.change(n, "IV", "emergency management leads III", users.get("he.jun"))).isEqualTo(IncidentLevel.IV);
  }

  @Test
  void aLevelChangeThatArrivesAfterTheAllClearMovesNothing() {
    String n = report(accident(3, 0, 0, t0)).caseNumber();
    complete("he.jun", n, TASK_ARRIVE, ARRIVE, "到场", null);
    complete("he.jun", n, TASK_DISPOSE, ALL_CLEAR, "解除", null);
    // as if it had passed the service's check just before the all-clear committed
    runtime.createMessageCorrelation(MESSAGE_LEVEL_CHANGED).processInstanceBusinessKey(n)
        .setVariables(Map.of(VAR_LEVEL_REQUESTED, "I", VAR_LEVEL_REASON, "late", VAR_LEVEL_CHANGED_BY, "sun.hao"))
        .correlateWithResult();
    assertThat(incidents.of(caseFile(n).id()).orElseThrow().level()).isEqualTo(IncidentLevel.III);
    assertThat(events(n)).doesNotContain(CaseEventType.LEVEL_CHANGED);
    assertThat(open(n, TASK_REVIEW).candidateGroup()).isEqualTo("dept-yj@330106");
  }

  @Test
  void drillParticipantsAreCheckedOneByOne() {
    java.util.List<String> people = new java.util.ArrayList<>(java.util.Collections.nCopies(31, "li.qiang"));
    people.add(null);
    IncidentReport drill = EmergencyFixtures.report(IncidentReport.Phase.INCIDENT, IncidentType.ACCIDENT, IncidentSubtype.FIRE,
        0, 0, 0, 0, null, null, t0, true, people);
    assertThatThrownBy(() -> report(drill)).isInstanceOfSatisfying(InvalidInputException.class, e ->
        assertThat(e.errors()).extracting(InvalidInputException.FieldError::message)
            .anyMatch(m -> m.contains("最多 30")).anyMatch(m -> m.contains("不能为空")));
  }

  @Test
  void stepsRefuseMissingNotesAndBadFigures() {
    String n = report(accident(1, 0, 0, t0)).caseNumber();
    Map<String, Object> bad = new HashMap<>();
    bad.put("dead", -1);
    bad.put("injured", "1.5");
    bad.put("estimatedLoss", "lots");
    assertThatThrownBy(() -> complete("liu.yang", n, TASK_FIRST_REPORT, FIRST_REPORT, null, bad))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).extracting(InvalidInputException.FieldError::field)
            .containsExactlyInAnyOrder("comment", "dead", "injured", "estimatedLoss"));
    assertThatThrownBy(() -> complete("liu.yang", n, TASK_FIRST_REPORT, ALL_CLEAR, "x", null)).isInstanceOf(InvalidInputException.class);
    assertThat(openSteps(n)).containsExactly(TASK_ARRIVE, TASK_FIRST_REPORT);
  }
}
