package org.linli.deadline.internal;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.linli.casefile.engine.CaseExecutions;
import org.linli.deadline.Deadlines;
import org.linli.system.EngineClock;
import org.linli.system.ModelBean;
import org.springframework.stereotype.Component;

/**
 * {@code ${deadlines.…}} in models: a user task's due and warning times in its input mappings, so
 * that its due date and its boundary timers agree. Reads the case from the execution; the times
 * come from {@link Deadlines}, counted from now.
 *
 * <pre>
 * stepDue    = ${deadlines.due(execution, 'Task_SignRequest')}
 * stepWarnAt = ${deadlines.warnAt(execution, 'Task_SignRequest')}
 * </pre>
 */
@Component("deadlines")
@ModelBean
public class DeadlineExpressions {

  private final Deadlines deadlines;
  private final CaseExecutions executions;

  DeadlineExpressions(Deadlines deadlines, CaseExecutions executions) {
    this.deadlines = deadlines;
    this.executions = executions;
  }

  /** When the step (its activity id in the time-limit table) is due if it starts now. */
  public Date due(DelegateExecution execution, String step) {
    return Date.from(deadlines.due(caseId(execution), step, EngineClock.now()));
  }

  /** When the step turns yellow if it starts now. */
  public Date warnAt(DelegateExecution execution, String step) {
    return Date.from(deadlines.warnAt(caseId(execution), step, EngineClock.now()));
  }

  private long caseId(DelegateExecution execution) {
    return executions.caseId(execution)
        .orElseThrow(() -> new IllegalStateException("no case record for process instance " + execution.getProcessInstanceId()));
  }
}
