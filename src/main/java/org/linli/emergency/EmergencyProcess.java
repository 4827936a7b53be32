package org.linli.emergency;

/** Names in bpmn/emergency-response.bpmn used from Java. */
public final class EmergencyProcess {

  private EmergencyProcess() {}

  public static final String KEY = "emergency-response";
  public static final String KIND = "EMERGENCY";
  public static final String NUMBER_PREFIX = "YJ";
  public static final String GRADING_DECISION = "emergency-grading";

  public static final String TASK_GRADE = "Task_Grade";
  public static final String TASK_WATCH_WARNING = "Task_WatchWarning";
  public static final String TASK_ARRIVE = "Task_ArriveOnSite";
  public static final String TASK_FIRST_REPORT = "Task_FirstReport";
  public static final String TASK_PROGRESS_REPORT = "Task_ProgressReport";
  public static final String TASK_DISPOSE = "Task_Dispose";
  public static final String TASK_REVIEW = "Task_Review";
  public static final String SUBPROCESS_RESPONSE = "SubProcess_Response";
  public static final String TIMER_ARRIVAL_MISSED = "Timer_ArrivalMissed";
  public static final String TIMER_FIRST_REPORT_MISSED = "Timer_FirstReportMissed";
  public static final String TIMER_PROGRESS_MISSED = "Timer_ProgressMissed";
  public static final String END_CLOSED = "EndEvent_Closed";
  public static final String END_WARNING_LIFTED = "EndEvent_WarningLifted";
  public static final String END_WITHDRAWN = "EndEvent_Withdrawn";
  /** Time-limit table step for the whole case. */
  public static final String LIMIT_CASE = "case";

  /** Correlated by the case number (business key); carries {@link #VAR_LEVEL_REQUESTED} and the reason. */
  public static final String MESSAGE_LEVEL_CHANGED = "Message_LevelChanged";

  public static final String VAR_PHASE = "phase";
  public static final String VAR_INCIDENT_TYPE = "incidentType";
  /** The grading table's answer: a map with {@code level} and {@code basis}. */
  public static final String VAR_GRADING = "grading";
  /** A level the reporter asked for: the case takes the graver of it and the table's. */
  public static final String VAR_PROPOSED_LEVEL = "proposedLevel";
  public static final String VAR_LEVEL_REQUESTED = "levelRequested";
  public static final String VAR_LEVEL_REASON = "levelReason";
  public static final String VAR_LEVEL_CHANGED_BY = "levelChangedBy";
  /** The report as JSON, read once when the response is activated. */
  public static final String VAR_REPORT = "incidentReport";
  public static final String VAR_REPORTED_BY = "reportedBy";
  /** Inputs of the grading table. */
  public static final String VAR_DEAD_OR_MISSING = "deadOrMissing";
  public static final String VAR_INJURED = "injured";
  public static final String VAR_AFFECTED = "affected";
  public static final String VAR_LOSS = "directLoss";

  /** Decisions the steps offer. */
  public static final String ARRIVE = "arrive";
  public static final String FALSE_ALARM = "falseAlarm";
  public static final String FIRST_REPORT = "firstReport";
  public static final String PROGRESS_REPORT = "progressReport";
  public static final String ALL_CLEAR = "allClear";
  public static final String LIFT = "lift";
  public static final String INCIDENT = "incident";
  public static final String REVIEW = "review";
}
