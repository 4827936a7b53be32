package org.linli.casefile;

import java.time.Instant;

/**
 * Published in the engine's transaction when an open task's due date is moved by hand, with the
 * warning and due times it had before and has now.
 */
public record CaseTaskDueChanged(
    long caseId, String taskId, String executionId, Instant previousWarnAt, Instant previousDueAt, Instant warnAt, Instant dueAt) {}
