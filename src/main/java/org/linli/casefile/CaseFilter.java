package org.linli.casefile;

import java.time.Instant;
import java.util.Set;
import org.linli.organization.Scope;

/**
 * Which cases to list: always within a scope; the rest narrows it.
 *
 * @param text a case number or words of the title; the list then shows the newest cases first
 * @param caseIds only these cases (for example those a resident's phone number finds)
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
    /** Only cases that ever ran late (true) or never did (false); null for both. */
    Boolean everOverdue) {

  public CaseFilter(Scope scope, CaseStatus status, String kind, String categoryCode, String divisionCode, Instant dueBefore,
      DeadlineState deadlineState, Boolean urged) {
    this(scope, status, kind, categoryCode, divisionCode, dueBefore, deadlineState, urged, null, null, null);
  }

  public CaseFilter(Scope scope, CaseStatus status, String kind, String categoryCode, String divisionCode, Instant dueBefore,
      DeadlineState deadlineState, Boolean urged, String text, Set<Long> caseIds) {
    this(scope, status, kind, categoryCode, divisionCode, dueBefore, deadlineState, urged, text, caseIds, null);
  }

  public CaseFilter withEverOverdue(Boolean ever) {
    return new CaseFilter(scope, status, kind, categoryCode, divisionCode, dueBefore, deadlineState, urged, text, caseIds, ever);
  }

  /** A search: the newest first, whatever its status. */
  public boolean isSearch() {
    return (text != null && !text.isBlank()) || caseIds != null;
  }
}
