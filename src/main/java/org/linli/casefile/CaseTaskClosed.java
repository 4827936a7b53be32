package org.linli.casefile;

import java.time.Instant;

/** Published in the engine's transaction when a user task of a case is completed or cancelled. */
public record CaseTaskClosed(long caseId, String taskId, String activityId, boolean completed, Instant closedAt) {}
