package org.linli.casefile;

import java.time.Instant;

/** Published in the engine's transaction when a user task of a case is created. */
public record CaseTaskOpened(
    long caseId,
    String caseNumber,
    String title,
    String taskId,
    String activityId,
    String stepName,
    String candidateGroup,
    String assignee,
    String divisionCode,
    Instant openedAt,
    Instant warnAt,
    Instant dueAt) {}
