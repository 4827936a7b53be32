package org.linli.casefile;

import java.time.Instant;

/** One entry of a case's timeline. */
public record CaseEvent(
    long id,
    CaseEventType type,
    String step,
    String stepName,
    String actor,
    String actorGroup,
    String decision,
    String note,
    Instant occurredAt) {}
