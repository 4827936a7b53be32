package org.linli.alert;

import java.time.Instant;
import org.linli.emergency.IncidentAlert;
import org.linli.emergency.IncidentLevel;

/**
 * One stored CAP alert without its document.
 *
 * @param identifier CAP {@code identifier}, e.g. {@code linli.330106.YJ2026-000001.2}
 * @param seq 1, 2, 3 … within the case
 * @param msgType {@code Alert}, {@code Update} or {@code Cancel}
 * @param status {@code Actual} or {@code Exercise} (a drill)
 * @param scope {@code Public}, or for drills {@code Private} / {@code Restricted}
 * @param sentText CAP {@code sent} as written, e.g. {@code 2026-07-01T10:00:00+08:00}
 * @param references CAP {@code references}, or null for a first alert
 */
public record AlertSummary(
    String identifier,
    long caseId,
    String caseNumber,
    int seq,
    String msgType,
    String status,
    String scope,
    IncidentAlert.Change change,
    IncidentAlert.Phase phase,
    IncidentLevel level,
    String divisionCode,
    String headline,
    Instant sent,
    String sentText,
    String references) {

  public boolean drill() {
    return "Exercise".equals(status);
  }
}
