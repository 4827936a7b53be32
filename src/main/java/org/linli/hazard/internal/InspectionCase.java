package org.linli.hazard.internal;

import static org.linli.hazard.InspectionProcess.*;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.linli.casefile.engine.CaseExecutions;
import org.linli.casefile.CaseKindDefinition;
import org.linli.casefile.CaseVariables;
import org.linli.emergency.EmergencyReports;
import org.linli.emergency.IncidentLevel;
import org.linli.emergency.IncidentReport;
import org.linli.hazard.InspectionProcess;
import org.linli.hazard.Inspections;
import org.linli.system.LinliJob;
import org.linli.system.ModelBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.linli.calendar.WorkingCalendar;

/**
 * The inspection case kind, the daily job that starts due inspections, and the service tasks of
 * bpmn/hazard-inspection.bpmn (thin: the work is in {@link Inspections}).
 */
@Configuration(proxyBeanMethods = false)
class InspectionCase {

  @Bean
  CaseKindDefinition inspectionCaseKind() {
    return new CaseKindDefinition(InspectionProcess.KIND, InspectionProcess.NUMBER_PREFIX, InspectionProcess.KEY);
  }

  /** 07:00 every day in the calendar's zone: one inspection per due point (the claim makes a second run a no-op). */
  @Bean
  LinliJob hazardInspectionStart(Inspections inspections, WorkingCalendar calendar) {
    return LinliJob.cron("hazard-inspection-start", "0 0 7 * * ?", calendar.zone(), inspections::startDue);
  }

  /** {@code ${inspectionFinding}} on {@value InspectionProcess#TASK_RAISE_EMERGENCY}: warning or incident, in one step. */
  @ModelBean
  @Bean
  JavaDelegate inspectionFinding(Inspections inspections, CaseExecutions cases) {
    return (DelegateExecution execution) -> {
      String decision = (String) execution.getVariable(CaseVariables.DECISION);
      IncidentReport.Phase phase = WARNING.equals(decision) ? IncidentReport.Phase.WARNING : IncidentReport.Phase.INCIDENT;
      Object level = execution.getVariable(VAR_PROPOSED_LEVEL);
      Map<String, Object> figures = new HashMap<>();
      for (String name : FIGURES) {
        figures.put(name, execution.getVariable(name));
      }
      figures.put(VAR_LOSS, execution.getVariable(VAR_LOSS));
      EmergencyReports.Receipt receipt = inspections.raiseFinding(caseId(cases, execution), execution.getCurrentActivityId(),
          execution.getCurrentActivityName(), (String) execution.getVariable(VAR_INSPECTED_BY), phase,
          (String) execution.getVariable(CaseVariables.COMMENT), level == null ? null : IncidentLevel.valueOf(level.toString()),
          figures);
      execution.setVariable(VAR_EMERGENCY_CASE, receipt.caseNumber());
    };
  }

  /** {@code ${inspectionDone}} on {@value InspectionProcess#TASK_RESCHEDULE}: finding recorded, next date moved on. */
  @ModelBean
  @Bean
  JavaDelegate inspectionDone(Inspections inspections, CaseExecutions cases) {
    return (DelegateExecution execution) -> {
      long caseId = caseId(cases, execution);
      long pointId = inspections.ofCase(caseId)
          .orElseThrow(() -> new IllegalStateException("case " + caseId + " inspects no point")).hazardPointId();
      inspections.inspected(caseId, pointId, (String) execution.getVariable(CaseVariables.DECISION),
          (String) execution.getVariable(VAR_EMERGENCY_CASE), (String) execution.getVariable(VAR_INSPECTED_BY));
    };
  }

  /**
   * {@code ${inspectionEnded}}, the end listener of the whole process: when the instance is deleted
   * (the case cancelled) before the inspection was done, the point is free again. A completed
   * inspection has freed the point already, so this does nothing then.
   */
  @ModelBean
  @Bean
  ExecutionListener inspectionEnded(Inspections inspections, CaseExecutions cases) {
    return (DelegateExecution execution) -> cases.caseId(execution).flatMap(inspections::ofCase)
        .ifPresent(i -> inspections.cancelled(i.hazardPointId(), execution.getProcessInstanceId()));
  }

  private static long caseId(CaseExecutions cases, DelegateExecution execution) {
    return cases.caseId(execution).orElseThrow(() -> new IllegalStateException("the inspection has no case record"));
  }
}
