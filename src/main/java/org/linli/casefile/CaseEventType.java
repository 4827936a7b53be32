package org.linli.casefile;

import java.util.Map;

/** What the timeline records. Step decisions map onto these by their name. */
public enum CaseEventType {
  CREATED,
  SIGNED,
  DISPATCHED,
  RETURNED,
  EXTENSION_REQUESTED,
  EXTENDED,
  EXTENSION_REFUSED,
  ESCALATED,
  REPLIED,
  RATED,
  REOPENED,
  CLOSED,
  REMINDED,
  /** A step passed its due time (marked once, by its timer or by the sweep). */
  OVERDUE,
  URGED,
  /** A card (黄牌/红牌) issued to a unit for its overdue work named this case. */
  CARDED,
  /** A step handed over to a colleague of the same group (转交). */
  HANDED_OVER,
  /** A comment on the case. */
  COMMENTED,
  /** A step completed with a decision that has no event of its own. */
  COMPLETED,
  /** Emergency: graded into a level by the grading table. */
  GRADED,
  /** Emergency: the level raised or lowered. */
  LEVEL_CHANGED,
  /** Emergency: the responders arrived on site. */
  ARRIVED,
  /** Emergency: the first report (首报). */
  FIRST_REPORT,
  /** Emergency: a progress report (续报). */
  PROGRESS_REPORT,
  /** Emergency: the all-clear (解除). */
  ALL_CLEAR,
  /** Emergency: the after-action review (复盘) done. */
  REVIEWED;

  private static final Map<String, CaseEventType> BY_DECISION =
      Map.ofEntries(
          Map.entry("sign", SIGNED),
          Map.entry("dispatch", DISPATCHED),
          Map.entry("assign", DISPATCHED),
          Map.entry("handle", SIGNED),
          Map.entry("return", RETURNED),
          Map.entry("escalate", ESCALATED),
          Map.entry("extend", EXTENSION_REQUESTED),
          Map.entry("grant", EXTENDED),
          Map.entry("refuse", EXTENSION_REFUSED),
          Map.entry("reply", REPLIED),
          Map.entry("rate", RATED),
          Map.entry("redo", REOPENED),
          Map.entry("close", CLOSED),
          Map.entry("arrive", ARRIVED),
          Map.entry("firstReport", FIRST_REPORT),
          Map.entry("progressReport", PROGRESS_REPORT),
          Map.entry("allClear", ALL_CLEAR),
          Map.entry("review", REVIEWED));

  public static CaseEventType forDecision(String decision) {
    return decision == null ? COMPLETED : BY_DECISION.getOrDefault(decision, COMPLETED);
  }
}
