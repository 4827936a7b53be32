package org.linli.assistance.internal;

import org.linli.system.ModelBean;
import static org.linli.assistance.AssistanceProcess.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.linli.approval.ApprovalLevel;
import org.linli.casefile.CaseFiles;
import org.springframework.stereotype.Component;

/** Expressions of bpmn/assistance-application.bpmn: the approval levels and the eligibility result. */
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

  /** End listener of Task_Eligibility: flat variables for the gateways, the reasons on the timeline. */
  public void eligibilityDecided(DelegateExecution execution) {
    Object result = execution.getVariable(VAR_ELIGIBILITY);
    if (!(result instanceof Map<?, ?> r) || r.get("eligible") == null) {
      throw new IllegalStateException("assistance-eligibility gave no result for " + execution.getProcessBusinessKey());
    }
    boolean eligible = Boolean.TRUE.equals(r.get("eligible"));
    BigDecimal amount = r.get("monthlyAmount") == null ? BigDecimal.ZERO
        : new BigDecimal(r.get("monthlyAmount").toString()).setScale(2, RoundingMode.HALF_UP);
    String reason = r.get("reason") == null ? "" : r.get("reason").toString();
    execution.setVariable(VAR_ELIGIBLE, eligible);
    execution.setVariable(VAR_MONTHLY_AMOUNT, eligible ? amount.toPlainString() : null);
    execution.setVariable(VAR_ELIGIBILITY_REASON, reason);
    execution.removeVariable(VAR_ELIGIBILITY); // a map is only transport; the flat values stay
    cases.record(execution, "COMPLETED", (eligible ? "符合条件 Eligible" : "不符合条件 Not eligible") + "：" + reason
        + (eligible ? "；金额 amount " + amount.toPlainString() + " 元 CNY" : ""));
  }
}
