package org.linli.assistance.payment.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.linli.approval.ApprovalProcess;
import org.linli.approval.ApprovalSteps;
import org.linli.assistance.payment.RecheckProcess;
import org.linli.assistance.payment.Rechecks;
import org.linli.casefile.CaseKindDefinition;
import org.linli.casefile.CaseTask;
import org.linli.casefile.CaseVariables;
import org.linli.casefile.engine.CaseExecutions;
import org.linli.system.InvalidInputException;
import org.linli.security.LinliUser;
import org.linli.system.ModelBean;
import org.linli.tasklist.StepCompleter;
import org.linli.tasklist.StepInput;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The re-check case kind, its review steps (those of verification-approval) and its outcome delegate. */
@Configuration(proxyBeanMethods = false)
class RecheckCase {

  @Bean
  CaseKindDefinition recheckCaseKind() {
    return new CaseKindDefinition(RecheckProcess.KIND, RecheckProcess.NUMBER_PREFIX, RecheckProcess.KEY);
  }

  @Bean
  StepCompleter recheckSteps(ApprovalSteps approvals, EntitlementRepository entitlements) {
    return new StepCompleter() {
      @Override
      public String kind() {
        return RecheckProcess.KIND;
      }

      @Override
      public List<String> decisions(CaseTask task) {
        return approvals.decisions(task);
      }

      @Override
      public Map<String, Object> complete(CaseTask task, StepInput input, LinliUser user) {
        BigDecimal amount = recheckAmount(input);
        Map<String, Object> v = new java.util.HashMap<>(approvals.complete(task, input, user));
        if (amount != null) {
          // on the entitlement's record: the last reviewer who sets one decides it
          entitlements.recheckAmount(task.caseId(), amount);
          v.put(CaseVariables.COMMENT, v.get(CaseVariables.COMMENT) + "；复查核定月救助金额 monthly amount after the re-check "
              + amount.toPlainString() + " 元 CNY");
        }
        return v;
      }
    };
  }

  /**
   * The monthly amount a reviewer sets with an approval (form field {@value RecheckProcess#VAR_AMOUNT}), or
   * null when none is given.
   *
   * @throws InvalidInputException when it is not a positive amount with at most two decimals, or comes
   *     with another decision than approve
   */
  static BigDecimal recheckAmount(StepInput input) {
    Object raw = input.fields().get(RecheckProcess.VAR_AMOUNT);
    if (raw == null || raw.toString().isBlank()) {
      return null;
    }
    if (!ApprovalProcess.APPROVE.equals(input.decision())) {
      throw new InvalidInputException(RecheckProcess.VAR_AMOUNT,
          "只有审核通过时可以核定金额 an amount goes with approve only");
    }
    BigDecimal amount;
    try {
      amount = new BigDecimal(raw.toString().strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(RecheckProcess.VAR_AMOUNT, "应为金额 must be an amount");
    }
    if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2 || amount.compareTo(new BigDecimal("1000000")) >= 0) {
      throw new InvalidInputException(RecheckProcess.VAR_AMOUNT,
          "月救助金额应为正数, 最多两位小数 a positive amount with at most two decimals");
    }
    return amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
  }

  /** {@code ${recheckOutcome}} on {@value RecheckProcess#TASK_APPLY}. */
  @ModelBean
  @Bean
  JavaDelegate recheckOutcome(Rechecks rechecks, EntitlementRepository entitlements, CaseExecutions cases) {
    return (DelegateExecution execution) -> {
      EntitlementRepository.Recheck recheck = cases.caseId(execution).flatMap(entitlements::recheck)
          .orElseThrow(() -> new IllegalStateException("re-check " + execution.getProcessBusinessKey() + " has no record"));
      // the approval that just ended in this transaction
      var outcome = ApprovalProcess.Outcome.valueOf((String) execution.getVariable(ApprovalProcess.VAR_OUTCOME));
      Object reasons = execution.getVariable(ApprovalProcess.VAR_REASONS);
      rechecks.apply(recheck.caseId(), outcome, reasons == null ? null : reasons.toString());
    };
  }
}
