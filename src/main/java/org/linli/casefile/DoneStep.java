package org.linli.casefile;

import java.time.Instant;

/**
 * A step a user completed (已办), with the case it belongs to as the case stands now.
 *
 * @param eventId the timeline entry that recorded the completion
 * @param step the step's activity id
 * @param stepName the step's name
 * @param decision what the step decided
 * @param completedAt when it was completed
 * @param caseStatus the case's status now: open, closed or cancelled
 * @param currentStepName the case's open step now, or null when none is open
 */
public record DoneStep(
    long eventId,
    long caseId,
    String caseNumber,
    String kind,
    String title,
    String categoryCode,
    String divisionCode,
    String step,
    String stepName,
    String decision,
    Instant completedAt,
    CaseStatus caseStatus,
    String currentStepName) {}
