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

  /** Input: the entitlement re-checked. */
  public static final String VAR_ENTITLEMENT_ID = "entitlementId";
  /** Input: the number of the case that opened the entitlement. */
  public static final String VAR_ASSISTANCE_CASE = "assistanceCaseNumber";
  /**
   * Set by a reviewer (the last level's decides): the monthly amount from the next month on, when the
   * re-check changes it; absent or equal keeps the amount.
   */
  public static final String VAR_AMOUNT = "recheckAmount";
}
