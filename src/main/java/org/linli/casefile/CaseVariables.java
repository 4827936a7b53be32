package org.linli.casefile;

/**
 * Process variables that steer a case's gateways and step forms within one transaction: what a step
 * decided, and a step's own due and warning times. Facts that outlive a transaction (place, owner,
 * deadlines, money) are the case record's and the features' tables', never variables: see the
 * trust boundary in docs/design.md.
 */
public final class CaseVariables {

  private CaseVariables() {}

  /** The outcome a step was completed with, such as {@code sign} or {@code dispatch}. */
  public static final String DECISION = "decision";
  /** Free text that goes with a decision: a reason, a reply, a note. */
  public static final String COMMENT = "comment";
  public static final String RATING = "rating";
  /** The subtype of an emergency, an input of its grading table. */
  public static final String CATEGORY_CODE = "categoryCode";
  /** java.util.Date, local to a user task: when the step turns yellow (see the deadlines bean). */
  public static final String STEP_WARN_AT = "stepWarnAt";
  /** A user task's own due time, set by its input mappings on the task's scope. */
  public static final String STEP_DUE = "stepDue";
}
