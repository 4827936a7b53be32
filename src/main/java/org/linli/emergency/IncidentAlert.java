package org.linli.emergency;

import java.time.Instant;
import java.util.Set;

/**
 * Published (a Spring application event, inside the business transaction) whenever a warning or an
 * incident is raised, changes level, is given the all-clear or is withdrawn. The alert feature
 * decides from it whether a CAP alert is due (level III and above, or a case that already has alerts)
 * and which alerts an update or cancellation references.
 *
 * <p>Listeners run synchronously in the publisher's transaction. The alert feature stores and mails
 * its CAP document there and throws {@code org.linli.alert.InvalidAlertException} if the
 * document fails the CAP 1.2 schema, so publish from inside the transaction that makes the change and
 * let that exception roll it back. {@code at} is the alert's {@code sent} (whole seconds are kept).
 *
 * @param caseId the case record's id
 * @param caseNumber {@code YJ2026-000001}
 * @param change what happened
 * @param phase a warning (hazard found, no harm yet) or an incident
 * @param type the incident class
 * @param subtype the sub-type code, e.g. {@code LANDSLIDE}, {@code PRODUCTION_SAFETY}
 * @param subtypeName its display name (Chinese first)
 * @param level the level now (for ALL_CLEAR and WITHDRAWN: the last level)
 * @param previousLevel the level before a LEVEL_CHANGED, else null
 * @param divisionCode the division the event is in
 * @param location address or description of the place
 * @param latitude WGS84 latitude, or null
 * @param longitude WGS84 longitude, or null
 * @param headline short text for people to read
 * @param description what happened
 * @param occurredAt when it happened (CAP onset)
 * @param at when this change happened (CAP sent)
 * @param drill a drill (预案演练): alerts carry status Exercise and mail goes to participants only
 * @param participants usernames of a drill's participants (empty for real events)
 */
public record IncidentAlert(
    long caseId,
    String caseNumber,
    Change change,
    Phase phase,
    IncidentType type,
    String subtype,
    String subtypeName,
    IncidentLevel level,
    IncidentLevel previousLevel,
    String divisionCode,
    String location,
    Double latitude,
    Double longitude,
    String headline,
    String description,
    Instant occurredAt,
    Instant at,
    boolean drill,
    Set<String> participants) {

  public enum Change {
    /** First graded. */
    RAISED,
    /** Level raised or lowered. */
    LEVEL_CHANGED,
    /** 解除: the emergency is over. */
    ALL_CLEAR,
    /** A false report or a warning that came to nothing: earlier alerts are cancelled. */
    WITHDRAWN
  }

  public enum Phase {
    WARNING,
    INCIDENT
  }
}
