package org.linli.supervision;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * 红黑榜: units (villages, townships or departments) ranked by on-time rate and by satisfaction, the
 * best and the worst, among those with enough closed or rated cases to rank, each with the yellow
 * and red cards it was given in the period; and the open cases longest overdue.
 */
public record Rankings(
    Period period,
    Breakdown.By by,
    int minimum,
    List<Ranked> onTimeBest,
    List<Ranked> onTimeWorst,
    List<Ranked> satisfactionBest,
    List<Ranked> satisfactionWorst,
    List<LateCase> longestOverdue) {

  /**
   * A unit on the board: its figures (in the JSON, the break-down's fields themselves) and the cards
   * issued to it in the period that the area sees.
   */
  public record Ranked(
      @JsonUnwrapped Breakdown figures,
      @Schema(description = "黄牌: yellow cards issued to the unit itself in the period") long yellowCards,
      @Schema(description = "红牌: red cards issued to the unit itself in the period") long redCards) {}

  /** An open case past its step's due time, by how long in working days. */
  public record LateCase(String caseNumber, String title, String kind, String divisionCode, String divisionName,
      String currentStepName, Instant stepDue, double workingDaysOverdue) {}
}
