package org.linli.emergency.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.linli.casefile.engine.CaseExecutions;
import org.linli.emergency.EmergencyRouting;
import org.linli.emergency.Incident;
import org.linli.emergency.Incidents;
import org.linli.system.ModelBean;
import org.springframework.stereotype.Component;

/**
 * {@code ${emergencyRouting.…}} in bpmn/emergency-response.bpmn: the groups of the case's incident at
 * its level now, as its record holds it (never a variable), from {@link EmergencyRouting}.
 */
@Component("emergencyRouting")
@ModelBean
public class EmergencyRoutingExpressions {

  private final EmergencyRouting routing;
  private final CaseExecutions cases;
  private final Incidents incidents;

  EmergencyRoutingExpressions(EmergencyRouting routing, CaseExecutions cases, Incidents incidents) {
    this.routing = routing;
    this.cases = cases;
    this.incidents = incidents;
  }

  /** The lead: arrival, reports and disposal. */
  public String lead(DelegateExecution execution) {
    Incident i = incident(execution);
    return routing.lead(i.level(), i.divisionCode());
  }

  /** Whom the arrival is offered to by name beside the lead: the reporting grid worker (candidate users). */
  public java.util.List<String> arrivalReporter(DelegateExecution execution) {
    Incident i = incident(execution);
    return routing.arrivalReporter(i.reportedBy(), i.divisionCode(), i.level());
  }

  /** The after-action review's group. */
  public String reviewer(DelegateExecution execution) {
    Incident i = incident(execution);
    return routing.reviewer(i.level(), i.divisionCode());
  }

  /** The next level up from the lead, told at once when a report or the arrival is missed. */
  public String above(DelegateExecution execution) {
    Incident i = incident(execution);
    return routing.above(i.level(), i.divisionCode());
  }

  private Incident incident(DelegateExecution execution) {
    long caseId = cases.caseId(execution)
        .orElseThrow(() -> new IllegalStateException("no case record for process instance " + execution.getProcessInstanceId()));
    return incidents.of(caseId).orElseThrow(() -> new IllegalStateException("no incident for case " + caseId));
  }
}
