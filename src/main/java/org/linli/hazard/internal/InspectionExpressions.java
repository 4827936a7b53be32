package org.linli.hazard.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.linli.casefile.engine.CaseExecutions;
import org.linli.hazard.Inspections;
import org.linli.system.ModelBean;
import org.springframework.stereotype.Component;

/** {@code ${inspections.…}} in bpmn/hazard-inspection.bpmn: who inspects, from the case's record. */
@Component("inspections")
@ModelBean
public class InspectionExpressions {

  private final Inspections inspections;
  private final CaseExecutions cases;

  InspectionExpressions(Inspections inspections, CaseExecutions cases) {
    this.inspections = inspections;
    this.cases = cases;
  }

  /** The grid workers of the inspected point's place. */
  public String inspectors(DelegateExecution execution) {
    return inspections.inspectors(cases.caseId(execution)
        .orElseThrow(() -> new IllegalStateException("no case record for " + execution.getProcessInstanceId())));
  }
}
