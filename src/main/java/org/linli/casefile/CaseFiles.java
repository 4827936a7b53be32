package org.linli.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.linli.calendar.WorkingCalendar;
import org.linli.casefile.internal.CaseNumbers;
import org.linli.organization.DivisionLevel;
import org.linli.system.Bilingual;
import org.linli.system.EngineClock;
import org.springframework.transaction.annotation.Transactional;
import org.linli.casefile.internal.CaseFileListener;
import org.linli.casefile.internal.CaseEventRepository;
import org.linli.casefile.internal.CaseFileRepository;
import org.linli.casefile.internal.CaseQueries;
import org.linli.casefile.internal.CaseTaskRepository;
import org.linli.casefile.internal.StepTimeRepository;
import org.linli.organization.Scope;
import org.linli.system.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Reads case records, timelines and open tasks; records timeline entries the engine cannot see. */
@Service("caseFiles")
public class CaseFiles {

  private final CaseFileRepository repository;
  private final CaseTaskRepository tasks;
  private final CaseEventRepository timeline;
  private final CaseQueries queries;
  private final StepTimeRepository stepTimes;
  private final ApplicationEventPublisher events;
  private final CaseNumbers numbers;
  private final Map<String, CaseKindDefinition> kinds;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final ZoneId zone;

  CaseFiles(CaseFileRepository repository, CaseTaskRepository tasks, CaseEventRepository timeline, CaseQueries queries,
      ApplicationEventPublisher events, CaseNumbers numbers, List<CaseKindDefinition> kinds, RuntimeService runtime,
      IdentityService identity, WorkingCalendar calendar, StepTimeRepository stepTimes) {
    this.repository = repository;
    this.stepTimes = stepTimes;
    this.tasks = tasks;
    this.timeline = timeline;
    this.queries = queries;
    this.events = events;
    this.numbers = numbers;
    this.kinds = kinds.stream().collect(Collectors.toMap(CaseKindDefinition::kind, Function.identity()));
    this.runtime = runtime;
    this.identity = identity;
    this.zone = calendar.zone();
  }

  /**
   * Opens a case: records it with a new number, lets the feature store its own rows for it, then
   * starts its process with the case number as business key. Steps read the recorded facts, never
   * the start variables, which serve only the first transaction (the intake's gateways).
   *
   * @param beforeStart stores the feature's rows of the case (what the resident said, the household)
   *     before any step can ask for them
   * @return the case as opened, with its process instance (its first steps are open by then, but
   *     not shown in the returned record)
   */
  @Transactional
  public CaseFile open(CaseOpening opening, Map<String, Object> variables, Consumer<CaseFile> beforeStart) {
    CaseKindDefinition kind = kinds.get(opening.kind());
    if (kind == null) {
      throw new IllegalArgumentException("no case kind " + opening.kind());
    }
    Instant now = EngineClock.now();
    String number = numbers.next(kind.numberPrefix(), now.atZone(zone).getYear());
    long id = repository.insert(number, kind.processDefinitionKey(), opening, now);
    CaseFile opened = new CaseFile(id, number, opening.kind(), null, opening.title(), opening.categoryCode(),
        DivisionLevel.COUNTY.ancestorOf(opening.divisionCode()), DivisionLevel.TOWNSHIP.ancestorOf(opening.divisionCode()),
        opening.divisionCode(), opening.departmentCode(), CaseStatus.OPEN, null, null, null, null, null, opening.caseDue(),
        null, now, null, opening.priority(), opening.caseWarnAt(), DeadlineState.GREEN, null, null, false);
    beforeStart.accept(opened);
    String processInstanceId = runtime.startProcessInstanceByKey(kind.processDefinitionKey(), number,
        variables == null ? Map.of() : variables).getId();
    return new CaseFile(id, number, opened.kind(), processInstanceId, opened.title(), opened.categoryCode(), opened.countyCode(),
        opened.townshipCode(), opened.divisionCode(), opened.departmentCode(), opened.status(), null, null, null, null, null,
        opened.caseDue(), null, now, null, opened.priority(), opened.warnAt(), opened.deadlineState(), null, null, false);
  }

  /**
   * Moves a case to another place or department, as a step rule decided (a township assigns a
   * request to a village, dispatches it to a department); its next steps are routed from here.
   */
  public void route(long caseId, String divisionCode, String departmentCode) {
    repository.route(caseId, divisionCode, departmentCode);
  }

  /** A graded case's new grade, as its time-limit table reads it (an emergency's new level). */
  public void changeSeverity(long caseId, String severity) {
    repository.severity(caseId, severity);
  }

  /** The time-limit inputs of a case, as recorded. */
  public CaseLimits limits(long caseId) {
    return repository.limits(caseId).orElseThrow(() -> new NotFoundException("no case " + caseId));
  }

  /** Pins a time-limit table on a case opened before cases pinned one. */
  public void pinTimeLimits(long caseId, String decisionId) {
    repository.pinTimeLimits(caseId, decisionId);
  }

  public Optional<CaseFile> byNumber(String caseNumber) {
    return repository.byNumber(caseNumber);
  }

  public Optional<CaseFile> byId(long id) {
    return repository.byId(id);
  }

  /**
   * The case if the scope covers it. A case outside the scope is "not found", so that numbers
   * cannot be probed.
   */
  public CaseFile visible(String caseNumber, Scope scope) {
    return repository
        .byNumber(caseNumber)
        .filter(c -> scope.covers(c.divisionCode(), c.departmentCode()))
        .orElseThrow(() -> new NotFoundException("no case " + caseNumber + " in your area"));
  }

  public List<CaseEvent> timeline(long caseId) {
    return timeline.ofCase(caseId);
  }

  public List<CaseTask> openTasks(long caseId) {
    return tasks.openOf(caseId);
  }

  public Optional<CaseTask> task(String taskId) {
    return tasks.byId(taskId);
  }

  public Page<CaseTask> tasks(TaskFilter filter, int page, int size) {
    return queries.tasks(filter, page, size);
  }

  public long countTasks(TaskFilter filter) {
    return queries.countTasks(filter);
  }

  /** Where the area's work waits: open steps per kind, process and activity, and how many are overdue now. */
  public List<StepLoad> stepLoads(Scope scope, Instant now) {
    return queries.stepLoads(scope, now);
  }

  /**
   * How long the area's steps of a kind took at each activity: those completed on the days from
   * {@code from} to {@code to} (both included, the calendar's days), with their office time summed.
   * Read from the sums Linli keeps as steps complete, never from the engine's history.
   */
  public List<StepTime> stepTimes(Scope scope, String kind, LocalDate from, LocalDate to) {
    return stepTimes.sums(scope, kind, from, to);
  }

  /** The kinds of case and the processes that run them, by kind. */
  public List<CaseKindDefinition> kinds() {
    return kinds.values().stream().sorted(java.util.Comparator.comparing(CaseKindDefinition::kind)).toList();
  }

  public Page<CaseFile> cases(CaseFilter filter, int page, int size) {
    return queries.cases(filter, page, size);
  }

  /**
   * A unit's overdue work in an area: the cases the scope sees where a step of one of the groups
   * is past its due time now, or was marked overdue (超期) before; newest first.
   *
   * @param caseNumbers only these cases, or null for any
   */
  public List<CaseFile> overdueWork(Scope area, java.util.Collection<String> groups, java.util.Collection<String> caseNumbers,
      int limit) {
    return queries.overdueWork(area, groups, caseNumbers, EngineClock.now(), limit);
  }

  /** The steps the user completed (已办), newest first, of the cases the scope sees. */
  public Page<DoneStep> done(String username, org.linli.organization.Scope scope, int page, int size) {
    return queries.done(username, scope, page, size);
  }

  /** Records a timeline entry that no step completion records, such as a reminder or an urging. */
  public void record(long caseId, CaseEventType type, String step, String stepName, String actor, String group, String note) {
    timeline.insert(caseId, type, step, stepName, actor, group, null, note, EngineClock.now());
    overdueIsHistory(caseId, type);
  }

  private void overdueIsHistory(long caseId, CaseEventType type) {
    if (type == CaseEventType.OVERDUE) {
      repository.markEverOverdue(caseId);
    }
  }

  /** Records a timeline entry whose note Linli wrote, in Chinese and in English, each shown to its reader. */
  public void record(long caseId, CaseEventType type, String step, String stepName, String actor, String group, Bilingual.Halves note) {
    timeline.insert(caseId, type, step, stepName, actor, group, null, note.zh(), note.en(), EngineClock.now());
    overdueIsHistory(caseId, type);
  }

  /**
   * Records what a step of the process did (a service task, a listener), by whoever acts now: the
   * engine's or the web's signed-in user, or nobody for a timer or a job.
   */
  public void recordStep(long caseId, CaseEventType type, String step, String stepName, String note) {
    timeline.insert(caseId, type, step, stepName, CaseFileListener.actingUser(identity), null, null, note, EngineClock.now());
  }

  /** {@link #recordStep(long, CaseEventType, String, String, String)} with a note Linli wrote in both languages. */
  public void recordStep(long caseId, CaseEventType type, String step, String stepName, Bilingual.Halves note) {
    timeline.insert(caseId, type, step, stepName, CaseFileListener.actingUser(identity), null, null, note.zh(), note.en(),
        EngineClock.now());
  }

  /** Recomputes an open case's colour now; returns it, or empty for a closed case. */
  public Optional<DeadlineState> refreshDeadlineState(long caseId) {
    return Optional.ofNullable(repository.refreshDeadlineState(caseId, EngineClock.now()));
  }

  /**
   * Locks an open case's record for the rest of the transaction, so that work on the case from a
   * sweep takes its locks in the same order as the engine's own transactions (case first).
   */
  public boolean lockOpen(long caseId) {
    return repository.lockOpen(caseId);
  }

  /** Moves a whole case's due time, for example when its handling step is extended. */
  public void changeCaseDue(long caseId, Instant due, Instant warnAt) {
    repository.changeCaseDue(caseId, due, warnAt);
    repository.refreshDeadlineState(caseId, EngineClock.now());
  }

  /** Open cases whose own warning or due time has passed while their colour does not show it. */
  public List<Long> casesBehindTheClock(int limit) {
    return repository.casesBehindTheClock(EngineClock.now(), limit);
  }

  /**
   * Flags an open case as urged by {@code by}; false when it is closed or was already urged at or
   * after {@code since}, so that a repeated or concurrent urging is recorded once.
   */
  public boolean markUrged(long caseId, String by, Instant since) {
    return repository.urge(caseId, by, EngineClock.now(), since);
  }

  /**
   * An open step was given to another candidate group by its process (an emergency's new level):
   * task lists and the case's current owner follow.
   */
  public void taskMovedTo(long caseId, String taskId, String candidateGroup) {
    tasks.group(taskId, candidateGroup);
    repository.stepEnded(caseId);
    events.publishEvent(new CaseTaskRegrouped(caseId, taskId, candidateGroup));
  }
}
