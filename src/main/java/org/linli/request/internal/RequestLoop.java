package org.linli.request.internal;

import org.linli.system.ModelBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.linli.casefile.CaseEventType;
import org.linli.casefile.CaseFiles;
import org.linli.request.RequestProcess;
import org.springframework.stereotype.Component;

/** The reopening (发回重办) on the "not satisfied" and "redo" flows of the request process. */
@Component("requestLoop")
@ModelBean
public class RequestLoop {

  private final CaseFiles cases;

  RequestLoop(CaseFiles cases) {
    this.cases = cases;
  }

  public void reopen(DelegateExecution execution) {
    Number count = (Number) execution.getVariable(RequestProcess.VAR_REOPEN_COUNT);
    int next = (count == null ? 0 : count.intValue()) + 1;
    execution.setVariable(RequestProcess.VAR_REOPEN_COUNT, next);
    // the handling unit gets a fresh time limit for the new round
    execution.setVariable(RequestProcess.VAR_HANDLE_DUE, null);
    cases.record(execution, CaseEventType.REOPENED.name(), "round " + next);
  }
}
