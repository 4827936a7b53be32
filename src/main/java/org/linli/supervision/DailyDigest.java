package org.linli.supervision;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linli.calendar.WorkingCalendar;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseFilter;
import org.linli.casefile.CaseStatus;
import org.linli.casefile.DeadlineState;
import org.linli.casefile.Page;
import org.linli.notification.NotificationType;
import org.linli.notification.Notifications;
import org.linli.organization.Division;
import org.linli.organization.OrganizationService;
import org.linli.organization.PlaceNames;
import org.linli.supervision.internal.CaseLines;
import org.linli.organization.Scope;
import org.springframework.stereotype.Service;

/**
 * 每日督查简报: on working days, each county and township supervisor gets their area's overdue and
 * at-risk cases, most urgent first. Sent once per area and day, however often it runs.
 */
@Service
public class DailyDigest {

  static final int LISTED = 50;

  private final OrganizationService organization;
  private final CaseFiles cases;
  private final Notifications notifications;
  private final WorkingCalendar calendar;
  private final SupervisorMailings mailings;

  DailyDigest(OrganizationService organization, CaseFiles cases, Notifications notifications, WorkingCalendar calendar,
      SupervisorMailings mailings) {
    this.organization = organization;
    this.cases = cases;
    this.notifications = notifications;
    this.calendar = calendar;
    this.mailings = mailings;
  }

  /** Today's digest by the engine clock; nothing on days off. Returns the mails queued. */
  public int send() {
    LocalDate today = calendar.today();
    if (!calendar.isWorkingDay(today)) {
      return 0;
    }
    return send(today);
  }

  public int send(LocalDate day) {
    PlaceNames names = organization.names(); // each line names its village: read once, not once a line
    return mailings.toEachArea("Daily digest for " + day, (area, supervisors) -> sendTo(area, supervisors, day, names));
  }

  private int sendTo(Division area, List<String> supervisors, LocalDate day, PlaceNames names) {
    Page<CaseFile> overdue = open(area, DeadlineState.RED);
    Page<CaseFile> atRisk = open(area, DeadlineState.YELLOW);
    if (overdue.total() == 0 && atRisk.total() == 0) {
      return 0;
    }
    Map<String, Object> model = new HashMap<>();
    model.put("areaName", area.name());
    model.put("date", day);
    model.put("overdue", overdue.items().stream().map(c -> CaseLines.line(c, names)).toList());
    model.put("atRisk", atRisk.items().stream().map(c -> CaseLines.line(c, names)).toList());
    model.put("overdueTotal", overdue.total());
    model.put("atRiskTotal", atRisk.total());
    return notifications.toUsers(NotificationType.DIGEST, "digest:" + day + ":" + area.code(), supervisors, model, null);
  }

  private Page<CaseFile> open(Division area, DeadlineState state) {
    Scope scope = new Scope(false, Set.of(area.code()), Set.of());
    return cases.cases(new CaseFilter(scope, CaseStatus.OPEN, null, null, null, null, state, null), 0, LISTED);
  }

}
