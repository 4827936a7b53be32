package org.linli.casefile;

import java.time.Instant;
import java.util.Set;
import org.linli.organization.Scope;

/**
 * Which open tasks to list. Exactly one of {@code assignee}, {@code unassignedInGroups} and
 * {@code area} picks the queue; the rest narrows it.
 *
 * @param assignee tasks assigned to this user, or offered to them by name and not yet taken (the "mine" queue)
 * @param unassignedInGroups unclaimed tasks of these candidate groups (the "group" queue)
 * @param area every open task of the cases in this scope (the "area" queue)
 * @param divisionCode cases at or below this division
 * @param dueBefore due strictly before this moment; {@code overdue} sets it to now
 * @param text a case number or words of the title
 * @param caseIds only these cases (for example those a resident's phone number finds)
 * @param latestDueFirst sort by due time descending instead of ascending
 * @param state only steps of this colour at {@code stateAt}
 */
public record TaskFilter(
    String assignee,
    Set<String> unassignedInGroups,
    Scope area,
    String kind,
    String categoryCode,
    String activityId,
    String divisionCode,
    Instant dueBefore,
    String text,
    Set<Long> caseIds,
    boolean latestDueFirst,
    DeadlineState state,
    Instant stateAt) {

  public static TaskFilter mine(String username) {
    return new TaskFilter(username, null, null, null, null, null, null, null, null, null, false, null, null);
  }

  public static TaskFilter group(Set<String> groups) {
    return new TaskFilter(null, groups, null, null, null, null, null, null, null, null, false, null, null);
  }

  public static TaskFilter area(Scope scope) {
    return new TaskFilter(null, null, scope, null, null, null, null, null, null, null, false, null, null);
  }

  public TaskFilter narrowed(String kind, String categoryCode, String activityId, String divisionCode, Instant dueBefore,
      String text, Set<Long> caseIds, boolean latestDueFirst, DeadlineState state, Instant stateAt) {
    return new TaskFilter(assignee, unassignedInGroups, area, kind, categoryCode, activityId, divisionCode, dueBefore, text,
        caseIds, latestDueFirst, state, stateAt);
  }
}
