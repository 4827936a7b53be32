package org.linli.request;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.linli.calendar.WorkingCalendar;
import org.linli.system.EngineClock;
import org.springframework.stereotype.Component;

/** Due dates of the request steps, on the working-day calendar; called from the BPMN. */
@Component("requestDeadlines")
public class RequestDeadlines {

  private final WorkingCalendar calendar;
  private final RequestProperties limits;

  RequestDeadlines(WorkingCalendar calendar, RequestProperties limits) {
    this.calendar = calendar;
    this.limits = limits;
  }

  public Date signDue() {
    return workingDays(limits.signDays());
  }

  public Date dispatchDue() {
    return workingDays(limits.dispatchDays());
  }

  public Date reviewDue() {
    return workingDays(limits.extensionReviewDays());
  }

  /** The callback is due by the close of the working day after the reply. */
  public Date callbackDue() {
    return workingDays(limits.callbackDays());
  }

  public Date supervisorDue() {
    return workingDays(limits.supervisorDays());
  }

  /**
   * The handling due date, fixed when a unit takes the request on and kept through extension
   * reviews; routing and reopening clear it so that the next unit gets the full limit.
   */
  public Date handleDue(DelegateExecution execution) {
    Date due = (Date) execution.getVariable(RequestProcess.VAR_HANDLE_DUE);
    if (due == null) {
      Number days = (Number) execution.getVariable(RequestProcess.VAR_HANDLE_DAYS);
      due = workingDays(days.intValue());
      execution.setVariable(RequestProcess.VAR_HANDLE_DUE, due);
    }
    return due;
  }

  /** The handling due date moved on by an extension. */
  public Date extend(Date handleDue, int days) {
    return Date.from(calendar.plusWorkingDays(handleDue.toInstant(), days));
  }

  /** When the whole request is due: sign-for, handling and callback. */
  public Date caseDue(int handleDays) {
    return workingDays(limits.signDays() + handleDays + limits.callbackDays());
  }

  private Date workingDays(int days) {
    return Date.from(calendar.plusWorkingDays(EngineClock.now(), days));
  }
}
