package org.linli.emergency.internal;

import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.deadline.StepMarked;
import org.linli.emergency.EmergencyProcess;
import org.linli.emergency.EmergencyProperties;
import org.linli.emergency.EmergencyRouting;
import org.linli.emergency.Incident;
import org.linli.notification.NotificationType;
import org.linli.notification.Notifications;
import org.linli.organization.Division;
import org.linli.organization.OrganizationService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.linli.calendar.WorkingCalendar;

/** Emergency mail through the outbox: once per event and recipient (the outbox de-duplicates by key). */
@Component
class EmergencyMail {

  private final DateTimeFormatter time;

  private final Notifications notifications;
  private final OrganizationService organization;
  private final EmergencyProperties properties;
  private final EmergencyRouting routing;
  private final IncidentRepository incidents;
  private final CaseFiles caseFiles;

  EmergencyMail(Notifications notifications, OrganizationService organization, EmergencyProperties properties,
      EmergencyRouting routing, IncidentRepository incidents, CaseFiles caseFiles, WorkingCalendar calendar) {
    this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(calendar.zone());
    this.caseFiles = caseFiles;
    this.notifications = notifications;
    this.organization = organization;
    this.properties = properties;
    this.routing = routing;
    this.incidents = incidents;
  }

  int toGroups(CaseFile c, Incident i, String event, Collection<String> groups, String eventZh, String eventEn, String note) {
    return notifications.toGroups(NotificationType.EMERGENCY, key(c, event), groups, model(c, i, eventZh, eventEn, note), c.id());
  }

  /** Grave and particularly grave events go to the authority above the county (上报). */
  int upward(CaseFile c, Incident i, String event, String note) {
    int written = 0;
    for (String address : properties.upwardReportAddresses()) {
      written += notifications.toAddress(NotificationType.EMERGENCY, key(c, "upward:" + event), address, null,
          model(c, i, "突发事件信息报告（" + i.level().name() + "级）", "Report to the authority above: level " + i.level().name(), note),
          c.id());
    }
    return written;
  }

  /**
   * A missed arrival or report of the county command has no group above it in the county: it is also
   * reported upward, at once.
   */
  @EventListener
  void escalated(StepMarked m) {
    if (m.mark() != StepMarked.Mark.ESCALATION || !EmergencyProcess.KIND.equals(kindOf(m))) {
      return;
    }
    incidents.byCase(m.caseId()).filter(i -> routing.reportsUpward(i.level())).ifPresent(i -> {
      CaseFile c = caseOf(m);
      String note = m.stepName() + "超时未完成 missed: " + m.stepName();
      for (String address : properties.upwardReportAddresses()) {
        notifications.toAddress(NotificationType.EMERGENCY, key(c, "missed:" + m.taskId()), address, null,
            model(c, i, "应急指挥部" + m.stepName() + "超时", "The county command missed: " + m.stepName(), note), c.id());
      }
    });
  }

  private CaseFile caseOf(StepMarked m) {
    return caseFiles.byId(m.caseId()).orElseThrow();
  }

  private String kindOf(StepMarked m) {
    return caseFiles.byId(m.caseId()).map(CaseFile::kind).orElse(null);
  }

  private static String key(CaseFile c, String event) {
    return "emergency:" + c.id() + ":" + event;
  }

  private Map<String, Object> model(CaseFile c, Incident i, String eventZh, String eventEn, String note) {
    Map<String, Object> m = new HashMap<>();
    m.put("caseNumber", c.caseNumber());
    m.put("title", c.title());
    m.put("stepName", eventZh);
    m.put("eventZh", eventZh);
    m.put("eventEn", eventEn);
    m.put("levelText", i.level().name() + "级 " + i.level().nameZh() + " · Level " + i.level().name() + " " + i.level().nameEn());
    m.put("typeText", i.type().nameZh() + " · " + i.subtype().nameZh() + " (" + i.type().nameEn() + ", " + i.subtype().nameEn() + ")");
    String division = organization.division(i.divisionCode()).map(Division::name).orElse(i.divisionCode());
    m.put("place", division + " " + i.location());
    m.put("divisionName", division);
    m.put("occurredText", time.format(i.occurredAt()));
    m.put("figures", i.figuresZh() + "\n" + i.figuresEn());
    m.put("drill", i.drill());
    m.put("note", note);
    return m;
  }
}
