package org.linli.deadline;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a step turns yellow, and how the sweep runs.
 *
 * @param warnShare the share of a time limit used at which a step turns yellow
 * @param warnLeadWorkingDays a working-time step also turns yellow when this many working days are
 *     left, if that comes first (0 turns this off)
 * @param sweepBatch how many steps one sweep run handles at most
 * @param keepClosedDays how long the deadline records of finished steps are kept
 */
@ConfigurationProperties("linli.deadline")
public record DeadlineProperties(
    @DefaultValue("0.75") double warnShare,
    @DefaultValue("1") int warnLeadWorkingDays,
    @DefaultValue("500") int sweepBatch,
    @DefaultValue("30") int keepClosedDays) {

  public DeadlineProperties {
    if (warnShare <= 0 || warnShare >= 1) {
      throw new IllegalArgumentException("linli.deadline.warn-share must be between 0 and 1: " + warnShare);
    }
    if (warnLeadWorkingDays < 0) {
      throw new IllegalArgumentException("linli.deadline.warn-lead-working-days must not be negative");
    }
  }
}
