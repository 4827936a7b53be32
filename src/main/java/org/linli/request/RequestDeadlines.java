package org.linli.request;

import java.time.Instant;
import org.linli.deadline.Deadlines;
import org.linli.deadline.TimeLimit;
import org.linli.deadline.TimeLimits;
import org.linli.request.internal.ResidentRequestRepository;
import org.linli.system.EngineClock;
import org.springframework.stereotype.Service;

/**
 * The request-specific deadlines, on top of the time-limit table: the handling due time that a
 * unit keeps through extension reviews, the whole case's due time, and the rules (return window,
 * extension notice and maximum) that steps check. Models reach the handling step's times through
 * the {@code requestDeadlines} bean, which reads the case from the execution.
 */
// the bean name "requestDeadlines" belongs to the models' adapter (request.internal.RequestDeadlineExpressions)
@Service("requestDeadlineTimes")
public class RequestDeadlines {

  /** Rules in the time-limit table besides the steps. */
  public static final String RULE_RETURN_WINDOW = "return-window";
  public static final String RULE_EXTENSION_NOTICE = "extension-notice";
  public static final String RULE_EXTENSION_MAX = "extension-max";

  private final Deadlines deadlines;
  private final TimeLimits limits;
  private final ResidentRequestRepository requests;

  RequestDeadlines(Deadlines deadlines, TimeLimits limits, ResidentRequestRepository requests) {
    this.deadlines = deadlines;
    this.limits = limits;
    this.requests = requests;
  }

  /**
   * The handling due time, fixed when a unit takes the request on and kept through extension
   * reviews (in the request's record); routing and reopening clear it so that the next unit gets the
   * full limit.
   */
  public Instant handleDue(long caseId) {
    ResidentRequestRepository.Ownership owner = requests.ownership(caseId);
    if (owner.handleDue() != null) {
      return owner.handleDue();
    }
    Instant now = EngineClock.now();
    Instant due = deadlines.due(limits.limit(caseId, RequestProcess.TASK_HANDLE), now);
    requests.handleDue(caseId, due, now);
    return due;
  }

  /** The handling step turns yellow by the share of the whole time since the unit took it on. */
  public Instant handleWarnAt(long caseId) {
    Instant due = handleDue(caseId);
    Instant start = requests.ownership(caseId).handleStart();
    Instant from = start == null ? EngineClock.now() : start;
    return deadlines.warnAt(true, from, due);
  }

  /** Marks the moment a unit received the request, from which its return window runs. */
  public void received(long caseId) {
    requests.received(caseId, EngineClock.now());
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
}
