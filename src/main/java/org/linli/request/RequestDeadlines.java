package org.linli.request;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.linli.casefile.engine.CaseExecutions;
import org.linli.deadline.Deadlines;
import org.linli.deadline.TimeLimit;
import org.linli.deadline.TimeLimits;
import org.linli.request.internal.ResidentRequestRepository;
import org.linli.system.EngineClock;
import org.linli.system.ModelBean;
import org.springframework.stereotype.Component;

/**
 * The request-specific deadlines, on top of the time-limit table: the handling due time that a
 * unit keeps through extension reviews, the whole case's due time, and the rules (return window,
 * extension notice and maximum) that steps check.
 */
@Component("requestDeadlines")
@ModelBean
public class RequestDeadlines {

  /** Rules in the time-limit table besides the steps. */
  public static final String RULE_RETURN_WINDOW = "return-window";
  public static final String RULE_EXTENSION_NOTICE = "extension-notice";
  public static final String RULE_EXTENSION_MAX = "extension-max";

  private final Deadlines deadlines;
  private final TimeLimits limits;
  private final CaseExecutions cases;
  private final ResidentRequestRepository requests;

  RequestDeadlines(Deadlines deadlines, TimeLimits limits, CaseExecutions cases, ResidentRequestRepository requests) {
    this.deadlines = deadlines;
    this.limits = limits;
    this.cases = cases;
    this.requests = requests;
  }

  private long caseId(DelegateExecution execution) {
    return cases.caseId(execution)
        .orElseThrow(() -> new IllegalStateException("no case record for process instance " + execution.getProcessInstanceId()));
  }

  /**
   * The handling due time, fixed when a unit takes the request on and kept through extension
   * reviews (in the request's record); routing and reopening clear it so that the next unit gets the
   * full limit.
   */
  public Date handleDue(DelegateExecution execution) {
    long caseId = caseId(execution);
    ResidentRequestRepository.Ownership owner = requests.ownership(caseId);
    if (owner.handleDue() != null) {
      return Date.from(owner.handleDue());
    }
    Instant now = EngineClock.now();
    Instant due = deadlines.due(limits.limit(caseId, RequestProcess.TASK_HANDLE), now);
    requests.handleDue(caseId, due, now);
    return Date.from(due);
  }

  /** The handling step turns yellow by the share of the whole time since the unit took it on. */
  public Date handleWarnAt(DelegateExecution execution) {
    Date due = handleDue(execution);
    Instant start = requests.ownership(caseId(execution)).handleStart();
    Instant from = start == null ? EngineClock.now() : start;
    return Date.from(deadlines.warnAt(true, from, due.toInstant()));
  }

  /** Marks the moment a unit received the request, from which its return window runs. */
  public void received(DelegateExecution execution) {
    requests.received(caseId(execution), EngineClock.now());
  }

  /** A due time moved on by an extension of some working days. */
  public Instant extend(Instant due, int days) {
    return deadlines.due(TimeLimit.workingDays(days), due);
  }

  /** When a whole request is due: sign-for, handling and callback in a row, by the table in force. */
  public Instant caseDue(String decisionId, TimeLimits.Query handling, Instant from) {
    Instant due = from;
    for (String step : new String[] {RequestProcess.TASK_SIGN, RequestProcess.TASK_HANDLE, RequestProcess.TASK_CALLBACK}) {
      TimeLimits.Query q = new TimeLimits.Query(handling.kind(), handling.category(), handling.categoryType(), step, handling.priority());
      due = deadlines.due(limits.limit(decisionId, q), due);
    }
    return due;
  }

  /** A rule of the table a running request pinned, such as the return window. */
  public TimeLimit rule(long caseId, String rule) {
    return limits.limit(caseId, rule);
  }

  /** The moment {@code limit} after {@code from}. */
  public Instant after(TimeLimit limit, Instant from) {
    return deadlines.due(limit, from);
  }
}
