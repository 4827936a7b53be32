package org.linli.deadline;

import java.time.Duration;
import org.linli.casefile.CaseFiles;
import org.linli.deadline.internal.SweepSteps;
import org.linli.system.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Catches what the timers did not (downtime, a failed job, a model without timers): reminds and
 * marks every open step past its warning or due time, and brings case colours up to the clock.
 * Each step is handled in its own transaction and each mark is claimed once, so two nodes may
 * sweep at the same time.
 */
@Service
public class DeadlineSweep {

  /** What one run did. */
  public record Result(int reminded, int markedOverdue, int casesRefreshed, int purged) {}

  private static final Logger log = LoggerFactory.getLogger(DeadlineSweep.class);

  private final SweepSteps steps;
  private final CaseFiles cases;
  private final DeadlineProperties properties;

  DeadlineSweep(SweepSteps steps, CaseFiles cases, DeadlineProperties properties) {
    this.steps = steps;
    this.cases = cases;
    this.properties = properties;
  }

  public Result run() {
    int batch = properties.sweepBatch();
    int reminded = steps.remindAll(batch);
    int overdue = steps.markAllOverdue(batch);
    int refreshed = 0;
    for (long caseId : cases.casesBehindTheClock(batch)) {
      refreshed += steps.refresh(caseId) ? 1 : 0;
    }
    int purged = steps.purgeClosedBefore(EngineClock.now().minus(Duration.ofDays(properties.keepClosedDays())));
    Result result = new Result(reminded, overdue, refreshed, purged);
    if (reminded + overdue + refreshed > 0) {
      log.info("Deadline sweep: {}", result);
    }
    return result;
  }
}
