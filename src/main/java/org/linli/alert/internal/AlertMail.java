package org.linli.alert.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.linli.emergency.IncidentAlert;
import org.linli.emergency.IncidentLevel;
import org.linli.alert.AlertProperties;
import org.linli.alert.AlertSubscription;
import org.linli.alert.AlertSummary;
import org.linli.alert.internal.AlertTexts.Texts;
import org.linli.notification.NotificationType;
import org.linli.notification.Notifications;
import org.linli.organization.DivisionLevel;
import org.springframework.stereotype.Component;

/**
 * Mails a stored alert through the outbox, in the same transaction. Real alerts go to the active
 * subscriptions of the alert's division and of the divisions above it whose minimum level the
 * alert reaches; drills go to their participants only. The outbox key is the alert's identifier
 * (and the address), so each address gets each alert once, however many of its subscriptions match.
 */
@Component
class AlertMail {

  static final String PUBLIC_PATH = "/api/public/emergency/alerts/";

  private final Notifications notifications;
  private final SubscriptionRepository subscriptions;
  private final String baseUrl;

  AlertMail(Notifications notifications, SubscriptionRepository subscriptions, AlertProperties properties) {
    this.notifications = notifications;
    this.subscriptions = subscriptions;
    this.baseUrl = publicBase(properties, notifications);
  }

  /** Where the public reaches this service: linli.emergency.alert.public-base-url, else the mail links' base. */
  static String publicBase(AlertProperties properties, Notifications notifications) {
    String base = properties.publicBaseUrl() == null || properties.publicBaseUrl().isBlank()
        ? notifications.link("") : properties.publicBaseUrl();
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  /**
   * @param reach the level subscriptions are matched against: the alert's, or for updates and
   *     cancels the gravest of the case so far, so that whoever was told of it hears how it ends
   * @return mails queued
   */
  int send(AlertSummary alert, IncidentAlert event, String areaDesc, Texts zh, IncidentLevel reach) {
    String eventKey = "alert:" + alert.identifier();
    Map<String, Object> model = model(alert, areaDesc, zh);
    if (alert.drill()) {
      // staff: the case link helps them; the exercise is not public, so no public document link
      model.put("caseNumber", alert.caseNumber());
      return notifications.toUsers(NotificationType.EMERGENCY_ALERT, eventKey,
          event.participants() == null ? List.of() : event.participants(), model, alert.caseId());
    }
    model.put("alertLink", baseUrl + PUBLIC_PATH + alert.identifier() + ".xml");
    int written = 0;
    for (AlertSubscription s : recipients(alert.divisionCode(), reach)) {
      written += notifications.toAddress(NotificationType.EMERGENCY_ALERT, eventKey, s.email(), s.displayName(), model,
          alert.caseId());
    }
    return written;
  }

  List<AlertSubscription> recipients(String divisionCode, IncidentLevel level) {
    List<String> codes = new ArrayList<>();
    for (DivisionLevel l : DivisionLevel.values()) {
      String ancestor = l.ancestorOf(divisionCode);
      if (ancestor != null) {
        codes.add(ancestor);
      }
    }
    return subscriptions.activeAt(codes).stream().filter(s -> s.matches(divisionCode, level)).toList();
  }

  private static Map<String, Object> model(AlertSummary a, String areaDesc, Texts zh) {
    Map<String, Object> m = new HashMap<>();
    m.put("title", zh.headline());
    m.put("divisionName", areaDesc);
    m.put("alertIdentifier", a.identifier());
    m.put("alertKind", switch (a.msgType()) {
      case "Alert" -> "发布 Alert";
      case "Cancel" -> "撤销 Cancel";
      default -> a.change() == IncidentAlert.Change.ALL_CLEAR ? "解除 All clear" : "更新 Update";
    });
    m.put("alertLevel", AlertTexts.levelZh(a.level()) + " " + AlertTexts.levelEn(a.level()));
    m.put("alertEvent", zh.event());
    m.put("alertDescription", zh.description());
    m.put("alertInstruction", zh.instruction());
    m.put("alertSent", a.sent());
    m.put("drill", a.drill());
    return m;
  }
}
