package org.linli.tasklist;

import java.time.Instant;
import org.linli.casefile.DeadlineState;

/**
 * What a task list shows: a queue, narrowed by kind, category, step, division, due time or a search
 * ({@code q}: a case number, a resident's phone number or words of the title).
 */
public record TaskQuery(
    TaskActions.Queue queue,
    String kind,
    String category,
    String step,
    String division,
    String q,
    Instant dueBefore,
    boolean overdue,
    boolean latestDueFirst,
    DeadlineState state,
    int page,
    int size) {

  public TaskQuery {
    if (queue == null) {
      queue = TaskActions.Queue.MINE;
    }
    page = Math.max(0, page);
    size = size < 1 ? 20 : Math.min(size, 200);
  }
}
