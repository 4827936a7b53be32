package org.linli.hazard;

/** Names in bpmn/hazard-inspection.bpmn used from Java. */
public final class InspectionProcess {

  private InspectionProcess() {}

  public static final String KEY = "hazard-inspection";
  public static final String KIND = "INSPECTION";
  public static final String NUMBER_PREFIX = "XC";

  public static final String TASK_INSPECT = "Task_Inspect";
  public static final String TASK_RAISE_EMERGENCY = "Task_RaiseEmergency";
  public static final String TASK_RESCHEDULE = "Task_Reschedule";
  public static final String TIMER_INSPECT_WARNING = "Timer_InspectWarning";
  public static final String TIMER_INSPECT_OVERDUE = "Timer_InspectOverdue";
  public static final String END_INSPECTED = "EndEvent_Inspected";
  /** Time-limit table step for the whole case. */
  public static final String LIMIT_CASE = "case";

  public static final String VAR_HAZARD_POINT = "hazardPointId";
  public static final String VAR_INSPECTED_BY = "inspectedBy";
  /** Set by the finding: the emergency case a warning or incident opened. */
  public static final String VAR_EMERGENCY_CASE = "emergencyCaseNumber";
  public static final String VAR_PROPOSED_LEVEL = "proposedLevel";
  /** Optional figures of a finding, as in emergency reports. */
  public static final java.util.List<String> FIGURES = java.util.List.of("dead", "injured", "missing", "trapped", "affected");
  public static final String VAR_LOSS = "estimatedLoss";

  /** Decisions of {@link #TASK_INSPECT}. */
  public static final String SAFE = "safe";
  public static final String WARNING = "warning";
  public static final String INCIDENT = "incident";
  /** The finding of an inspection whose case was cancelled before anyone inspected. */
  public static final String CANCELLED = "cancelled";
  /** {@code ${inspectionEnded}}: the process's end listener, which frees the point of a cancelled inspection. */
  public static final String LISTENER_ENDED = "inspectionEnded";
}
