package org.linli.emergency.internal;

import static org.linli.emergency.EmergencyProcess.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.linli.casefile.engine.CaseExecutions;
import org.linli.emergency.IncidentLevel;
import org.linli.emergency.IncidentReport;
import org.linli.system.ModelBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks and listeners of bpmn/emergency-response.bpmn. Each reads what it needs from the
 * execution and calls {@link ResponseLifecycle} or {@link IncidentFigures}.
 */
@Configuration(proxyBeanMethods = false)
class EmergencyDelegates {

  /** How many times the case's level changed: numbers each change's mail. */
  static final String VAR_LEVEL_CHANGES = "levelChanges";
  /** The graver level the figures were last found to meet: suggested once. */
  static final String VAR_LEVEL_SUGGESTED = "levelSuggested";

  /** {@code ${emergencyActivation}} on Task_Activate: the report and the grading table's answer. */
  @ModelBean
  @Bean
  JavaDelegate emergencyActivation(CaseExecutions cases, ResponseLifecycle response, ObjectMapper json) {
    return execution -> {
      long caseId = caseId(cases, execution);
      IncidentReport report = read(json, (String) execution.getVariable(VAR_REPORT));
      @SuppressWarnings("unchecked")
      Map<String, Object> grading = (Map<String, Object>) execution.getVariable(VAR_GRADING);
      if (grading == null || grading.get("level") == null) {
        throw new IllegalStateException("the grading table gave no level for case " + caseId);
      }
      IncidentLevel graded = IncidentLevel.valueOf(grading.get("level").toString());
      String basis = grading.get("basis") == null ? null : grading.get("basis").toString();
      response.activate(caseId, report, graded, basis, (String) execution.getVariable(VAR_REPORTED_BY));
    };
  }

  /** {@code ${emergencyLevelChange}} on Task_ApplyLevel, after Message_LevelChanged. */
  @ModelBean
  @Bean
  JavaDelegate emergencyLevelChange(CaseExecutions cases, ResponseLifecycle response) {
    return execution -> {
      long caseId = caseId(cases, execution);
      Integer changes = (Integer) execution.getVariable(VAR_LEVEL_CHANGES);
      response.changeLevel(caseId, IncidentLevel.valueOf((String) execution.getVariable(VAR_LEVEL_REQUESTED)),
              (String) execution.getVariable(VAR_LEVEL_REASON), (String) execution.getVariable(VAR_LEVEL_CHANGED_BY),
              changes == null ? 0 : changes)
          .ifPresent(n -> execution.getProcessInstance().setVariable(VAR_LEVEL_CHANGES, n));
    };
  }

  /** {@code ${emergencyIncident}} on Task_ToIncident. */
  @ModelBean
  @Bean
  JavaDelegate emergencyIncident(CaseExecutions cases, ResponseLifecycle response) {
    return execution -> response.becomeIncident(caseId(cases, execution));
  }

  /** {@code ${emergencyAllClear}} on Task_AllClear and Task_LiftWarning. */
  @ModelBean
  @Bean
  JavaDelegate emergencyAllClear(CaseExecutions cases, ResponseLifecycle response) {
    return execution -> response.allClear(caseId(cases, execution), execution.getCurrentActivityId());
  }

  /** {@code ${emergencyWithdrawal}} on Task_Withdraw. */
  @ModelBean
  @Bean
  JavaDelegate emergencyWithdrawal(CaseExecutions cases, ResponseLifecycle response) {
    return execution -> response.withdraw(caseId(cases, execution), execution.getCurrentActivityId());
  }

  /** {@code ${emergencyFigures}}, the end listener of the report and disposal steps. */
  @ModelBean
  @Bean
  ExecutionListener emergencyFigures(CaseExecutions cases, IncidentFigures figures) {
    return execution -> {
      if (execution.isCanceled()) {
        return; // the all-clear or a false alarm ended the step: nothing was reported
      }
      long caseId = caseId(cases, execution);
      Object loss = execution.getVariable("estimatedLoss");
      Object suggested = execution.getVariable(VAR_LEVEL_SUGGESTED);
      IncidentFigures.Reported reported = new IncidentFigures.Reported(count(execution, "dead"), count(execution, "injured"),
          count(execution, "missing"), count(execution, "trapped"), count(execution, "affected"),
          loss == null ? null : new BigDecimal(loss.toString()));
      figures.reported(caseId, execution.getCurrentActivityId(), reported, suggested == null ? null : suggested.toString())
          .ifPresent(level -> execution.getProcessInstance().setVariable(VAR_LEVEL_SUGGESTED, level.name()));
    };
  }

  private static long caseId(CaseExecutions cases, DelegateExecution execution) {
    return cases.caseId(execution).orElseThrow(() -> new IllegalStateException("no case for " + execution.getId()));
  }

  private static Integer count(DelegateExecution execution, String name) {
    Object v = execution.getVariable(name);
    return v == null ? null : ((Number) v).intValue();
  }

  private static IncidentReport read(ObjectMapper json, String value) {
    try {
      return json.readValue(value, IncidentReport.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable incident report", e);
    }
  }
}
