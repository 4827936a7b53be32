package org.linli.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.linli.system.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A supervisor urges (督办) an open case of their area: the case is flagged, the timeline records
 * it and the owners are told. A case is urged at most once a day, however often the button is
 * pressed or by how many supervisors.
 */
@Service
public class Urging {

  /** How a batch went: the cases urged, and each refused one with the reason ("中文 English"). */
  public record Batch(List<String> urged, List<Refusal> refused) implements java.io.Serializable {}

  /** A case of a batch that was not urged, and why. */
  public record Refusal(String caseNumber, String reason) implements java.io.Serializable {}

  static final int MAX_BATCH = 100;

  private final CaseFiles cases;
  private final WorkingCalendar calendar;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate eachOnItsOwn;

  Urging(CaseFiles cases, WorkingCalendar calendar, ApplicationEventPublisher events, PlatformTransactionManager transactions) {
    this.cases = cases;
    this.calendar = calendar;
    this.events = events;
    this.eachOnItsOwn = new TransactionTemplate(transactions);
    // each case commits or rolls back alone, even when a caller has a transaction open
    this.eachOnItsOwn.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Whether the user may urge the case now: a supervisor of its area, and the case open. */
  public boolean mayUrge(LinliUser user, CaseFile c) {
    return c.status() == CaseStatus.OPEN && supervises(user, c);
  }

  /** Whether the user urges at all: a supervisor somewhere. */
  public boolean urgesAnywhere(LinliUser user) {
    return user.holds(Role.SUPERVISOR);
  }

  /**
   * Urges several cases with one note (督办 from a list), each as {@link #urge} does and in a
   * transaction of its own: a refused case changes nothing of itself and stops no other. The note
   * and the list are checked first; when they are refused, no case is urged.
   */
  public Batch urgeEach(LinliUser user, List<String> caseNumbers, String note) {
    if (!urgesAnywhere(user)) {
      throw new ForbiddenException("只有督查人员可以督办 only supervisors urge cases");
    }
    List<InvalidInputException.FieldError> errors = new ArrayList<>();
    String text = checkedNote(note, errors);
    List<String> numbers = caseNumbers == null ? List.of()
        : caseNumbers.stream().filter(n -> n != null && !n.isBlank()).map(String::strip).distinct().toList();
    if (numbers.isEmpty() || numbers.size() > MAX_BATCH) {
      errors.add(new InvalidInputException.FieldError("cases", "请勾选要督办的案件 (1至" + MAX_BATCH + "件) tick 1 to " + MAX_BATCH
          + " cases to urge"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    List<String> urged = new ArrayList<>();
    List<Refusal> refused = new ArrayList<>();
    for (String number : numbers) {
      try {
        eachOnItsOwn.executeWithoutResult(s -> urgeChecked(user, number, text));
        urged.add(number);
      } catch (InvalidInputException e) {
        refused.add(new Refusal(number, e.errors().get(0).message()));
      } catch (NotFoundException e) {
        // as the case page says it, without telling whether the number exists elsewhere
        refused.add(new Refusal(number, "辖区内没有这个案件 no such case in your area"));
      } catch (ConflictException | ForbiddenException e) {
        refused.add(new Refusal(number, e.getMessage()));
      }
    }
    return new Batch(urged, refused);
  }

  @Transactional
  public CaseFile urge(LinliUser user, String caseNumber, String note) {
    return urgeChecked(user, caseNumber, note);
  }

  private CaseFile urgeChecked(LinliUser user, String caseNumber, String note) {
    CaseFile c = cases.visible(caseNumber, user.scope());
    if (!supervises(user, c)) {
      throw new ForbiddenException("只有本区域的督查人员可以督办 only a supervisor of this area may urge case " + caseNumber);
    }
    if (c.status() != CaseStatus.OPEN) {
      throw new ConflictException("案件已结束, 无需督办 case " + caseNumber + " is " + c.status());
    }
    List<InvalidInputException.FieldError> errors = new ArrayList<>();
    String text = checkedNote(note, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
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

  private static String checkedNote(String note, List<InvalidInputException.FieldError> errors) {
    String text = note == null || note.isBlank() ? null : note.strip();
    if (text == null || text.length() > 500) {
      errors.add(new InvalidInputException.FieldError("note", "请填写督办意见 (最多500字) give the urging note, at most 500 characters"));
    }
    return text;
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
