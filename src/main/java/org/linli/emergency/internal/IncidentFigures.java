package org.linli.emergency.internal;

import static org.linli.emergency.EmergencyProcess.*;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.linli.system.Bilingual;
import org.linli.casefile.CaseEventType;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseVariables;
import org.linli.emergency.EmergencyRouting;
import org.linli.emergency.Incident;
import org.linli.emergency.IncidentLevel;
import org.springframework.stereotype.Component;

/**
 * The figures a report or the disposal gives become the incident's; figures that meet a graver
 * level by the grading table are brought to the lead and the level above (re-grading).
 */
@Component
class IncidentFigures {

  /** What a step reported; null where it said nothing, which keeps the incident's figure. */
  record Reported(Integer dead, Integer injured, Integer missing, Integer trapped, Integer affected, BigDecimal estimatedLoss) {}

  private final IncidentRepository incidents;
  private final CaseFiles cases;
  private final EmergencyRouting routing;
  private final EmergencyMail mail;
  private final DecisionService decisions;

  IncidentFigures(IncidentRepository incidents, CaseFiles cases, EmergencyRouting routing, EmergencyMail mail,
      DecisionService decisions) {
    this.incidents = incidents;
    this.cases = cases;
    this.routing = routing;
    this.mail = mail;
    this.decisions = decisions;
  }

  /**
   * Records what {@code step} reported.
   *
   * @param suggestedBefore the graver level suggested to the case already, or null
   * @return the graver level suggested now, if the new figures meet one not suggested before
   */
  Optional<IncidentLevel> reported(long caseId, String step, Reported r, String suggestedBefore) {
    Incident i = incident(caseId);
    incidents.figures(caseId, or(r.dead(), i.dead()), or(r.injured(), i.injured()), or(r.missing(), i.missing()),
        or(r.trapped(), i.trapped()), or(r.affected(), i.affected()),
        r.estimatedLoss() == null ? i.estimatedLoss() : r.estimatedLoss());
    return suggestGraverLevel(caseId, step, i.level(), suggestedBefore);
  }

  /**
   * New figures that meet a graver level by the grading table: the lead and the next level up are
   * told at once to decide on raising it. People change the level, not the table: figures in a
   * report are often provisional.
   */
  private Optional<IncidentLevel> suggestGraverLevel(long caseId, String step, IncidentLevel current, String suggested) {
    Incident now = incident(caseId); // the figures just recorded
    Map<String, Object> inputs = new HashMap<>();
    inputs.put(VAR_INCIDENT_TYPE, now.type().name());
    inputs.put(CaseVariables.CATEGORY_CODE, now.subtype().name());
    // a figure not reported grades as 0: no level comes from nothing
    inputs.put(VAR_DEAD_OR_MISSING, zero(now.dead()) + zero(now.missing()));
    inputs.put(VAR_INJURED, zero(now.injured()));
    inputs.put(VAR_AFFECTED, zero(now.affected()));
    inputs.put(VAR_LOSS, now.estimatedLoss() == null ? 0d : now.estimatedLoss().doubleValue());
    DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(GRADING_DECISION).variables(inputs).evaluate().getFirstResult();
    if (result == null || result.get("level") == null) {
      return Optional.empty();
    }
    IncidentLevel graded = IncidentLevel.valueOf(result.get("level").toString());
    if (graded == current || !graded.atLeast(current)
        || suggested != null && !graded.atLeast(IncidentLevel.valueOf(suggested)) || graded.name().equals(suggested)) {
      return Optional.empty(); // not graver, or already suggested
    }
    Bilingual.Halves basis = Bilingual.split(String.valueOf(result.get("basis")));
    Bilingual.Halves suggestion = new Bilingual.Halves(
        "新报数据达到" + graded.name() + "级标准，请研判是否提升响应级别：" + basis.zh(),
        "the new figures meet level " + graded.name() + ": decide whether to raise the level — " + basis.en());
    cases.record(caseId, CaseEventType.COMMENTED, step, null, null, null, suggestion);
    String note = suggestion.zh() + " " + suggestion.en();
    Incident incident = incident(caseId);
    CaseFile c = cases.byId(caseId).orElseThrow();
    mail.toGroups(c, incident, "suggest:" + graded.name(),
        List.of(routing.lead(current, incident.divisionCode()), routing.above(current, incident.divisionCode())),
        "新数据达到" + graded.name() + "级标准", "The figures now meet level " + graded.name(), note);
    return Optional.of(graded);
  }

  private static Integer or(Integer reported, Integer previous) {
    return reported == null ? previous : reported;
  }

  private static int zero(Integer n) {
    return n == null ? 0 : n;
  }

  private Incident incident(long caseId) {
    return incidents.byCase(caseId).orElseThrow(() -> new IllegalStateException("no incident for case " + caseId));
  }
}
