package org.linli.emergency.internal;

import static org.linli.emergency.EmergencyProcess.*;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.OptionalInt;
import java.util.Set;
import org.linli.casefile.CaseEventType;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.emergency.EmergencyRouting;
import org.linli.emergency.Incident;
import org.linli.emergency.IncidentAlert;
import org.linli.emergency.IncidentLevel;
import org.linli.emergency.IncidentReport;
import org.linli.system.Bilingual;
import org.linli.system.EngineClock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * An emergency's response from activation to its end: activated at the graded level, moved to
 * another level, turned from a warning into an incident, closed by an all-clear, a lifted warning
 * or a withdrawal. Each writes the incident, the timeline and the mail in the caller's transaction
 * and publishes an {@link IncidentAlert} for the alert feature.
 */
@Component
class ResponseLifecycle {

  private final IncidentRepository incidents;
  private final CaseFiles cases;
  private final EmergencyRouting routing;
  private final EmergencyMail mail;
  private final LevelledSteps steps;
  private final ApplicationEventPublisher events;

  ResponseLifecycle(IncidentRepository incidents, CaseFiles cases, EmergencyRouting routing, EmergencyMail mail,
      LevelledSteps steps, ApplicationEventPublisher events) {
    this.incidents = incidents;
    this.cases = cases;
    this.routing = routing;
    this.mail = mail;
    this.steps = steps;
    this.events = events;
  }

  /**
   * Task_Activate: the level is the graver of the table's and the reporter's; everyone of that level is told.
   *
   * @param graded the grading table's level, with its {@code basis} (or null)
   */
  void activate(long caseId, IncidentReport report, IncidentLevel graded, String basis, String reportedBy) {
    IncidentLevel level = report.proposedLevel() != null && report.proposedLevel().atLeast(graded) ? report.proposedLevel() : graded;
    Instant now = EngineClock.now();
    incidents.insert(caseId, report, level, graded, basis, reportedBy, now);
    cases.changeSeverity(caseId, level.name());
    Bilingual.Halves why = Bilingual.split(basis);
    Bilingual.Halves grading = new Bilingual.Halves(
        "定为" + level.name() + "级（" + level.nameZh() + "）" + (basis == null ? "" : "：" + why.zh())
            + (level != graded ? "；按上报人研判由" + graded.name() + "级提高" : ""),
        "graded level " + level.name() + " (" + level.nameEn() + ")" + (basis == null ? "" : ": " + why.en())
            + (level != graded ? "; raised from " + graded.name() + " by the reporter's judgement" : ""));
    cases.record(caseId, CaseEventType.GRADED, TASK_GRADE, null, null, null, grading);
    String note = both(grading);
    Incident incident = incident(caseId);
    CaseFile c = cases.byId(caseId).orElseThrow();
    String phase = report.phase() == IncidentReport.Phase.WARNING ? "预警" : "响应";
    mail.toGroups(c, incident, "activated", routing.activated(level, report.type(), report.divisionCode()),
        level.name() + "级" + phase + "已启动", "Level " + level.name() + (report.phase() == IncidentReport.Phase.WARNING ? " warning" : " response") + " activated",
        note);
    if (routing.reportsUpward(level)) {
      mail.upward(c, incident, "upward:" + level.name(), note);
    }
    publish(incident, c, IncidentAlert.Change.RAISED, null, now);
  }

  /**
   * Task_ApplyLevel: routing, mail and due times follow the new level; steps already done stay done.
   *
   * @param changesBefore how many level changes the case had before this one
   * @return the number of this change, or empty when nothing moved (the same level twice, or a
   *     request that raced the all-clear)
   */
  OptionalInt changeLevel(long caseId, IncidentLevel to, String reason, String by, int changesBefore) {
    Incident before = incident(caseId);
    IncidentLevel from = before.level();
    if (to == from || before.allClearAt() != null || before.withdrawnAt() != null) {
      return OptionalInt.empty();
    }
    int n = changesBefore + 1;
    incidents.level(caseId, to);
    cases.changeSeverity(caseId, to.name());
    String verb = to.atLeast(from) ? "提升" : "降低";
    Bilingual.Halves changed = new Bilingual.Halves(
        "由" + from.name() + "级" + verb + "为" + to.name() + "级（" + to.nameZh() + "）" + (reason == null ? "" : "：" + reason),
        "level " + from.name() + " → " + to.name() + " (" + to.nameEn() + ")" + (reason == null ? "" : ": " + reason));
    cases.record(caseId, CaseEventType.LEVEL_CHANGED, null, null, by, null, changed);
    String note = both(changed);
    steps.follow(caseId, routing.lead(from, before.divisionCode()), routing.lead(to, before.divisionCode()));
    Incident incident = incident(caseId);
    CaseFile c = cases.byId(caseId).orElseThrow();
    Set<String> told = new LinkedHashSet<>(routing.activated(to, before.type(), before.divisionCode()));
    told.addAll(routing.activated(from, before.type(), before.divisionCode()));
    mail.toGroups(c, incident, "level:" + n, told, "响应级别" + verb + "为" + to.name() + "级",
        "Response level changed from " + from.name() + " to " + to.name(), note);
    if (routing.reportsUpward(to) || routing.reportsUpward(from)) {
      mail.upward(c, incident, "level:" + n, note);
    }
    publish(incident, c, IncidentAlert.Change.LEVEL_CHANGED, from, EngineClock.now());
    return OptionalInt.of(n);
  }

  /** Task_ToIncident: a warning came true; the same case goes on as an incident at its level. */
  void becomeIncident(long caseId) {
    incidents.phase(caseId, IncidentReport.Phase.INCIDENT);
    Incident incident = incident(caseId);
    CaseFile c = cases.byId(caseId).orElseThrow();
    Bilingual.Halves became = new Bilingual.Halves("预警转为突发事件", "the warning became an incident");
    cases.record(caseId, CaseEventType.LEVEL_CHANGED, null, null, null, null, became);
    String note = both(became);
    mail.toGroups(c, incident, "incident", routing.activated(incident.level(), incident.type(), incident.divisionCode()),
        incident.level().name() + "级响应已启动", "Level " + incident.level().name() + " response activated", note);
    publish(incident, c, IncidentAlert.Change.LEVEL_CHANGED, incident.level(), EngineClock.now());
  }

  /** Task_AllClear and Task_LiftWarning ({@code step}): the event is over (解除). */
  void allClear(long caseId, String step) {
    Instant now = EngineClock.now();
    incidents.allClear(caseId, now);
    Incident incident = incident(caseId);
    CaseFile c = cases.byId(caseId).orElseThrow();
    boolean warning = incident.phase() == IncidentReport.Phase.WARNING;
    Bilingual.Halves over = warning ? new Bilingual.Halves("预警解除", "warning lifted") : new Bilingual.Halves("应急响应解除", "all clear");
    if (warning) {
      cases.record(caseId, CaseEventType.ALL_CLEAR, step, null, null, null, over);
    }
    String note = both(over);
    mail.toGroups(c, incident, "all-clear", routing.activated(incident.level(), incident.type(), incident.divisionCode()),
        warning ? "预警已解除" : "应急响应已解除", warning ? "Warning lifted" : "All clear", note);
    if (routing.reportsUpward(incident.level())) {
      mail.upward(c, incident, "all-clear", note);
    }
    publish(incident, c, IncidentAlert.Change.ALL_CLEAR, null, now);
  }

  /** Task_Withdraw ({@code step}): found on site to be a false alarm; earlier alerts are cancelled. */
  void withdraw(long caseId, String step) {
    Instant now = EngineClock.now();
    incidents.withdrawn(caseId, now);
    Incident incident = incident(caseId);
    CaseFile c = cases.byId(caseId).orElseThrow();
    Bilingual.Halves withdrawn = new Bilingual.Halves("经现场核实为误报，撤销", "found on site to be a false alarm: withdrawn");
    cases.record(caseId, CaseEventType.CLOSED, step, null, null, null, withdrawn);
    String note = both(withdrawn);
    mail.toGroups(c, incident, "withdrawn", routing.activated(incident.level(), incident.type(), incident.divisionCode()),
        "事件已撤销（误报）", "Withdrawn: false alarm", note);
    if (routing.reportsUpward(incident.level())) {
      mail.upward(c, incident, "withdrawn", note);
    }
    publish(incident, c, IncidentAlert.Change.WITHDRAWN, null, now);
  }

  private void publish(Incident i, CaseFile c, IncidentAlert.Change change, IncidentLevel previous, Instant at) {
    IncidentAlert.Phase phase = i.phase() == IncidentReport.Phase.WARNING ? IncidentAlert.Phase.WARNING : IncidentAlert.Phase.INCIDENT;
    // the place and what: the alert feature adds the drill mark, the change and the level
    String headline = i.subtype().nameZh() + " " + i.location();
    events.publishEvent(new IncidentAlert(i.caseId(), c.caseNumber(), change, phase, i.type(), i.subtype().name(),
        i.subtype().nameZh() + " " + i.subtype().nameEn(), i.level(), previous, i.divisionCode(), i.location(), i.latitude(),
        i.longitude(), headline.length() > 160 ? headline.substring(0, 160) : headline,
        i.description() + "\n" + i.figuresZh(), i.occurredAt(), at, i.drill(), Set.copyOf(i.participants())));
  }

  private Incident incident(long caseId) {
    return incidents.byCase(caseId).orElseThrow(() -> new IllegalStateException("no incident for case " + caseId));
  }

  /** Mail goes to readers of both languages. */
  private static String both(Bilingual.Halves note) {
    return note.zh() + " " + note.en();
  }
}
