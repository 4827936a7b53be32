package org.linli.assistance.internal;

import static org.linli.assistance.AssistanceProcess.*;

import java.util.List;
import org.linli.approval.ApprovalLevel;
import org.linli.casefile.CaseFiles;
import org.linli.system.ModelBean;
import org.springframework.stereotype.Component;

/** Expressions of bpmn/assistance-application.bpmn: the approval levels. */
@Component("assistanceFlow")
@ModelBean
public class AssistanceFlow {

  private final CaseFiles cases;

  AssistanceFlow(CaseFiles cases) {
    this.cases = cases;
  }

  /** Township review, then the county's civil affairs (mz); time limits from assistance-time-limits. */
  public String approvalLevels() {
    return ApprovalLevel.toJson(List.of(
        ApprovalLevel.township(LEVEL_TOWNSHIP_REVIEW, LIMIT_APPROVAL_TOWNSHIP),
        ApprovalLevel.department(LEVEL_DEPARTMENT_APPROVAL, "mz", LIMIT_APPROVAL_DEPARTMENT)));
  }
}
