package org.linli.deadline.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.linli.deadline.StepMarked;
import org.linli.notification.MailModel;
import org.linli.notification.NotificationType;
import org.linli.notification.Notifications;
import org.linli.organization.Division;
import org.linli.organization.OrganizationService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Who hears of a mark: at yellow the step's owner (its assignee, else its group); at red the owner
 * and the supervisors of the division; on escalation also the group that takes the step over. The
 * mail is queued in the marking transaction, so it goes out once, with the mark.
 */
@Component
class DeadlineMail {

  private final Notifications notifications;
  private final OrganizationService organization;

  DeadlineMail(Notifications notifications, OrganizationService organization) {
    this.notifications = notifications;
    this.organization = organization;
  }

  @EventListener
  void marked(StepMarked m) {
    Map<String, Object> model = MailModel.forCase(m.caseNumber(), m.title(), m.stepName(), m.candidateGroup(), m.dueAt(),
        organization.division(m.divisionCode()).map(Division::name).orElse(m.divisionCode()));
    String supervisors = m.divisionCode() == null ? null : organization.supervisorGroupFor(m.divisionCode());
    switch (m.mark()) {
      case REMINDER -> toOwner(NotificationType.REMINDER, "reminder:" + m.taskId(), m, model);
      case OVERDUE -> {
        toOwner(NotificationType.OVERDUE, "overdue:" + m.taskId(), m, model);
        toGroups(NotificationType.OVERDUE, "overdue:" + m.taskId(), m, model, supervisors);
      }
      case ESCALATION -> {
        model.put("fromGroup", m.candidateGroup());
        model.put("toGroup", m.escalatedTo());
        toGroups(NotificationType.ESCALATION, "escalation:" + m.taskId(), m, model, m.candidateGroup(), m.escalatedTo(),
            supervisors);
      }
    }
  }

  private void toOwner(NotificationType type, String key, StepMarked m, Map<String, Object> model) {
    if (m.assignee() != null) {
      notifications.toUsers(type, key, List.of(m.assignee()), model, m.caseId());
    } else {
      toGroups(type, key, m, model, m.candidateGroup());
    }
  }

  private void toGroups(NotificationType type, String key, StepMarked m, Map<String, Object> model, String... groups) {
    List<String> list = new ArrayList<>();
    for (String g : groups) {
      if (g != null && !list.contains(g)) {
        list.add(g);
      }
    }
    notifications.toGroups(type, key, list, model, m.caseId());
  }
}
