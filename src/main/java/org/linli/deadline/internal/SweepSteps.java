package org.linli.deadline.internal;

import java.time.Instant;
import java.util.function.Predicate;
import org.linli.casefile.CaseFiles;
import org.linli.deadline.internal.StepDeadlineRepository.Step;
import org.linli.system.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The sweep's work, one transaction per step so that one failure does not undo the others. */
@Component
public class SweepSteps {

  private static final Logger log = LoggerFactory.getLogger(SweepSteps.class);

  private final StepDeadlineRepository steps;
  private final DeadlineMarks marks;
  private final CaseFiles cases;
  private final TransactionTemplate tx;

  SweepSteps(StepDeadlineRepository steps, DeadlineMarks marks, CaseFiles cases, PlatformTransactionManager transactions) {
    this.steps = steps;
    this.marks = marks;
    this.cases = cases;
    this.tx = new TransactionTemplate(transactions);
    this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public int remindAll(int limit) {
    return each(steps.toRemind(null, EngineClock.now(), limit), marks::remind);
  }

  public int markAllOverdue(int limit) {
    return each(steps.overdue(null, EngineClock.now(), limit), marks::markOverdue);
  }

  public boolean refresh(long caseId) {
    return Boolean.TRUE.equals(tx.execute(s -> cases.refreshDeadlineState(caseId).isPresent()));
  }

  public int purgeClosedBefore(Instant before) {
    Integer n = tx.execute(s -> steps.purgeClosedBefore(before));
    return n == null ? 0 : n;
  }

  private int each(Iterable<Step> candidates, Predicate<Step> action) {
    int n = 0;
    for (Step step : candidates) {
      try {
        n += Boolean.TRUE.equals(tx.execute(s -> action.test(step))) ? 1 : 0;
      } catch (RuntimeException e) {
        // another node holds or took the step; the next run sees the outcome
        log.warn("Deadline sweep skipped step {} of case {}: {}", step.taskId(), step.caseId(), e.toString());
      }
    }
    return n;
  }
}
