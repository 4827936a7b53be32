package org.linli.approval;

import java.util.List;

/**
 * Names in bpmn/verification-approval.bpmn used from Java, and the contract with a calling process.
 *
 * <h2>Calling it</h2>
 *
 * A case process calls {@value #KEY} with a call activity. The called instance belongs to the
 * caller's case (its tasks appear on the case, its decisions on the case's timeline), so it needs
 * the case's variables: pass them all, and the business key, for example
 *
 * <pre>{@code
 * <bpmn:callActivity id="Task_Approve" calledElement="verification-approval">
 *   <bpmn:extensionElements>
 *     <camunda:in variables="all" />
 *     <camunda:in businessKey="#{execution.processBusinessKey}" />
 *     <camunda:out source="approvalOutcome" target="approvalOutcome" />
 *     <camunda:out source="approvalLevel" target="approvalLevel" />
 *     <camunda:out source="approvalReasons" target="approvalReasons" />
 *     <camunda:out source="approvalMissing" target="approvalMissing" />
 *   </bpmn:extensionElements>
 * </bpmn:callActivity>
 * }</pre>
 *
 * <h2>Inputs</h2>
 *
 * <ul>
 *   <li>{@value #VAR_LEVELS}: a JSON array of levels, in order (build it with {@link
 *       ApprovalLevel#toJson(List)}); see {@link ApprovalLevel} for the fields. The approval records
 *       them when it starts, and its path follows that record: compute them in the call's own
 *       transaction (an in-mapping with a {@code sourceExpression} of a bean, or start variables of
 *       a process whose first step is the call), never from a variable set earlier;
 *   <li>the case's place (and department, where a level names none), from the case record, from
 *       which each level's candidate group is built through {@code Routing};
 *   <li>for levels whose time limit is a step key: the time-limit table the case pinned and its inputs,
 *       from the case record (see {@code org.linli.deadline.TimeLimits}).
 * </ul>
 *
 * <h2>Outputs</h2>
 *
 * <ul>
 *   <li>{@value #VAR_OUTCOME}: {@link Outcome} {@code APPROVED}, {@code REJECTED} or {@code RETURNED};
 *   <li>{@value #VAR_LEVEL}: the name of the level that decided (the last one when approved);
 *   <li>{@value #VAR_REASONS}: the deciding reviewer's comment (the reason of a rejection or return);
 *   <li>{@value #VAR_MISSING}: what must be supplied, when returned.
 * </ul>
 *
 * <h2>Returned for correction (退回补正)</h2>
 *
 * {@code RETURNED} ends the approval: the caller sends the file back to whoever supplies the
 * missing documents and, once they are in, calls {@value #KEY} again from the first level. Nothing
 * of an earlier round carries over into the new call.
 */
public final class ApprovalProcess {

  private ApprovalProcess() {}

  public static final String KEY = "verification-approval";

  public static final String TASK_OPEN_LEVEL = "Task_OpenLevel";
  public static final String TASK_REVIEW = "Task_Review";
  public static final String TIMER_REVIEW_WARNING = "Timer_ReviewWarning";
  public static final String TIMER_REVIEW_OVERDUE = "Timer_ReviewOverdue";
  public static final String END_APPROVED = "EndEvent_Approved";
  public static final String END_REJECTED = "EndEvent_Rejected";
  public static final String END_RETURNED = "EndEvent_Returned";

  /** Input: the levels, a JSON array (see {@link ApprovalLevel}). */
  public static final String VAR_LEVELS = "approvalLevels";

  /** Output: {@link Outcome}'s name. */
  public static final String VAR_OUTCOME = "approvalOutcome";
  /** Output: the deciding level's name. */
  public static final String VAR_LEVEL = "approvalLevel";
  /** Output: the deciding reviewer's reasons. */
  public static final String VAR_REASONS = "approvalReasons";
  /** Output: what is missing, when returned for correction. */
  public static final String VAR_MISSING = "approvalMissing";

  /**
   * The current level's name, group, reviewers and due times, set by {@value #TASK_OPEN_LEVEL} for the
   * review step and its timers created in the same transaction. The round's path (its levels, the
   * level reached, who decided) is the approval_round record's, never these variables'.
   */
  public static final String VAR_LEVEL_NAME = "approvalLevelName";
  /**
   * The level's name in each language, for the review step's name: "审核：民政局审批 Review: Civil affairs
   * approval", or "审核：村级初审 Review" for a level named in Chinese only ({@code En} is then empty).
   */
  public static final String VAR_LEVEL_NAME_ZH = "approvalLevelNameZh";
  public static final String VAR_LEVEL_NAME_EN = "approvalLevelNameEn";
  public static final String VAR_GROUP = "approvalGroup";
  public static final String VAR_REVIEWERS = "approvalReviewers";
  public static final String VAR_DUE = "approvalDue";
  public static final String VAR_WARN_AT = "approvalWarnAt";
  /** The reviewer's own comment (the timeline's note carries the decision in words too). */
  public static final String VAR_COMMENT = "approvalComment";

  /** Decisions a review offers. */
  public static final String APPROVE = "approve";
  public static final String RETURN = "return";
  public static final String REJECT = "reject";
  public static final List<String> ALL_DECISIONS = List.of(APPROVE, RETURN, REJECT);

  /** How an approval ends. */
  public enum Outcome {
    /** Every level approved. */
    APPROVED,
    /** A level rejected: the application is refused. */
    REJECTED,
    /** A level returned the file for correction: the caller collects what is missing and calls again. */
    RETURNED
  }
}
