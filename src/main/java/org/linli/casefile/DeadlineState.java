package org.linli.casefile;

import java.time.Instant;

/** 绿/黄/红: on time, at risk (warning time passed), overdue (due time passed). */
public enum DeadlineState {
  GREEN,
  YELLOW,
  RED;

  public static DeadlineState at(Instant now, Instant warnAt, Instant dueAt) {
    if (dueAt != null && !now.isBefore(dueAt)) {
      return RED;
    }
    if (warnAt != null && !now.isBefore(warnAt)) {
      return YELLOW;
    }
    return GREEN;
  }

  public DeadlineState worst(DeadlineState other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
