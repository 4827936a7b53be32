package org.linli.assistance.payment;

/**
 * Names in bpmn/assistance-recheck.bpmn used from Java. A re-check is a case of its own (kind
 * {@value #KIND}, numbers {@code FC2026-000001}) in the household's village: it calls
 * {@code verification-approval} (village, township, civil affairs; approve or reject) and then applies
 * the outcome to the entitlement.
 */
public final class RecheckProcess {

  private RecheckProcess() {}

  public static final String KEY = "assistance-recheck";
  public static final String KIND = "RECHECK";
  public static final String NUMBER_PREFIX = "FC";

  public static final String TASK_APPROVAL = "Task_Recheck";
  public static final String TASK_APPLY = "Task_ApplyOutcome";

  /**
   * Form field of a review: the monthly amount from the next month on, when the re-check changes it
   * (absent or equal keeps the amount). Recorded on the entitlement; the last reviewer who sets one
   * decides it.
   */
  public static final String VAR_AMOUNT = "recheckAmount";
}
