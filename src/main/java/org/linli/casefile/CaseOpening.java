package org.linli.casefile;

import java.time.Instant;

/**
 * What Linli records of a case before its process starts ({@link CaseFiles#open}): its place,
 * owner facts, deadlines and the inputs of its time-limit table. These, not process variables, are
 * what steps read later.
 *
 * @param kind the case kind (see {@link CaseKindDefinition})
 * @param divisionCode the village, township or county the case is about
 * @param title what lists show
 * @param categoryCode the category (a request's catalogue entry, an assistance programme, an incident type)
 * @param categoryType the category's type as the time-limit table reads it (HELP, COMPLAINT, …), or null
 * @param departmentCode the county department handling the case, or null
 * @param priority NORMAL or URGENT
 * @param caseDue when the whole case is due, or null
 * @param caseWarnAt when the whole case turns yellow, or null
 * @param timeLimits the id of the time-limit decision the case pins, or null for none
 * @param severity a graded kind's grade as the time-limit table reads it (an emergency's level), or null
 */
public record CaseOpening(
    String kind,
    String divisionCode,
    String title,
    String categoryCode,
    String categoryType,
    String departmentCode,
    String priority,
    Instant caseDue,
    Instant caseWarnAt,
    String timeLimits,
    String severity) {

  public CaseOpening {
    priority = priority == null ? "NORMAL" : priority;
  }

  public static CaseOpening of(String kind, String divisionCode, String title) {
    return new CaseOpening(kind, divisionCode, title, null, null, null, null, null, null, null, null);
  }

  public CaseOpening category(String code, String type) {
    return new CaseOpening(kind, divisionCode, title, code, type, departmentCode, priority, caseDue, caseWarnAt, timeLimits, severity);
  }

  public CaseOpening department(String code) {
    return new CaseOpening(kind, divisionCode, title, categoryCode, categoryType, code, priority, caseDue, caseWarnAt, timeLimits, severity);
  }

  public CaseOpening priority(String p) {
    return new CaseOpening(kind, divisionCode, title, categoryCode, categoryType, departmentCode, p, caseDue, caseWarnAt, timeLimits, severity);
  }

  public CaseOpening due(Instant due, Instant warnAt) {
    return new CaseOpening(kind, divisionCode, title, categoryCode, categoryType, departmentCode, priority, due, warnAt, timeLimits, severity);
  }

  public CaseOpening timeLimits(String decisionId) {
    return new CaseOpening(kind, divisionCode, title, categoryCode, categoryType, departmentCode, priority, caseDue, caseWarnAt, decisionId, severity);
  }

  public CaseOpening severity(String s) {
    return new CaseOpening(kind, divisionCode, title, categoryCode, categoryType, departmentCode, priority, caseDue, caseWarnAt, timeLimits, s);
  }
}
