package org.linli.emergency;

import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.linli.casefile.engine.CaseExecutions;
import org.linli.system.ModelBean;
import org.springframework.beans.factory.ObjectProvider;
import org.linli.organization.CandidateGroups;
import org.linli.organization.DivisionLevel;
import org.springframework.stereotype.Component;

/**
 * Who answers an emergency at each level (分级响应). Level IV: the village and its township, led by
 * the township; III: the county's emergency-management department leads, with the department of the
 * incident type and the county's supervisors; II and I: the county command leads and the event is
 * reported upward. BPMN calls it, e.g. {@code ${emergencyRouting.lead(execution)}}, which reads the
 * level and place from the incident's record.
 */
@Component("emergencyRouting")
@ModelBean
public class EmergencyRouting {

  /** The emergency-management department's code. */
  public static final String EMERGENCY_DEPARTMENT = "yj";

  private final EmergencyProperties properties;
  private final CaseExecutions cases;
  private final ObjectProvider<Incidents> incidents;

  EmergencyRouting(EmergencyProperties properties, CaseExecutions cases, ObjectProvider<Incidents> incidents) {
    this.properties = properties;
    this.cases = cases;
    this.incidents = incidents;
  }

  /** The group that leads the response: arrival, reports and disposal. */
  public String lead(IncidentLevel level, String divisionCode) {
    String county = DivisionLevel.COUNTY.ancestorOf(divisionCode);
    return switch (level) {
      case IV -> DivisionLevel.ofCode(divisionCode) == DivisionLevel.COUNTY
          ? CandidateGroups.department(EMERGENCY_DEPARTMENT, county)
          : CandidateGroups.township(DivisionLevel.TOWNSHIP.ancestorOf(divisionCode));
      case III -> CandidateGroups.department(EMERGENCY_DEPARTMENT, county);
      case II, I -> CandidateGroups.command(county);
    };
  }

  /** The lead of the case's incident at its level now, as its record holds it. */
  public String lead(DelegateExecution execution) {
    Incident i = incident(execution);
    return lead(i.level(), i.divisionCode());
  }

  /** The group that holds the after-action review (复盘): the township for IV, else emergency management. */
  public String reviewer(DelegateExecution execution) {
    Incident i = incident(execution);
    return i.level() == IncidentLevel.IV ? lead(i.level(), i.divisionCode())
        : CandidateGroups.department(EMERGENCY_DEPARTMENT, DivisionLevel.COUNTY.ancestorOf(i.divisionCode()));
  }

  /** The next level up from the lead, told at once when a report or the arrival is missed. */
  public String above(IncidentLevel level, String divisionCode) {
    String county = DivisionLevel.COUNTY.ancestorOf(divisionCode);
    return switch (level) {
      case IV -> CandidateGroups.department(EMERGENCY_DEPARTMENT, county);
      case III -> CandidateGroups.command(county);
      case II, I -> CandidateGroups.supervisors(county);
    };
  }

  public String above(DelegateExecution execution) {
    Incident i = incident(execution);
    return above(i.level(), i.divisionCode());
  }

  /** Everyone activated, and told at once, at a level. */
  public Set<String> activated(IncidentLevel level, IncidentType type, String divisionCode) {
    Set<String> groups = new LinkedHashSet<>();
    String county = DivisionLevel.COUNTY.ancestorOf(divisionCode);
    if (DivisionLevel.ofCode(divisionCode) == DivisionLevel.VILLAGE) {
      groups.add(CandidateGroups.caseworkers(divisionCode));
      groups.add(CandidateGroups.gridWorkers(divisionCode));
    }
    if (DivisionLevel.ofCode(divisionCode) != DivisionLevel.COUNTY) {
      groups.add(CandidateGroups.township(DivisionLevel.TOWNSHIP.ancestorOf(divisionCode)));
    }
    if (level.atLeast(IncidentLevel.III) || DivisionLevel.ofCode(divisionCode) == DivisionLevel.COUNTY) {
      groups.add(CandidateGroups.department(EMERGENCY_DEPARTMENT, county));
    }
    if (level.atLeast(IncidentLevel.III)) {
      String typeDepartment = properties.typeDepartments().get(type);
      if (typeDepartment != null) {
        groups.add(CandidateGroups.department(typeDepartment, county));
      }
      groups.add(CandidateGroups.supervisors(county));
    }
    if (level.atLeast(IncidentLevel.II)) {
      groups.add(CandidateGroups.command(county));
    }
    return groups;
  }

  /** Grave and particularly grave events are reported upward at once. */
  public boolean reportsUpward(IncidentLevel level) {
    return level.atLeast(IncidentLevel.II);
  }

  private Incident incident(DelegateExecution execution) {
    long caseId = cases.caseId(execution)
        .orElseThrow(() -> new IllegalStateException("no case record for process instance " + execution.getProcessInstanceId()));
    return incidents.getObject().of(caseId).orElseThrow(() -> new IllegalStateException("no incident for case " + caseId));
  }
}
