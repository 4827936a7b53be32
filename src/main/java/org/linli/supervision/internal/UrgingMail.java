package org.linli.supervision.internal;

import java.util.Map;
import org.linli.notification.MailModel;
import org.linli.notification.NotificationType;
import org.linli.notification.Notifications;
import org.linli.organization.Division;
import org.linli.organization.OrganizationService;
import org.linli.supervision.CaseUrged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.linli.calendar.WorkingCalendar;

/** 督办: the owners of the urged case's open steps (their assignees, else their groups) are mailed. */
@Component
class UrgingMail {

  private final Notifications notifications;
  private final OrganizationService organization;

  private final WorkingCalendar calendar;

  UrgingMail(Notifications notifications, OrganizationService organization, WorkingCalendar calendar) {
    this.calendar = calendar;
    this.notifications = notifications;
    this.organization = organization;
  }

  @EventListener
  void urged(CaseUrged u) {
    Map<String, Object> model = MailModel.forCase(u.caseNumber(), u.title(), u.stepName(), null, u.stepDue(),
        organization.division(u.divisionCode()).map(Division::name).orElse(u.divisionCode()));
    model.put("urgedBy", u.urgedByName());
    model.put("note", u.note());
    String key = "urged:" + u.caseId() + ":" + calendar.today();
    if (!u.ownerUsers().isEmpty()) {
      notifications.toUsers(NotificationType.URGED, key, u.ownerUsers(), model, u.caseId());
    } else {
      notifications.toGroups(NotificationType.URGED, key, u.ownerGroups(), model, u.caseId());
    }
  }
}
