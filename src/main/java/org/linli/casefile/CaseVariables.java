package org.linli.casefile;

/** Process variables the case record reads; every case process sets them. */
public final class CaseVariables {

  private CaseVariables() {}

  /** The village or community the case is about. */
  public static final String DIVISION_CODE = "divisionCode";
  /** The county department handling the case, once dispatched. */
  public static final String DEPARTMENT_CODE = "departmentCode";
  public static final String CATEGORY_CODE = "categoryCode";
  public static final String TITLE = "title";
  /** java.util.Date: when the whole case is due. */
  public static final String CASE_DUE = "caseDue";
  /** The outcome a step was completed with, such as {@code sign} or {@code dispatch}. */
  public static final String DECISION = "decision";
  /** Free text that goes with a decision: a reason, a reply, a note. */
  public static final String COMMENT = "comment";
  public static final String RATING = "rating";
  /** NORMAL or URGENT. */
  public static final String PRIORITY = "priority";
  /** java.util.Date: when the whole case turns yellow. */
  public static final String CASE_WARN_AT = "caseWarnAt";
  /** java.util.Date, local to a user task: when the step turns yellow (see the deadlines bean). */
  public static final String STEP_WARN_AT = "stepWarnAt";
  /** A user task's own due time, set by its input mappings on the task's scope. */
  public static final String STEP_DUE = "stepDue";
}
