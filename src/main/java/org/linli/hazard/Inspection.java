package org.linli.hazard;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One inspection case of a hazard point.
 *
 * @param finding {@code safe}, {@code warning} or {@code incident}; {@code cancelled} when the case was
 *     cancelled before an inspection; null while open
 * @param emergencyCaseNumber the emergency case a warning or incident opened
 */
public record Inspection(
    long caseId, long hazardPointId, LocalDate dueOn, String finding, String emergencyCaseNumber, String inspectedBy,
    Instant inspectedAt) {}
