package org.linli.casefile;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.linli.casefile.internal.CaseFileListener;
import org.linli.casefile.internal.CaseFileRepository;
import org.linli.organization.Scope;
import org.linli.system.NotFoundException;
import org.springframework.stereotype.Service;

/** Reads case records, timelines and open tasks; records timeline entries the engine cannot see. */
@Service("caseFiles")
public class CaseFiles {

  private final CaseFileRepository repository;
  private final CaseFileListener listener;

  CaseFiles(CaseFileRepository repository, CaseFileListener listener) {
    this.repository = repository;
    this.listener = listener;
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

  public Page<CaseFile> cases(CaseFilter filter, int page, int size) {
    return repository.cases(filter, page, size);
  }

  /** For BPMN: {@code ${caseFiles.record(execution, 'REOPENED', null)}} on a sequence flow. */
  public void record(DelegateExecution execution, String type, String note) {
    listener.record(execution, CaseEventType.valueOf(type), note);
  }
}
