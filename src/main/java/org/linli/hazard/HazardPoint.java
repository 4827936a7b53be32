package org.linli.hazard;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A registered hazard point (隐患点) and its inspection cycle.
 *
 * @param divisionCode the village or community it lies in; its grid workers inspect it
 * @param cycleDays days between inspections, 1 to 365
 * @param nextInspectionOn the day the next inspection is due (in the calendar's zone)
 * @param openInspection the process instance of the inspection under way, or null
 */
public record HazardPoint(
    long id,
    String name,
    String divisionCode,
    String location,
    Double latitude,
    Double longitude,
    HazardType hazardType,
    int cycleDays,
    LocalDate nextInspectionOn,
    boolean active,
    String openInspection,
    String createdBy,
    Instant createdAt) {}
