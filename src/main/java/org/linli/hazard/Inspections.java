package org.linli.hazard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.linli.casefile.CaseEventType;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseOpening;
import org.linli.deadline.Deadlines;
import org.linli.deadline.TimeLimits;
import org.linli.emergency.EmergencyReports;
import org.linli.emergency.EmergencyRouting;
import org.linli.emergency.IncidentLevel;
import org.linli.emergency.IncidentReport;
import org.linli.hazard.internal.HazardPointRepository;
import org.linli.organization.CandidateGroups;
import org.linli.organization.OrganizationService;
import org.linli.organization.StaffMember;
import org.linli.security.LinliUser;
import org.linli.system.Bilingual;
import org.linli.system.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.linli.calendar.WorkingCalendar;

/**
 * Inspections of hazard points on their cycle: the daily start of due inspections (process
 * {@value InspectionProcess#KEY}), the emergency a finding of danger raises, and the next date.
 */
@Service("inspectionRounds")
public class Inspections {

  private static final Logger log = LoggerFactory.getLogger(Inspections.class);

  private final HazardPointRepository points;
  private final TimeLimits limits;
  private final Deadlines deadlines;
  private final RuntimeService runtime;
  private final EmergencyReports reports;
  private final OrganizationService organization;
  private final TransactionTemplate tx;
  private final CaseFiles cases;
  private final WorkingCalendar calendar;

  Inspections(HazardPointRepository points, TimeLimits limits, Deadlines deadlines, RuntimeService runtime,
      EmergencyReports reports, OrganizationService organization, TransactionTemplate tx, CaseFiles cases,
      WorkingCalendar calendar) {
    this.calendar = calendar;
    this.cases = cases;
    this.points = points;
    this.limits = limits;
    this.deadlines = deadlines;
    this.runtime = runtime;
    this.reports = reports;
    this.organization = organization;
    this.tx = tx;
  }

  /** Active points whose inspection day has come and that have no inspection under way. */
  public List<HazardPoint> due(LocalDate day) {
    return points.due(day);
  }

  /**
   * The daily job: frees points whose inspection case was cancelled, then starts an inspection for
   * each due point; returns how many started.
   */
  public int startDue() {
    try {
      releaseCancelled();
    } catch (RuntimeException e) {
      log.error("Points of cancelled inspections could not be freed; the next run tries again", e);
    }
    int started = 0;
    for (HazardPoint p : due(calendar.today())) {
      try {
        if (start(p.id())) {
          started++;
        }
      } catch (RuntimeException e) {
        log.error("Inspection of hazard point {} could not start; the next run tries again", p.id(), e);
      }
    }
    return started;
  }

  /**
   * Frees the points whose inspection ended without a finding: its process instance no longer runs
   * (deleted, i.e. the case was cancelled) although the point still names it. The process's end
   * listener does this at once; this catches instances deleted with custom listeners skipped and
   * those of older deployments. Returns how many points were freed; a freed point whose day has
   * passed is due again at once.
   */
  public int releaseCancelled() {
    List<HazardPoint> marked = points.underInspection();
    if (marked.isEmpty()) {
      return 0;
    }
    Set<String> ids = marked.stream().map(HazardPoint::openInspection).collect(Collectors.toSet());
    Set<String> running = runtime.createProcessInstanceQuery().processInstanceIds(ids).list().stream()
        .map(ProcessInstance::getId).collect(Collectors.toSet());
    int freed = 0;
    for (HazardPoint p : marked) {
      if (!running.contains(p.openInspection()) && cancelled(p.id(), p.openInspection())) {
        freed++;
      }
    }
    return freed;
  }

  /**
   * The inspection {@code processInstanceId} of the point ended without a finding: the point is free
   * again (its next day unchanged, so an overdue point is due at once). False when it had moved on.
   */
  public boolean cancelled(long pointId, String processInstanceId) {
    boolean freed = points.inspectionCancelled(pointId, processInstanceId, InspectionProcess.CANCELLED);
    if (freed) {
      log.info("Hazard point {} is free again: its inspection {} was cancelled", pointId, processInstanceId);
    }
    return freed;
  }

  /**
   * Starts the point's inspection case, once: the claim on the point's row and the process start
   * share a transaction, so two runs or nodes start one inspection. False when the point is not
   * due, not active, or already under inspection.
   */
  public boolean start(long pointId) {
    return Boolean.TRUE.equals(tx.execute(s -> {
      if (!points.claim(pointId, calendar.today(), "starting")) {
        return false;
      }
      HazardPoint p = points.byId(pointId).orElseThrow();
      String category = p.hazardType().name();
      String table = limits.current(InspectionProcess.KIND);
      Instant now = EngineClock.now();
      Instant caseDue = deadlines.due(limits.limit(table,
          new TimeLimits.Query(InspectionProcess.KIND, category, category, InspectionProcess.LIMIT_CASE, "NORMAL")), now);
      CaseOpening opening = CaseOpening.of(InspectionProcess.KIND, p.divisionCode(), title(p))
          .category(category, category)
          .department(EmergencyRouting.EMERGENCY_DEPARTMENT)
          .due(caseDue, deadlines.warnAt(true, now, caseDue))
          .timeLimits(table);
      CaseFile c = cases.open(opening, Map.of(), opened -> points.inspectionOpened(opened.id(), pointId, p.nextInspectionOn()));
      points.started(pointId, c.processInstanceId());
      return true;
    }));
  }

  /**
   * A finding of danger at the point: reports it as a warning or an incident in the inspector's
   * name, in the caller's transaction (the inspection step's), and returns the emergency's receipt.
   */
  public EmergencyReports.Receipt raise(long pointId, String inspector, IncidentReport.Phase phase, String finding,
      IncidentLevel proposedLevel, Map<String, Object> figures) {
    HazardPoint p = points.byId(pointId).orElseThrow(() -> new IllegalStateException("no hazard point " + pointId));
    IncidentReport report = new IncidentReport(phase, p.hazardType().incidentType(), p.hazardType().incidentSubtype(),
        p.divisionCode(), place(p), p.latitude(), p.longitude(), EngineClock.now(),
        "隐患点 Hazard point " + p.name() + "：巡查发现 found on inspection: " + finding, count(figures, "dead"), count(figures, "injured"),
        count(figures, "missing"), count(figures, "trapped"), count(figures, "affected"), loss(figures), proposedLevel, false,
        List.of());
    return reports.report(report, user(inspector));
  }

  /**
   * The finding of danger of inspection case {@code caseId} at {@code step}: the point's warning or
   * incident is raised, and the inspection's timeline says which.
   */
  public EmergencyReports.Receipt raiseFinding(long caseId, String step, String stepName, String inspector,
      IncidentReport.Phase phase, String finding, IncidentLevel proposedLevel, Map<String, Object> figures) {
    long pointId = ofCase(caseId).orElseThrow(() -> new IllegalStateException("case " + caseId + " inspects no point"))
        .hazardPointId();
    EmergencyReports.Receipt receipt = raise(pointId, inspector, phase, finding, proposedLevel, figures);
    boolean warning = phase == IncidentReport.Phase.WARNING;
    cases.recordStep(caseId, CaseEventType.COMMENTED, step, stepName, new Bilingual.Halves(
        (warning ? "巡查发现险情，已发布预警 " : "巡查发现已发生险情，已上报突发事件 ") + receipt.caseNumber() + "（"
            + receipt.level().name() + "级 " + receipt.level().nameZh() + "）",
        "the inspection raised " + (warning ? "a warning " : "an incident ") + receipt.caseNumber() + ", level " + receipt.level().name()));
    return receipt;
  }

  /** The point's name and place, or the place alone where both would not fit a report's 300 characters. */
  static String place(HazardPoint p) {
    String both = p.name() + " " + p.location();
    return both.length() <= 300 ? both : p.location();
  }

  /** The candidate group of an inspection: the grid workers of the place on the case's record. */
  public String inspectors(long caseId) {
    return CandidateGroups.gridWorkers(cases.byId(caseId)
        .orElseThrow(() -> new IllegalStateException("no case record " + caseId)).divisionCode());
  }

  /** The inspection of a case, or empty when the case is no inspection. */
  public Optional<Inspection> ofCase(long caseId) {
    return points.inspection(caseId);
  }

  /**
   * The inspection is over: its finding is recorded, and the point's next inspection falls one
   * cycle after the day this one was due, moved on by whole cycles until it lies after today.
   */
  public LocalDate inspected(long caseId, long pointId, String finding, String emergencyCaseNumber, String inspector) {
    points.inspectionDone(caseId, finding, emergencyCaseNumber, inspector, EngineClock.now());
    HazardPoint p = points.byId(pointId).orElseThrow(() -> new IllegalStateException("no hazard point " + pointId));
    LocalDate today = calendar.today();
    LocalDate next = p.nextInspectionOn();
    do {
      next = next.plusDays(p.cycleDays());
    } while (!next.isAfter(today));
    points.inspected(pointId, next);
    return next;
  }

  static String title(HazardPoint p) {
    String title = "隐患巡查 " + p.hazardType().nameZh() + " " + p.name();
    return title.length() <= 200 ? title : title.substring(0, 199) + "…";
  }

  private LinliUser user(String username) {
    StaffMember s = organization.staff(username)
        .orElseThrow(() -> new IllegalStateException("the inspector " + username + " is not on the staff"));
    return new LinliUser(username, s.name(), organization.groupsOf(username), organization.scopeOf(username));
  }

  private static Integer count(Map<String, Object> figures, String name) {
    Object v = figures == null ? null : figures.get(name);
    return v == null ? null : ((Number) v).intValue();
  }

  private static BigDecimal loss(Map<String, Object> figures) {
    Object v = figures == null ? null : figures.get("estimatedLoss");
    return v == null ? null : new BigDecimal(v.toString());
  }
}
