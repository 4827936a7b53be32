package org.linli.casefile;

import java.time.Instant;

/** An open step of a case, with the case fields a task list shows. */
public record CaseTask(
    String taskId,
    String activityId,
    String name,
    String candidateGroup,
    String assignee,
    Instant createdAt,
    Instant dueAt,
    long caseId,
    String caseNumber,
    String kind,
    String title,
    String categoryCode,
    String divisionCode,
    String departmentCode,
    String processInstanceId,
    Instant warnAt,
    /** The case's priority (NORMAL, URGENT), its latest urging and when it was opened: for the task list. */
    String priority,
    Instant urgedAt,
    Instant caseOpenedAt,
    /** One user the model offers the step to by name, beside its group (or null). */
    String candidateUser) {

  /**
   * Whether the step is the user's to act on: a member of its group, or the one user it is offered
   * to by name; a step of no group only to its assignee. The one rule for pages, API and engine.
   */
  public boolean isFor(org.linli.security.LinliUser user) {
    if (candidateGroup == null && candidateUser == null) {
      return user.username().equals(assignee);
    }
    return user.inGroup(candidateGroup) || user.username().equals(candidateUser);
  }

  public boolean isUrgent() {
    return "URGENT".equals(priority);
  }

  public boolean isOverdue(Instant now) {
    return dueAt != null && dueAt.isBefore(now);
  }

  public DeadlineState deadlineState(Instant now) {
    return DeadlineState.at(now, warnAt, dueAt);
  }
}
