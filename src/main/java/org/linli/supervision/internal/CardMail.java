package org.linli.supervision.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.linli.notification.NotificationType;
import org.linli.notification.Notifications;
import org.linli.organization.PlaceNames;
import org.linli.organization.OrganizationService;
import org.linli.organization.StaffMember;
import org.linli.supervision.CardColour;
import org.linli.supervision.CardIssued;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** 亮牌: the unit's heads are mailed the card, or its officers where it has no head; in the issuing transaction. */
@Component
class CardMail {

  private final Notifications notifications;
  private final OrganizationService organization;

  CardMail(Notifications notifications, OrganizationService organization) {
    this.notifications = notifications;
    this.organization = organization;
  }

  @EventListener
  void issued(CardIssued card) {
    Map<String, Object> model = new HashMap<>();
    model.put("cardZh", card.colour().zh());
    model.put("cardEn", card.colour().en());
    model.put("cardRed", card.colour() == CardColour.RED);
    model.put("unitName", card.unitName());
    model.put("reason", card.reason());
    model.put("issuedBy", card.issuedByName());
    model.put("cardLink", notifications.link(CardsPageController.PATH + "?card=" + card.cardId()));
    PlaceNames names = organization.names();
    model.put("cases", card.cases().stream().map(c -> CaseLines.line(c, names)).toList());
    List<String> to = organization.answerFor(card.unit()).stream().map(StaffMember::username).toList();
    notifications.toUsers(NotificationType.CARD, "card:" + card.cardId(), to, model, null);
  }

}
