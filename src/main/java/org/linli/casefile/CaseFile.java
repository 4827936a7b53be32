package org.linli.casefile;

import java.time.Instant;

/** The case record above a process instance. */
public record CaseFile(
    long id,
    String caseNumber,
    String kind,
    String processInstanceId,
    String title,
    String categoryCode,
    String countyCode,
    String townshipCode,
    String divisionCode,
    String departmentCode,
    CaseStatus status,
    String currentStep,
    String currentStepName,
    String currentGroup,
    String currentAssignee,
    Instant stepDue,
    Instant caseDue,
    String rating,
    Instant openedAt,
    Instant closedAt,
    String priority,
    Instant warnAt,
    DeadlineState deadlineState,
    Instant urgedAt,
    String urgedBy,
    /** A step of the case ran past its due time, or the case closed after its own: history, not a colour. */
    boolean everOverdue) {

  public boolean isOverdue(Instant now) {
    return status == CaseStatus.OPEN && stepDue != null && stepDue.isBefore(now);
  }
}
