package org.linli.emergency.internal;

import static org.linli.emergency.EmergencyProcess.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.linli.casefile.CaseEventType;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseVariables;
import org.linli.deadline.Deadlines;
import org.linli.deadline.TimeLimit;
import org.linli.deadline.TimeLimits;
import org.linli.emergency.EmergencyRouting;
import org.linli.emergency.Incident;
import org.linli.emergency.IncidentAlert;
import org.linli.emergency.IncidentLevel;
import org.linli.emergency.IncidentReport;
import org.linli.system.EngineClock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What the service tasks of bpmn/emergency-response.bpmn do: activate the response at the graded
 * level, move it to another level, and close it by an all-clear, a lifted warning or a withdrawal.
 * Each writes the incident, the timeline and the mail in the engine's transaction and publishes an
 * {@link IncidentAlert} for the alert feature.
 */
@Component
class EmergencyResponse {

  /** User tasks whose group and due time follow the level. */
  static final Set<String> LEVELLED_STEPS =
      Set.of(TASK_WATCH_WARNING, TASK_ARRIVE, TASK_FIRST_REPORT, TASK_PROGRESS_REPORT, TASK_DISPOSE);
  static final String VAR_LEVEL_CHANGES = "levelChanges";
  static final String VAR_LEVEL_SUGGESTED = "levelSuggested";

  private final IncidentRepository incidents;
  private final CaseFiles cases;
  private final EmergencyRouting routing;
  private final EmergencyMail mail;
  private final TimeLimits limits;
  private final Deadlines deadlines;
  private final ApplicationEventPublisher events;
  private final ObjectMapper json;

  EmergencyResponse(IncidentRepository incidents, CaseFiles cases, EmergencyRouting routing, EmergencyMail mail,
      TimeLimits limits, Deadlines deadlines, ApplicationEventPublisher events,
      ObjectMapper json) {
    this.incidents = incidents;
    this.cases = cases;
    this.routing = routing;
    this.mail = mail;
    this.limits = limits;
    this.deadlines = deadlines;
    this.events = events;
    this.json = json;
  }

  /** Task_Activate: the level is the graver of the table's and the reporter's; everyone of that level is told. */
  void activate(DelegateExecution execution) {
    long caseId = caseId(execution);
    IncidentReport report = read((String) execution.getVariable(VAR_REPORT));
    @SuppressWarnings("unchecked")
    Map<String, Object> grading = (Map<String, Object>) execution.getVariable(VAR_GRADING);
    if (grading == null || grading.get("level") == null) {
      throw new IllegalStateException("the grading table gave no level for case " + caseId);
    }
    IncidentLevel graded = IncidentLevel.valueOf(grading.get("level").toString());
    String basis = grading.get("basis") == null ? null : grading.get("basis").toString();
    IncidentLevel level = report.proposedLevel() != null && report.proposedLevel().atLeast(graded) ? report.proposedLevel() : graded;
    Instant now = EngineClock.now();
    incidents.insert(caseId, report, level, graded, basis, (String) execution.getVariable(VAR_REPORTED_BY), now);
    cases.changeSeverity(caseId, level.name());
    String note = "定为" + level.name() + "级（" + level.nameZh() + "） graded level " + level.name()
        + (basis == null ? "" : "：" + basis)
        + (level != graded ? "；按上报人研判由" + graded.name() + "级提高 raised from " + graded.name() + " by the reporter's judgement" : "");
    cases.record(caseId, CaseEventType.GRADED, TASK_GRADE, null, null, null, note);
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

  /** Task_ApplyLevel: routing, mail and due times follow the new level; steps already done stay done. */
  void changeLevel(DelegateExecution execution) {
    long caseId = caseId(execution);
    Incident before = incident(caseId);
    IncidentLevel to = IncidentLevel.valueOf((String) execution.getVariable(VAR_LEVEL_REQUESTED));
    IncidentLevel from = before.level();
    if (to == from || before.allClearAt() != null || before.withdrawnAt() != null) {
      return; // the same level twice, or a request that raced the all-clear: nothing moves
    }
    String reason = (String) execution.getVariable(VAR_LEVEL_REASON);
    String by = (String) execution.getVariable(VAR_LEVEL_CHANGED_BY);
    Integer changes = (Integer) execution.getVariable(VAR_LEVEL_CHANGES);
    int n = changes == null ? 1 : changes + 1;
    execution.getProcessInstance().setVariable(VAR_LEVEL_CHANGES, n);
    incidents.level(caseId, to);
    cases.changeSeverity(caseId, to.name());
    String verb = to.atLeast(from) ? "提升" : "降低";
    String note = "由" + from.name() + "级" + verb + "为" + to.name() + "级（" + to.nameZh() + "） level " + from.name() + " → " + to.name()
        + (reason == null ? "" : "：" + reason);
    cases.record(caseId, CaseEventType.LEVEL_CHANGED, null, null, by, null, note);
    String oldLead = routing.lead(from, before.divisionCode());
    String newLead = routing.lead(to, before.divisionCode());
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()) {
      if (LEVELLED_STEPS.contains(task.getTaskDefinitionKey())) {
        follow(tasks, execution, task, oldLead, newLead);
      }
    }
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
  }

  /** An open step moves to the new level's lead and is due at its start plus the new level's limit. */
  private void follow(TaskService tasks, DelegateExecution execution, Task task, String oldLead, String newLead) {
    if (!oldLead.equals(newLead)) {
      List<IdentityLink> links = tasks.getIdentityLinksForTask(task.getId());
      for (IdentityLink link : links) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType()) && oldLead.equals(link.getGroupId())) {
          tasks.deleteCandidateGroup(task.getId(), oldLead);
        }
      }
      tasks.addCandidateGroup(task.getId(), newLead);
      if (task.getAssignee() != null) {
        tasks.setAssignee(task.getId(), null); // the new lead takes it on; the old one is told by mail
      }
      cases.taskMovedTo(caseId(execution), task.getId(), newLead);
    }
    TimeLimit limit = limits.limit(execution, task.getTaskDefinitionKey());
    Instant start = task.getCreateTime().toInstant();
    Instant due = deadlines.dueFrom(limit, start);
    Instant warnAt = deadlines.warnAt(limit.workingTime(), start, due);
    // the case record reads these when the due date changes, so the warning keeps calendar time
    execution.getProcessEngineServices().getRuntimeService().setVariablesLocal(task.getExecutionId(),
        Map.of(CaseVariables.STEP_DUE, Date.from(due), CaseVariables.STEP_WARN_AT, Date.from(warnAt)));
    Task fresh = tasks.createTaskQuery().taskId(task.getId()).singleResult();
    fresh.setDueDate(Date.from(due));
    tasks.saveTask(fresh);
  }

  /** Task_ToIncident: a warning came true; the same case goes on as an incident at its level. */
  void becomeIncident(DelegateExecution execution) {
    long caseId = caseId(execution);
    incidents.phase(caseId, IncidentReport.Phase.INCIDENT);
    Incident incident = incident(caseId);
    CaseFile c = cases.byId(caseId).orElseThrow();
    String note = "预警转为突发事件 the warning became an incident";
    cases.record(caseId, CaseEventType.LEVEL_CHANGED, null, null, null, null, note);
    mail.toGroups(c, incident, "incident", routing.activated(incident.level(), incident.type(), incident.divisionCode()),
        incident.level().name() + "级响应已启动", "Level " + incident.level().name() + " response activated", note);
    publish(incident, c, IncidentAlert.Change.LEVEL_CHANGED, incident.level(), EngineClock.now());
  }

  /** Task_AllClear and Task_LiftWarning: the event is over (解除). */
  void allClear(DelegateExecution execution) {
    long caseId = caseId(execution);
    Instant now = EngineClock.now();
    incidents.allClear(caseId, now);
    Incident incident = incident(caseId);
    CaseFile c = cases.byId(caseId).orElseThrow();
    boolean warning = incident.phase() == IncidentReport.Phase.WARNING;
    String note = warning ? "预警解除 warning lifted" : "应急响应解除 all clear";
    if (warning) {
      cases.record(caseId, CaseEventType.ALL_CLEAR, execution.getCurrentActivityId(), null, null, null, note);
    }
    mail.toGroups(c, incident, "all-clear", routing.activated(incident.level(), incident.type(), incident.divisionCode()),
        warning ? "预警已解除" : "应急响应已解除", warning ? "Warning lifted" : "All clear", note);
    if (routing.reportsUpward(incident.level())) {
      mail.upward(c, incident, "all-clear", note);
    }
    publish(incident, c, IncidentAlert.Change.ALL_CLEAR, null, now);
  }

  /** Task_Withdraw: found on site to be a false alarm; earlier alerts are cancelled. */
  void withdraw(DelegateExecution execution) {
    long caseId = caseId(execution);
    Instant now = EngineClock.now();
    incidents.withdrawn(caseId, now);
    Incident incident = incident(caseId);
    CaseFile c = cases.byId(caseId).orElseThrow();
    String note = "经现场核实为误报，撤销 found on site to be a false alarm: withdrawn";
    cases.record(caseId, CaseEventType.CLOSED, execution.getCurrentActivityId(), null, null, null, note);
    mail.toGroups(c, incident, "withdrawn", routing.activated(incident.level(), incident.type(), incident.divisionCode()),
        "事件已撤销（误报）", "Withdrawn: false alarm", note);
    if (routing.reportsUpward(incident.level())) {
      mail.upward(c, incident, "withdrawn", note);
    }
    publish(incident, c, IncidentAlert.Change.WITHDRAWN, null, now);
  }

  /** After a report or the disposal: the figures it gave become the incident's. */
  void figures(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return; // the all-clear or a false alarm ended the step: nothing was reported
    }
    long caseId = caseId(execution);
    Incident i = incident(caseId);
    int dead = count(execution, "dead", i.dead());
    int injured = count(execution, "injured", i.injured());
    int missing = count(execution, "missing", i.missing());
    int trapped = count(execution, "trapped", i.trapped());
    int affected = count(execution, "affected", i.affected());
    Object loss = execution.getVariable("estimatedLoss");
    BigDecimal estimatedLoss = loss == null ? i.estimatedLoss() : new BigDecimal(loss.toString());
    incidents.figures(caseId, dead, injured, missing, trapped, affected, estimatedLoss);
    suggestGraverLevel(execution, caseId, i.level());
  }

  /**
   * New figures that meet a graver level by the grading table: the lead and the next level up are
   * told at once to decide on raising it. People change the level, not the table: figures in a
   * report are often provisional.
   */
  private void suggestGraverLevel(DelegateExecution execution, long caseId, IncidentLevel current) {
    Incident now = incident(caseId); // the figures just recorded
    Map<String, Object> inputs = new java.util.HashMap<>();
    inputs.put(VAR_INCIDENT_TYPE, now.type().name());
    inputs.put(CaseVariables.CATEGORY_CODE, now.subtype().name());
    inputs.put(VAR_DEAD_OR_MISSING, now.dead() + now.missing());
    inputs.put(VAR_INJURED, now.injured());
    inputs.put(VAR_AFFECTED, now.affected());
    inputs.put(VAR_LOSS, now.estimatedLoss().doubleValue());
    var result = execution.getProcessEngineServices().getDecisionService()
        .evaluateDecisionByKey(GRADING_DECISION).variables(inputs).evaluate().getFirstResult();
    if (result == null || result.get("level") == null) {
      return;
    }
    IncidentLevel graded = IncidentLevel.valueOf(result.get("level").toString());
    Object suggested = execution.getVariable(VAR_LEVEL_SUGGESTED);
    if (graded == current || !graded.atLeast(current)
        || suggested != null && !graded.atLeast(IncidentLevel.valueOf(suggested.toString())) || graded.name().equals(suggested)) {
      return; // not graver, or already suggested
    }
    execution.getProcessInstance().setVariable(VAR_LEVEL_SUGGESTED, graded.name());
    String note = "新报数据达到" + graded.name() + "级标准，请研判是否提升响应级别 the new figures meet level " + graded.name()
        + ": decide whether to raise the level — " + result.get("basis");
    cases.record(caseId, CaseEventType.COMMENTED, execution.getCurrentActivityId(), null, null, null, note);
    Incident incident = incident(caseId);
    CaseFile c = cases.byId(caseId).orElseThrow();
    mail.toGroups(c, incident, "suggest:" + graded.name(),
        List.of(routing.lead(current, incident.divisionCode()), routing.above(current, incident.divisionCode())),
        "新数据达到" + graded.name() + "级标准", "The figures now meet level " + graded.name(), note);
  }

  private static int count(DelegateExecution execution, String name, int previous) {
    Object v = execution.getVariable(name);
    return v == null ? previous : ((Number) v).intValue();
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

  Incident incident(long caseId) {
    return incidents.byCase(caseId).orElseThrow(() -> new IllegalStateException("no incident for case " + caseId));
  }

  private long caseId(DelegateExecution execution) {
    return cases.caseIdOf(execution).orElseThrow(() -> new IllegalStateException("no case for " + execution.getId()));
  }

  private IncidentReport read(String value) {
    try {
      return json.readValue(value, IncidentReport.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable incident report", e);
    }
  }

}
