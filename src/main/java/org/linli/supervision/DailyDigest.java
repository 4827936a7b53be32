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
import org.linli.organization.CandidateGroups;
import org.linli.organization.Division;
import org.linli.organization.DivisionLevel;
import org.linli.organization.OrganizationService;
import org.linli.organization.Scope;
import org.linli.organization.StaffMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 每日督查简报: on working days, each county and township supervisor gets their area's overdue and
 * at-risk cases, most urgent first. Sent once per area and day, however often it runs.
 */
@Service
public class DailyDigest {

  static final int LISTED = 50;
  private static final Logger log = LoggerFactory.getLogger(DailyDigest.class);

  private final OrganizationService organization;
  private final CaseFiles cases;
  private final Notifications notifications;
  private final WorkingCalendar calendar;
  private final TransactionTemplate tx;

  DailyDigest(OrganizationService organization, CaseFiles cases, Notifications notifications, WorkingCalendar calendar,
      TransactionTemplate tx) {
    this.organization = organization;
    this.cases = cases;
    this.notifications = notifications;
    this.calendar = calendar;
    this.tx = tx;
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
    int queued = 0;
    for (Division area : organization.divisions()) {
      if (area.level() == DivisionLevel.VILLAGE) {
        continue;
      }
      List<StaffMember> supervisors = organization.membersOf(CandidateGroups.supervisors(area.code()));
      if (supervisors.isEmpty()) {
        continue;
      }
      try {
        Integer n = tx.execute(s -> sendTo(area, supervisors, day));
        queued += n == null ? 0 : n;
      } catch (DataIntegrityViolationException e) {
        // another node queued this area's digest for the day at the same moment
        log.info("Daily digest for {} on {} was queued by another node", area.code(), day);
      }
    }
    if (queued > 0) {
      log.info("Daily digest for {}: {} mails queued", day, queued);
    }
    return queued;
  }

  private int sendTo(Division area, List<StaffMember> supervisors, LocalDate day) {
    Page<CaseFile> overdue = open(area, DeadlineState.RED);
    Page<CaseFile> atRisk = open(area, DeadlineState.YELLOW);
    if (overdue.total() == 0 && atRisk.total() == 0) {
      return 0;
    }
    Map<String, Object> model = new HashMap<>();
    model.put("areaName", area.name());
    model.put("date", day);
    model.put("overdue", overdue.items().stream().map(this::line).toList());
    model.put("atRisk", atRisk.items().stream().map(this::line).toList());
    model.put("overdueTotal", overdue.total());
    model.put("atRiskTotal", atRisk.total());
    return notifications.toUsers(NotificationType.DIGEST, "digest:" + day + ":" + area.code(),
        supervisors.stream().map(StaffMember::username).toList(), model, null);
  }

  private Page<CaseFile> open(Division area, DeadlineState state) {
    Scope scope = new Scope(false, Set.of(area.code()), Set.of());
    return cases.cases(new CaseFilter(scope, CaseStatus.OPEN, null, null, null, null, state, null), 0, LISTED);
  }

  private Map<String, Object> line(CaseFile c) {
    Map<String, Object> m = new HashMap<>();
    m.put("caseNumber", c.caseNumber());
    m.put("title", c.title());
    m.put("divisionName", organization.division(c.divisionCode()).map(Division::name).orElse(c.divisionCode()));
    m.put("stepName", c.currentStepName());
    m.put("dueAt", c.stepDue() != null ? c.stepDue() : c.caseDue());
    return m;
  }
}
