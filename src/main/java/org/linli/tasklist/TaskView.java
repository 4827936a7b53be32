package org.linli.tasklist;

import java.time.Instant;
import java.util.List;
import org.linli.casefile.CaseTask;
import org.linli.casefile.DeadlineState;

/** A task as the API shows it. */
public record TaskView(
    String id,
    String step,
    String name,
    String candidateGroup,
    String assignee,
    Instant createdAt,
    Instant warnAt,
    Instant dueAt,
    boolean overdue,
    DeadlineState deadlineState,
    String caseNumber,
    String kind,
    String title,
    String categoryCode,
    String divisionCode,
    String departmentCode,
    List<String> decisions,
    boolean urgent,
    Instant urgedAt,
    Instant caseOpenedAt,
    /** One user the step is offered to by name, beside its group (or null). */
    String candidateUser) {

  static TaskView of(CaseTask t, Instant now, List<String> decisions) {
    return new TaskView(t.taskId(), t.activityId(), t.name(), t.candidateGroup(), t.assignee(), t.createdAt(),
        t.warnAt(), t.dueAt(), t.isOverdue(now), t.deadlineState(now), t.caseNumber(), t.kind(), t.title(), t.categoryCode(), t.divisionCode(),
        t.departmentCode(), decisions, t.isUrgent(), t.urgedAt(), t.caseOpenedAt(), t.candidateUser());
  }

  /**
   * Whether the user may take the step now: unclaimed and of their group. A user it is offered to
   * by name acts on it without taking it, so the group can always still act.
   */
  public boolean claimableBy(org.linli.security.LinliUser user) {
    return assignee == null && user.inGroup(candidateGroup);
  }
}
