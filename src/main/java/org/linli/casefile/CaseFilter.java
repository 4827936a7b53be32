package org.linli.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.linli.organization.Scope;
import org.linli.system.InvalidInputException;

/**
 * Which cases to list: always within a scope; the rest narrows it.
 *
 * @param text a case number or words of the title; the list then shows the newest cases first
 * @param caseIds only these cases (for example those a resident's phone number finds)
 * @param everOverdue only cases that ever ran late (true) or never did (false); null for both
 * @param departmentCode only cases handled by this department
 * @param dated only cases opened, closed, or with an event of a type, within a time range
 * @param opened only cases opened after one instant and no later than another (the supervision
 *     centre's ageing buckets: to the instant, the cases its counts were taken over)
 */
public record CaseFilter(
    Scope scope,
    CaseStatus status,
    String kind,
    String categoryCode,
    String divisionCode,
    Instant dueBefore,
    DeadlineState deadlineState,
    Boolean urged,
    String text,
    Set<Long> caseIds,
    Boolean everOverdue,
    String departmentCode,
    Dated dated,
    Opened opened) {

  /**
   * Opened after {@code after} (excluded) and no later than {@code by} (included), either open. The
   * bounds are kept to the instant, not to days: a count taken over the same instants lists the same
   * cases.
   */
  public record Opened(Instant after, Instant by) {

    /** The window, or null when neither bound is given; one that closes before it opens is refused (400). */
    public static Opened of(Instant after, Instant by) {
      if (after != null && by != null && by.isBefore(after)) {
        throw new InvalidInputException("openedBy", "受理时间范围有误 openedBy is before openedAfter");
      }
      return after == null && by == null ? null : new Opened(after, by);
    }
  }

  /**
   * What happened to a case from {@code from} (included) to {@code to} (excluded), either bound
   * open: {@code CREATED} is its opening, {@code CLOSED} its closing (or cancelling: narrow by
   * status), any other type an event of that type on its timeline.
   */
  public record Dated(CaseEventType type, Instant from, Instant to) {

    public Dated {
      if (type == null) {
        throw new IllegalArgumentException("a dated filter needs an event type");
      }
    }

    /**
     * The days from {@code from} to {@code to}, both included, in the zone: either may be null. A range
     * that ends before it starts is refused (400), not listed as empty: it is a mistake to correct.
     */
    public static Dated days(CaseEventType type, LocalDate from, LocalDate to, ZoneId zone) {
      if (from != null && to != null && to.isBefore(from)) {
        throw new InvalidInputException("to", "结束日期早于开始日期 the period ends before it starts");
      }
      return new Dated(type, from == null ? null : from.atStartOfDay(zone).toInstant(),
          to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
    }
  }

  public CaseFilter(Scope scope, CaseStatus status, String kind, String categoryCode, String divisionCode, Instant dueBefore,
      DeadlineState deadlineState, Boolean urged) {
    this(scope, status, kind, categoryCode, divisionCode, dueBefore, deadlineState, urged, null, null, null, null, null, null);
  }

  public CaseFilter(Scope scope, CaseStatus status, String kind, String categoryCode, String divisionCode, Instant dueBefore,
      DeadlineState deadlineState, Boolean urged, String text, Set<Long> caseIds) {
    this(scope, status, kind, categoryCode, divisionCode, dueBefore, deadlineState, urged, text, caseIds, null, null, null, null);
  }

  public CaseFilter withEverOverdue(Boolean ever) {
    return new CaseFilter(scope, status, kind, categoryCode, divisionCode, dueBefore, deadlineState, urged, text, caseIds, ever,
        departmentCode, dated, opened);
  }

  public CaseFilter withDepartment(String department) {
    return new CaseFilter(scope, status, kind, categoryCode, divisionCode, dueBefore, deadlineState, urged, text, caseIds,
        everOverdue, department, dated, opened);
  }

  public CaseFilter withDated(Dated d) {
    return new CaseFilter(scope, status, kind, categoryCode, divisionCode, dueBefore, deadlineState, urged, text, caseIds,
        everOverdue, departmentCode, d, opened);
  }

  public CaseFilter withOpened(Opened o) {
    return new CaseFilter(scope, status, kind, categoryCode, divisionCode, dueBefore, deadlineState, urged, text, caseIds,
        everOverdue, departmentCode, dated, o);
  }

  /** The same filter in another scope, finding by text or among some cases instead. */
  public CaseFilter searching(Scope in, String words, Set<Long> ids) {
    return new CaseFilter(in, status, kind, categoryCode, divisionCode, dueBefore, deadlineState, urged, words, ids, everOverdue,
        departmentCode, dated, opened);
  }

  /** A search, or a list of what happened in a time range: the newest first, whatever its status. */
  public boolean isSearch() {
    return (text != null && !text.isBlank()) || caseIds != null || dated != null;
  }
}
