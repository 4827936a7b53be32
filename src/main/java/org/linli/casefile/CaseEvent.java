package org.linli.casefile;

import java.time.Instant;

/**
 * One entry of a case's timeline. {@code note} is as written (a person's words, in their language);
 * where Linli wrote it, {@code note} is the Chinese and {@code noteEn} the English.
 */
public record CaseEvent(
    long id,
    CaseEventType type,
    String step,
    String stepName,
    String actor,
    String actorGroup,
    String decision,
    String note,
    String noteEn,
    Instant occurredAt) {}
