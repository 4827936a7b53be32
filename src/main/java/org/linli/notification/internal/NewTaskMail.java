package org.linli.notification.internal;

import java.util.List;
import org.linli.casefile.CaseTaskOpened;
import org.linli.notification.MailModel;
import org.linli.notification.NotificationType;
import org.linli.notification.Notifications;
import org.linli.organization.Division;
import org.linli.organization.OrganizationService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** 新任务: a new step is announced to its assignee or, if unclaimed, to its group. */
@Component
class NewTaskMail {

  private final Notifications notifications;
  private final OrganizationService organization;

  NewTaskMail(Notifications notifications, OrganizationService organization) {
    this.notifications = notifications;
    this.organization = organization;
  }

  @EventListener
  void opened(CaseTaskOpened t) {
    var model = MailModel.forCase(t.caseNumber(), t.title(), t.stepName(), t.candidateGroup(), t.dueAt(),
        organization.division(t.divisionCode()).map(Division::name).orElse(t.divisionCode()));
    String key = "task:" + t.taskId();
    if (t.assignee() != null) {
      notifications.toUsers(NotificationType.NEW_TASK, key, List.of(t.assignee()), model, t.caseId());
    } else if (t.candidateGroup() != null) {
      notifications.toGroups(NotificationType.NEW_TASK, key, List.of(t.candidateGroup()), model, t.caseId());
    }
  }
}
