package org.linli.supervision;

import java.time.Instant;
import java.util.List;

/**
 * 红黑榜: units (villages or departments) ranked by on-time rate and by satisfaction, the best and the
 * worst, among those with enough closed or rated cases to rank; and the open cases longest overdue.
 */
public record Rankings(
    Period period,
    Breakdown.By by,
    int minimum,
    List<Breakdown> onTimeBest,
    List<Breakdown> onTimeWorst,
    List<Breakdown> satisfactionBest,
    List<Breakdown> satisfactionWorst,
    List<LateCase> longestOverdue) {

  /** An open case past its step's due time, by how long in working days. */
  public record LateCase(String caseNumber, String title, String kind, String divisionCode, String divisionName,
      String currentStepName, Instant stepDue, double workingDaysOverdue) {}
}
