package org.linli.casefile;

/**
 * The inputs a case's steps give its time-limit table, as the case record holds them: the pinned
 * decision and what it is asked about, besides the step.
 *
 * @param decisionId the time-limit decision the case pinned when it opened, or null
 */
public record CaseLimits(String decisionId, String kind, String categoryCode, String categoryType, String priority,
    String severity) {}
