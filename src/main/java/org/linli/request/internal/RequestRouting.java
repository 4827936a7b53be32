package org.linli.request.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.engine.CaseExecutions;
import org.linli.organization.Routing;
import org.linli.system.ModelBean;
import org.springframework.stereotype.Component;

/**
 * Who owns a request's sign-for and handling steps, from the request's record: the handling level
 * the last step rule set, the case's place and department, and the handler who signed for it.
 *
 * <pre>
 * camunda:candidateGroups="${requestRouting.owners(execution)}"
 * camunda:assignee="${requestRouting.handler(execution)}"
 * ${requestRouting.atTownship(execution)}   the township takes a new request first
 * </pre>
 */
@Component("requestRouting")
@ModelBean
public class RequestRouting {

  private final CaseFiles cases;
  private final CaseExecutions executions;
  private final ResidentRequestRepository requests;
  private final Routing routing;

  RequestRouting(CaseFiles cases, CaseExecutions executions, ResidentRequestRepository requests, Routing routing) {
    this.cases = cases;
    this.executions = executions;
    this.requests = requests;
    this.routing = routing;
  }

  /** The group of the unit that owns the request now: a village, its township or a department. */
  public String owners(DelegateExecution execution) {
    CaseFile c = caseOf(execution);
    return routing.forLevel(requests.ownership(c.id()).level().name(), c.divisionCode(), c.departmentCode());
  }

  /**
   * Who signed for the request in the owning unit, or null before anyone did, or when they have
   * left that unit since: then the step goes back to the whole unit. Membership is the engine's
   * identity, which sign-in and the assignment check read too.
   */
  public String handler(DelegateExecution execution) {
    String handler = requests.ownership(caseOf(execution).id()).handler();
    if (handler == null) {
      return null;
    }
    String owners = owners(execution);
    boolean stillThere = execution.getProcessEngineServices().getIdentityService().createUserQuery()
        .userId(handler).memberOfGroup(owners).count() > 0;
    return stillThere ? handler : null;
  }

  public boolean atTownship(DelegateExecution execution) {
    return requests.ownership(caseOf(execution).id()).level() == Routing.Level.TOWNSHIP;
  }

  private CaseFile caseOf(DelegateExecution execution) {
    return executions.caseId(execution).flatMap(cases::byId)
        .orElseThrow(() -> new IllegalStateException("no case record for process instance " + execution.getProcessInstanceId()));
  }
}
