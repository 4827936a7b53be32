package org.linli.supervision;

import java.util.List;

/**
 * Published in the urging transaction: a supervisor urged (督办) a case; its current owners are
 * the candidate groups and assignees of its open steps.
 */
public record CaseUrged(
    long caseId,
    String caseNumber,
    String title,
    String divisionCode,
    String urgedBy,
    String urgedByName,
    String note,
    List<String> ownerGroups,
    List<String> ownerUsers,
    String stepName,
    java.time.Instant stepDue) {}
