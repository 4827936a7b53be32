package org.linli.alert;

import java.time.Instant;
import org.linli.emergency.IncidentLevel;

/**
 * Mail of the alerts of an area to one address: alerts in the division or below it, of
 * {@code minLevel} or graver (min III gets III, II and I).
 */
public record AlertSubscription(
    long id,
    String email,
    String displayName,
    String divisionCode,
    IncidentLevel minLevel,
    String createdBy,
    Instant createdAt,
    boolean active,
    String endedBy,
    Instant endedAt) {

  /** Whether an alert of this level in this division reaches this subscription. */
  public boolean matches(String alertDivisionCode, IncidentLevel level) {
    return active && alertDivisionCode != null && alertDivisionCode.startsWith(divisionCode) && level.atLeast(minLevel);
  }
}
