package org.linli.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.emergency.EmergencyFixtures.accident;
import static org.linli.emergency.EmergencyProcess.*;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseTask;
import org.linli.alert.AlertSummary;
import org.linli.alert.EmergencyAlerts;
import org.linli.organization.Scope;
import org.linli.support.DemoUsers;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.ShanghaiTime;
import org.linli.tasklist.StepInput;
import org.linli.tasklist.TaskActions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The response process and the alert feature together: the alerts a real emergency produces as it
 * is graded, re-graded, cleared or withdrawn, each valid against the bundled CAP 1.2 schema.
 */
@LinliIntegrationTest
class EmergencyAlertFlowTests {

  static Schema cap;

  @Autowired EmergencyReports reports;
  @Autowired EmergencyLevels levels;
  @Autowired EmergencyAlerts alerts;
  @Autowired CaseFiles cases;
  @Autowired TaskActions tasks;
  @Autowired DemoUsers users;

  Instant t0;

  @BeforeAll
  static void schema() throws Exception {
    SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    cap = f.newSchema(EmergencyAlertFlowTests.class.getClassLoader().getResource("cap/cap12.xsd"));
  }

  @BeforeEach
  void clock() {
    t0 = ShanghaiTime.at("2026-07-01T10:00");
    ClockUtil.setCurrentTime(Date.from(t0));
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  List<AlertSummary> of(String number) {
    return alerts.ofCase(cases.byNumber(number).orElseThrow().id());
  }

  String xml(AlertSummary a) throws Exception {
    String xml = alerts.xml(a.identifier(), Scope.EVERYTHING);
    cap.newValidator().validate(new StreamSource(new StringReader(xml)));
    return xml;
  }

  void complete(String user, String number, String activity, String decision) {
    CaseTask t = cases.openTasks(cases.byNumber(number).orElseThrow().id()).stream()
        .filter(x -> x.activityId().equals(activity)).findFirst().orElseThrow();
    tasks.complete(users.get(user), t.taskId(), new StepInput(decision, "说明", null, null, null, null));
  }

  @Test
  void aLevelThreeIncidentIsAlertedUpdatedOnRaisingAndClearedWithReferences() throws Exception {
    String n = reports.report(accident(4, 0, 0, t0), users.get("li.qiang")).caseNumber();
    assertThat(of(n)).singleElement().satisfies(a -> {
      assertThat(a.msgType()).isEqualTo("Alert");
      assertThat(a.status()).isEqualTo("Actual");
      assertThat(a.level()).isEqualTo(IncidentLevel.III);
      assertThat(a.headline()).isEqualTo("生产安全事故 桃源村砖厂东侧（III级）");
    });
    String first = xml(of(n).get(0));
    assertThat(first).contains("<severity>Moderate</severity>", "<urgency>Immediate</urgency>", "<category>Safety</category>",
        "<valueName>GB/T 2260</valueName>", "<value>330106002001</value>");

    levels.change(n, "II", "死亡人数上升", users.get("he.jun"));
    complete("sun.hao", n, TASK_ARRIVE, ARRIVE);
    complete("sun.hao", n, TASK_DISPOSE, ALL_CLEAR);
    List<AlertSummary> all = of(n);
    assertThat(all).extracting(AlertSummary::msgType).containsExactly("Alert", "Update", "Update");
    String raised = xml(all.get(1));
    assertThat(raised).contains("<severity>Severe</severity>", all.get(0).identifier());
    String cleared = xml(all.get(2));
    assertThat(cleared).contains("<responseType>AllClear</responseType>", all.get(0).identifier(), all.get(1).identifier());
  }

  @Test
  void aLevelFourIncidentHasNoAlertAndAFalseAlarmCancelsEarlierOnes() throws Exception {
    String quiet = reports.report(accident(1, 0, 0, t0), users.get("li.qiang")).caseNumber();
    assertThat(of(quiet)).isEmpty();

    String n = reports.report(accident(0, 12, 0, t0), users.get("li.qiang")).caseNumber();
    complete("he.jun", n, TASK_ARRIVE, FALSE_ALARM);
    List<AlertSummary> all = of(n);
    assertThat(all).extracting(AlertSummary::msgType).containsExactly("Alert", "Cancel");
    assertThat(xml(all.get(1))).contains("<msgType>Cancel</msgType>", all.get(0).identifier());
  }

  @Test
  void aWarningIsExpectedAndADrillIsAnExercise() throws Exception {
    String w = reports.report(EmergencyFixtures.report(IncidentReport.Phase.WARNING, IncidentType.NATURAL_DISASTER,
        IncidentSubtype.LANDSLIDE, 0, 0, 0, 80, BigDecimal.ZERO, IncidentLevel.III, t0, false, List.of()), users.get("li.qiang"))
        .caseNumber();
    assertThat(xml(of(w).get(0))).contains("<urgency>Expected</urgency>", "<certainty>Likely</certainty>", "<category>Geo</category>");

    String d = reports.report(EmergencyFixtures.report(IncidentReport.Phase.INCIDENT, IncidentType.ACCIDENT, IncidentSubtype.FIRE,
        3, 0, 0, 0, BigDecimal.ZERO, null, t0, true, List.of("li.qiang", "he.jun")), users.get("li.qiang")).caseNumber();
    assertThat(of(d)).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo("Exercise"));
    assertThat(xml(of(d).get(0))).contains("<status>Exercise</status>");
  }
}
