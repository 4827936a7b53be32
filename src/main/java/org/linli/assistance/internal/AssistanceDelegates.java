package org.linli.assistance.internal;

import static org.linli.assistance.AssistanceProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.linli.approval.ApprovalProcess;
import org.linli.casefile.CaseVariables;
import org.linli.casefile.engine.CaseExecutions;
import org.linli.system.ModelBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of bpmn/assistance-application.bpmn:
 *
 * <ul>
 *   <li>{@code ${householdVerification}} on Task_Verify: {@link EconomicVerification};
 *   <li>{@code ${assistanceEligibility}} on Task_Eligibility: {@link EligibilityAssessment}, whose
 *       outcome goes into the {@code eligible} and {@code eligibilityReason} variables for the gateway;
 *   <li>{@code ${entitlementOpener}} on Task_OpenEntitlement and Task_OpenUrgentEntitlement: {@link EntitlementOpening};
 *   <li>{@code ${assistanceDecisionNotice}} on Task_NotifyApproved and Task_NotifyRejected: {@link DecisionNotice}.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class AssistanceDelegates {

  @ModelBean
  @Bean
  JavaDelegate householdVerification(CaseExecutions cases, EconomicVerification verification) {
    return execution -> verification.verify(caseId(cases, execution), execution.getProcessBusinessKey(),
        execution.getCurrentActivityId(), execution.getCurrentActivityName());
  }

  @ModelBean
  @Bean
  JavaDelegate assistanceEligibility(CaseExecutions cases, EligibilityAssessment assessment) {
    return execution -> {
      EligibilityAssessment.Outcome outcome = assessment.assess(caseId(cases, execution), execution.getProcessBusinessKey(),
          execution.getCurrentActivityId(), execution.getCurrentActivityName());
      execution.setVariable(VAR_ELIGIBLE, outcome.eligible());
      execution.setVariable(VAR_ELIGIBILITY_REASON, outcome.reason());
    };
  }

  @ModelBean
  @Bean
  JavaDelegate entitlementOpener(CaseExecutions cases, EntitlementOpening opening) {
    return execution -> opening.open(caseId(cases, execution), execution.getCurrentActivityId(), execution.getCurrentActivityName());
  }

  @ModelBean
  @Bean
  JavaDelegate assistanceDecisionNotice(DecisionNotice notice) {
    return execution -> notice.tell(execution.getProcessBusinessKey(), execution.getCurrentActivityId(),
        execution.getCurrentActivityName(), new DecisionNotice.Decided(text(execution, CaseVariables.DECISION),
            text(execution, CaseVariables.COMMENT), text(execution, ApprovalProcess.VAR_OUTCOME),
            text(execution, ApprovalProcess.VAR_LEVEL), text(execution, ApprovalProcess.VAR_REASONS),
            execution.getVariable(VAR_ELIGIBLE) instanceof Boolean b ? b : null, text(execution, VAR_ELIGIBILITY_REASON)));
  }

  private static long caseId(CaseExecutions cases, DelegateExecution execution) {
    return cases.caseId(execution).orElseThrow(() -> new IllegalStateException("no case for " + execution.getId()));
  }

  private static String text(DelegateExecution execution, String variable) {
    Object value = execution.getVariable(variable);
    return value == null ? null : value.toString();
  }
}
