package org.linli.casefile;

/** An open step was given to another candidate group by its process (in the engine's transaction). */
public record CaseTaskRegrouped(long caseId, String taskId, String candidateGroup) {}
