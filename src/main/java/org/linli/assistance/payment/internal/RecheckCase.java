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
import org.linli.security.LinliUser;
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
  StepCompleter recheckSteps(ApprovalSteps approvals) {
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
      public Map<String, Object> variables(CaseTask task, StepInput input, LinliUser user) {
        return approvals.variables(task, input, user);
      }
    };
  }

  /** {@code ${recheckOutcome}} on {@value RecheckProcess#TASK_APPLY}. */
  @Bean
  JavaDelegate recheckOutcome(Rechecks rechecks) {
    return (DelegateExecution execution) -> {
      long id = ((Number) execution.getVariable(RecheckProcess.VAR_ENTITLEMENT_ID)).longValue();
      var outcome = ApprovalProcess.Outcome.valueOf((String) execution.getVariable(ApprovalProcess.VAR_OUTCOME));
      Object amount = execution.getVariable(RecheckProcess.VAR_AMOUNT);
      Object reasons = execution.getVariable(ApprovalProcess.VAR_REASONS);
      rechecks.apply(id, outcome, amount == null || amount.toString().isBlank() ? null : new BigDecimal(amount.toString().strip()),
          reasons == null ? null : reasons.toString());
    };
  }
}
