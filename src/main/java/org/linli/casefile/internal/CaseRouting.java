package org.linli.casefile.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.engine.CaseExecutions;
import org.linli.organization.Routing;
import org.linli.system.ModelBean;
import org.springframework.stereotype.Component;

/**
 * The groups that own a case's steps, from the place its record holds now (never from a process
 * variable): {@code camunda:candidateGroups="${caseRouting.township(execution)}"}. A case moves
 * only when a step rule moves it ({@link CaseFiles#route}). An adapter for models: Java asks
 * {@link Routing} with the case's place.
 */
@Component("caseRouting")
@ModelBean
public class CaseRouting {

  private final CaseFiles cases;
  private final CaseExecutions executions;
  private final Routing routing;

  CaseRouting(CaseFiles cases, CaseExecutions executions, Routing routing) {
    this.cases = cases;
    this.executions = executions;
    this.routing = routing;
  }

  /** Caseworkers of the case's village or community. */
  public String village(DelegateExecution execution) {
    return routing.village(division(execution));
  }

  /** Officers of the township or street that contains the case's place. */
  public String township(DelegateExecution execution) {
    return routing.township(division(execution));
  }

  /** Supervisors of the county that contains the case's place. */
  public String supervisor(DelegateExecution execution) {
    return routing.supervisor(division(execution));
  }

  /** Officers of a department of the case's county. */
  public String department(DelegateExecution execution, String departmentCode) {
    return routing.department(departmentCode, division(execution));
  }

  /** The case's own department's officers, or the given level's group at the case's place. */
  public String forLevel(DelegateExecution execution, String level) {
    CaseFile c = caseOf(execution);
    return routing.forLevel(level, c.divisionCode(), c.departmentCode());
  }

  public String division(DelegateExecution execution) {
    return caseOf(execution).divisionCode();
  }

  private CaseFile caseOf(DelegateExecution execution) {
    return executions.caseId(execution).flatMap(cases::byId)
        .orElseThrow(() -> new IllegalStateException("no case record for process instance " + execution.getProcessInstanceId()));
  }
}
