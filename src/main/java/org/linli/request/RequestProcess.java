package org.linli.request;

/** Names in bpmn/resident-request.bpmn used from Java. */
public final class RequestProcess {

  private RequestProcess() {}

  public static final String KEY = "resident-request";
  public static final String KIND = "REQUEST";
  public static final String NUMBER_PREFIX = "MH";

  public static final String TASK_SIGN = "Task_SignRequest";
  public static final String TASK_DISPATCH = "Task_DispatchRequest";
  public static final String TASK_HANDLE = "Task_HandleRequest";
  public static final String TASK_REVIEW_EXTENSION = "Task_ReviewExtension";
  public static final String TASK_PUBLISH_REPLY = "Task_PublishReply";
  public static final String TASK_CALLBACK = "Task_Callback";
  public static final String TASK_SUPERVISOR_DECISION = "Task_SupervisorDecision";
  public static final String END_CLOSED = "EndEvent_Closed";
  public static final String END_CLOSED_BY_SUPERVISOR = "EndEvent_ClosedBySupervisor";
  public static final String TIMER_SIGN_OVERDUE = "Timer_SignOverdue";

  /** The reply a step gives, for the publishing step right after it. */
  public static final String VAR_REPLY = "reply";

  public static final int MAX_REOPENS = 2;

  public static final String PRIORITY_NORMAL = "NORMAL";
  public static final String PRIORITY_URGENT = "URGENT";

  /** Decisions the steps offer. */
  public static final String SIGN = "sign";
  public static final String RETURN = "return";
  public static final String HANDLE = "handle";
  public static final String DISPATCH = "dispatch";
  public static final String ASSIGN = "assign";
  public static final String REPLY = "reply";
  public static final String ESCALATE = "escalate";
  public static final String EXTEND = "extend";
  public static final String GRANT = "grant";
  public static final String REFUSE = "refuse";
  public static final String RATE = "rate";
  public static final String CLOSE = "close";
  public static final String REDO = "redo";
}
