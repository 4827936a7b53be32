package org.linli.casefile;

import java.util.List;
import java.time.Instant;
import java.util.Optional;
import org.linli.system.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.linli.casefile.internal.CaseFileListener;
import org.linli.casefile.internal.CaseFileRepository;
import org.linli.organization.Scope;
import org.linli.system.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Reads case records, timelines and open tasks; records timeline entries the engine cannot see. */
@Service("caseFiles")
public class CaseFiles {

  private final CaseFileRepository repository;
  private final CaseFileListener listener;
  private final ApplicationEventPublisher events;

  CaseFiles(CaseFileRepository repository, CaseFileListener listener, ApplicationEventPublisher events) {
    this.repository = repository;
    this.listener = listener;
    this.events = events;
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
    return repository.events(caseId);
  }

  public List<CaseTask> openTasks(long caseId) {
    return repository.openTasks(caseId);
  }

  public Optional<CaseTask> task(String taskId) {
    return repository.task(taskId);
  }

  public Page<CaseTask> tasks(TaskFilter filter, int page, int size) {
    return repository.tasks(filter, page, size);
  }

  public long countTasks(TaskFilter filter) {
    return repository.countTasks(filter);
  }

  public Page<CaseFile> cases(CaseFilter filter, int page, int size) {
    return repository.cases(filter, page, size);
  }

  /** Records a timeline entry that no step completion records, such as a reminder or an urging. */
  public void record(long caseId, CaseEventType type, String step, String stepName, String actor, String group, String note) {
    repository.insertEvent(caseId, type, step, stepName, actor, group, null, note, EngineClock.now());
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
    repository.taskGroup(taskId, candidateGroup);
    repository.stepEnded(caseId);
    events.publishEvent(new CaseTaskRegrouped(caseId, taskId, candidateGroup));
  }

  /** The case an execution belongs to (a called process belongs to its caller's case). */
  public Optional<Long> caseIdOf(DelegateExecution execution) {
    return listener.caseOf(execution);
  }

  /** For BPMN: {@code ${caseFiles.record(execution, 'REOPENED', null)}} on a sequence flow. */
  public void record(DelegateExecution execution, String type, String note) {
    listener.record(execution, CaseEventType.valueOf(type), note);
  }
}
