package org.linli.casefile;

import java.time.Instant;
import java.util.Set;

/**
 * Which open tasks to list.
 *
 * @param assignee tasks assigned to this user (the "mine" queue)
 * @param unassignedInGroups unclaimed tasks of these candidate groups (the "group" queue)
 * @param dueBefore due strictly before this moment; {@code overdue} sets it to now
 * @param latestDueFirst sort by due time descending instead of ascending
 */
public record TaskFilter(
    String assignee,
    Set<String> unassignedInGroups,
    String kind,
    String categoryCode,
    String activityId,
    Instant dueBefore,
    boolean latestDueFirst) {}
