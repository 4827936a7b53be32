package org.linli.casefile.engine;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.linli.casefile.internal.CaseFileListener;
import org.springframework.stereotype.Component;

/**
 * The case an execution belongs to, for adapters (delegates, listeners, expression beans) that
 * turn an execution into the case id an engine-free service takes. A called process (an approval)
 * belongs to its caller's case. Looked up by process instance, never by business key or variable:
 * a process started outside Linli with a case's number as key still belongs to no case.
 */
@Component
public class CaseExecutions {

  private final CaseFileListener listener;

  CaseExecutions(CaseFileListener listener) {
    this.listener = listener;
  }

  /** The id of the case record above the execution's process, or empty for a process that is no case. */
  public Optional<Long> caseId(DelegateExecution execution) {
    return listener.caseOf(execution);
  }
}
