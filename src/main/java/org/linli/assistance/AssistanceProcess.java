package org.linli.assistance;

/** Names in bpmn/assistance-application.bpmn used from Java. */
public final class AssistanceProcess {

  private AssistanceProcess() {}

  public static final String KEY = "assistance-application";
  public static final String KIND = "ASSISTANCE";
  public static final String NUMBER_PREFIX = "JZ";
  public static final String ELIGIBILITY_DECISION = "assistance-eligibility";

  public static final String TASK_URGENT_GRANT = "Task_UrgentGrant";
  public static final String TASK_OPEN_URGENT = "Task_OpenUrgentEntitlement";
  public static final String TASK_ACCEPT = "Task_Accept";
  public static final String TASK_COMPLETE_MATERIALS = "Task_CompleteMaterials";
  public static final String TASK_VERIFY = "Task_Verify";
  public static final String TASK_HOME_VISIT = "Task_HomeVisit";
  public static final String TASK_ELIGIBILITY = "Task_Eligibility";
  public static final String TASK_APPROVE = "Task_Approve";
  public static final String TASK_OPEN_ENTITLEMENT = "Task_OpenEntitlement";
  public static final String TASK_NOTIFY_APPROVED = "Task_NotifyApproved";
  public static final String TASK_NOTIFY_REJECTED = "Task_NotifyRejected";
  public static final String TIMER_NOTICE = "Timer_NoticePeriod";
  public static final String GATEWAY_NOTICE = "Gateway_Notice";
  public static final String END_APPROVED = "EndEvent_Approved";
  /** Every refusal ends here: not accepted, not eligible, or rejected at an approval level. */
  public static final String END_REJECTED = "EndEvent_Rejected";

  /** Message: an objection during the public notice (公示) sends the file back to verification. */
  public static final String MESSAGE_OBJECTION = "Message_Objection";

  /** Step keys of the time-limit table that are not activities. */
  public static final String LIMIT_CASE = "case";
  public static final String LIMIT_APPROVAL_TOWNSHIP = "approval-township";
  public static final String LIMIT_APPROVAL_DEPARTMENT = "approval-department";

  /** Start variable for the start gateway: urgent temporary assistance (先行救助), LINSHI only. */
  public static final String VAR_URGENT = "urgent";
  /**
   * Set by the eligibility step for the gateway and notice right after it, in its transaction; the
   * outcome itself is recorded in assistance_assessment, which the entitlement reads.
   */
  public static final String VAR_ELIGIBLE = "eligible";
  public static final String VAR_ELIGIBILITY_REASON = "eligibilityReason";
  public static final String VAR_OBJECTION = "objection";
  public static final String VAR_HOME_VISIT = "homeVisit";

  /** Inputs of assistance-eligibility, from the recorded verification, the standard and the application. */
  public static final String IN_PER_CAPITA_INCOME = "perCapitaIncome";
  public static final String IN_STANDARD = "standard";
  public static final String IN_SAVINGS_PER_CAPITA = "savingsPerCapita";
  public static final String IN_SAVINGS_LIMIT = "savingsLimit";
  public static final String IN_VEHICLE_VALUE = "vehicleValue";
  public static final String IN_VEHICLE_LIMIT = "vehicleLimit";
  public static final String IN_DWELLINGS = "dwellings";
  public static final String IN_MAX_DWELLINGS = "maxDwellings";
  public static final String IN_HOUSEHOLD_SIZE = "householdSize";
  /** Boolean: the applicant is 60 or older, under 16 or severely disabled. */
  public static final String IN_TEKUN_GROUP = "tekunGroup";
  public static final String IN_SUPPORT_STANDARD = "supportStandard";
  public static final String IN_ONE_OFF_AMOUNT = "oneOffAmount";

  /** Decisions the steps offer. */
  public static final String ACCEPT = "accept";
  public static final String RETURN = "return";
  /** Task_Accept: not accepted (不予受理); a reason is required and the applicant is told. */
  public static final String REJECT = "reject";
  public static final String RESUBMIT = "resubmit";
  public static final String VISIT = "visit";
  public static final String RELIEVE = "relieve";
  public static final String DECLINE = "decline";

  /** Who decided a refusal, as the notice and the timeline name it. */
  public static final String LEVEL_ACCEPTANCE = "乡镇受理 Township acceptance";
  public static final String LEVEL_ELIGIBILITY = "资格评定 Eligibility assessment";
  /** The approval levels (verification-approval's level names, in order). */
  public static final String LEVEL_TOWNSHIP_REVIEW = "乡镇审核 Township review";
  public static final String LEVEL_DEPARTMENT_APPROVAL = "民政局审批 Civil affairs approval";

  /** Days within which a refused applicant may ask for administrative reconsideration. */
  public static final int RECONSIDERATION_DAYS = 60;
}
