package org.linli.emergency;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A report of a warning or an incident by a grid worker or any staff member. Checked field by field
 * by {@link EmergencyReports}.
 *
 * @param phase WARNING (a danger found, no harm yet) or INCIDENT; INCIDENT when left out
 * @param type the incident class
 * @param subtype within the type
 * @param divisionCode where: a village, township or the county
 * @param location address or description of the place
 * @param latitude WGS84, with longitude, optional
 * @param occurredAt when it happened (or the danger was found); not in the future
 * @param dead counted dead, 0 when none
 * @param injured seriously injured (including acute poisoning)
 * @param missing missing people
 * @param trapped people trapped
 * @param affected people affected (relocated, needing relief, or taken ill)
 * @param estimatedLoss estimated direct economic loss in CNY
 * @param proposedLevel a level the reporter judges it to be; the case takes the graver of it and
 *     the grading table's; for warnings the level of the warning
 * @param drill a drill (预案演练): same flow, alerts with status Exercise, mail to participants only
 * @param participants usernames of the drill's participants
 */
public record IncidentReport(
    IncidentReport.Phase phase,
    IncidentType type,
    IncidentSubtype subtype,
    String divisionCode,
    String location,
    Double latitude,
    Double longitude,
    Instant occurredAt,
    String description,
    Integer dead,
    Integer injured,
    Integer missing,
    Integer trapped,
    Integer affected,
    @Schema(description = "CNY") BigDecimal estimatedLoss,
    IncidentLevel proposedLevel,
    boolean drill,
    List<String> participants) {

  public enum Phase {
    WARNING,
    INCIDENT
  }

  public IncidentReport {
    phase = phase == null ? Phase.INCIDENT : phase;
    // blanks stay, for the check to name them
    participants = participants == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(participants));
  }

  /** Dead and missing together: the national grading counts missing people with the dead. */
  public int deadOrMissing() {
    return n(dead) + n(missing);
  }

  static int n(Integer i) {
    return i == null ? 0 : i;
  }
}
