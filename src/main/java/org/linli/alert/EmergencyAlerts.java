package org.linli.alert;

import java.time.Instant;
import java.util.List;
import org.linli.alert.internal.AlertRepository;
import org.linli.organization.DivisionLevel;
import org.linli.organization.Scope;
import org.linli.system.NotFoundException;
import org.springframework.stereotype.Service;
import org.linli.system.TypedFields;

/**
 * Reads the stored CAP alerts. Staff see the alerts of their area: their divisions and everything
 * below them; county department officers those of their county (levels III and above call in the
 * county's departments). Alerts of other areas answer 404, as cases do. The public sees Actual
 * alerts only, never drills.
 */
@Service
public class EmergencyAlerts {

  public static final int MAX_LIST = 500;

  private final AlertRepository alerts;

  EmergencyAlerts(AlertRepository alerts) {
    this.alerts = alerts;
  }

  /** Newest first; {@code caseNumber} and {@code since} (sent at or after) are optional. */
  public List<AlertSummary> list(Scope scope, String caseNumber, Instant since, int limit) {
    if (scope == null || scope.isEmpty()) {
      return List.of();
    }
    return alerts.list(scope, TypedFields.text(caseNumber), since, false, Math.max(1, Math.min(limit, MAX_LIST)));
  }

  /** The alerts of a case, first to last, whoever asks (for other features and tests). */
  public List<AlertSummary> ofCase(long caseId) {
    return alerts.ofCase(caseId);
  }

  public AlertSummary visible(String identifier, Scope scope) {
    return alerts.byIdentifier(identifier)
        .filter(a -> covers(scope, a.divisionCode()))
        .orElseThrow(() -> new NotFoundException("没有该预警或不在您的区域内 no alert " + identifier + " in your area"));
  }

  /** The CAP document of an alert of the caller's area. */
  public String xml(String identifier, Scope scope) {
    visible(identifier, scope);
    return alerts.xml(identifier).orElseThrow();
  }

  /** The CAP document of a public (Actual) alert; drills and unknown identifiers are 404. */
  public String publicXml(String identifier) {
    return alerts.byIdentifier(identifier)
        .filter(a -> "Actual".equals(a.status()))
        .flatMap(a -> alerts.xml(identifier))
        .orElseThrow(() -> new NotFoundException("没有该预警 no public alert " + identifier));
  }

  /** The latest Actual alerts, newest first, for the public feed. */
  public List<AlertSummary> latestPublic(int limit) {
    return alerts.list(null, null, null, true, Math.max(1, Math.min(limit, MAX_LIST)));
  }

  /** The zh-CN description of an alert, for feeds. */
  public String description(String identifier) {
    return alerts.description(identifier).orElse(null);
  }

  static boolean covers(Scope scope, String divisionCode) {
    if (scope == null) {
      return false;
    }
    if (scope.covers(divisionCode, null)) {
      return true;
    }
    String county = DivisionLevel.COUNTY.ancestorOf(divisionCode);
    return county != null && scope.departments().stream().anyMatch(d -> county.equals(d.countyCode()));
  }
}
