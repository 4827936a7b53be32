package org.linli.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.linli.calendar.WorkingCalendar;
import org.linli.casefile.CaseEventType;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseStatus;
import org.linli.casefile.CaseTask;
import org.linli.organization.CandidateGroups;
import org.linli.organization.Role;
import org.linli.organization.RoleAssignment;
import org.linli.security.LinliUser;
import org.linli.system.ConflictException;
import org.linli.system.EngineClock;
import org.linli.system.ForbiddenException;
import org.linli.system.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A supervisor urges (督办) an open case of their area: the case is flagged, the timeline records
 * it and the owners are told. A case is urged at most once a day, however often the button is
 * pressed or by how many supervisors.
 */
@Service
public class Urging {

  private final CaseFiles cases;
  private final WorkingCalendar calendar;
  private final ApplicationEventPublisher events;

  Urging(CaseFiles cases, WorkingCalendar calendar, ApplicationEventPublisher events) {
    this.cases = cases;
    this.calendar = calendar;
    this.events = events;
  }

  @Transactional
  public CaseFile urge(LinliUser user, String caseNumber, String note) {
    CaseFile c = cases.visible(caseNumber, user.scope());
    if (!supervises(user, c)) {
      throw new ForbiddenException("只有本区域的督查人员可以督办 only a supervisor of this area may urge case " + caseNumber);
    }
    if (c.status() != CaseStatus.OPEN) {
      throw new ConflictException("案件已结束, 无需督办 case " + caseNumber + " is " + c.status());
    }
    String text = note == null || note.isBlank() ? null : note.strip();
    if (text == null || text.length() > 500) {
      throw new InvalidInputException("note", "请填写督办意见 (最多500字) give the urging note, at most 500 characters");
    }
    Instant now = EngineClock.now();
    Instant startOfDay = LocalDate.ofInstant(now, calendar.zone()).atStartOfDay(calendar.zone()).toInstant();
    if (!cases.markUrged(c.id(), user.username(), startOfDay)) {
      CaseFile current = cases.byId(c.id()).orElseThrow();
      throw new ConflictException("今天已督办过 case " + caseNumber + " was already urged today by " + current.urgedBy()
          + " at " + current.urgedAt());
    }
    List<CaseTask> open = cases.openTasks(c.id());
    cases.record(c.id(), CaseEventType.URGED, c.currentStep(), c.currentStepName(), user.username(), null, text);
    events.publishEvent(new CaseUrged(c.id(), c.caseNumber(), c.title(), c.divisionCode(), user.username(), user.name(), text,
        open.stream().map(CaseTask::candidateGroup).filter(Objects::nonNull).distinct().toList(),
        open.stream().map(CaseTask::assignee).filter(Objects::nonNull).distinct().toList(),
        c.currentStepName(), c.stepDue()));
    return cases.byId(c.id()).orElseThrow();
  }

  /** Supervisors of the case's township or county (or any level above its village). */
  static boolean supervises(LinliUser user, CaseFile c) {
    for (String group : user.groups()) {
      RoleAssignment role = CandidateGroups.parse(group).orElse(null);
      if (role != null && role.role() == Role.SUPERVISOR && c.divisionCode().startsWith(role.divisionCode())) {
        return true;
      }
    }
    return false;
  }
}
