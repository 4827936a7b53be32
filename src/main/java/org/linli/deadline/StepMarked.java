package org.linli.deadline;

import java.time.Instant;

/**
 * Published in the marking transaction, once per step and mark: the step turned yellow
 * (REMINDER), passed its due time (OVERDUE) or was moved up a level because of it (ESCALATION,
 * with the group that takes it over).
 */
public record StepMarked(
    Mark mark,
    long caseId,
    String caseNumber,
    String title,
    String taskId,
    String activityId,
    String stepName,
    String candidateGroup,
    String assignee,
    String divisionCode,
    Instant dueAt,
    String escalatedTo) {

  public enum Mark {
    REMINDER,
    OVERDUE,
    ESCALATION
  }
}
