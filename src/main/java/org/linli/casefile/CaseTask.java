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
    Instant caseOpenedAt) {

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
