package org.linli.system;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A job that spans cases (outbox delivery, overdue sweep, daily digest), run by Quartz's clustered
 * JDBC job store: declare it as a bean and it is scheduled; one node of the cluster runs each firing,
 * and a firing never overlaps the previous one of the same job (DisallowConcurrentExecution).
 *
 * <pre>{@code
 * @Bean LinliJob deadlineSweepJob(DeadlineSweep sweep) {
 *   return LinliJob.every("deadline-sweep", Duration.ofMinutes(1), sweep::run);
 * }
 * @Bean LinliJob dailyDigest(Digest d) {  // the task itself skips non-working days
 *   return LinliJob.cron("supervision-daily-digest", "0 0 8 * * ?", calendar.zone(), d::send);
 * }
 * }</pre>
 *
 * Cron expressions are Quartz's (seconds first, {@code ?} for day-of-month or day-of-week). Times
 * are wall-clock, not the engine clock; the task should read {@link EngineClock} for "now". A
 * missed interval firing is skipped; a missed cron firing runs once as soon as a node is up.
 * Tests do not start the scheduler ({@code spring.quartz.auto-startup=false}): call the task.
 *
 * @param name unique, stable: the Quartz job and trigger key (group {@code linli})
 * @param interval fixed period, or null when {@code cron} is given
 * @param cron Quartz cron expression, or null when {@code interval} is given
 * @param zone zone of the cron expression
 * @param task what to run; an exception is logged and the next firing comes as planned
 */
public record LinliJob(String name, Duration interval, String cron, ZoneId zone, Runnable task) {

  public LinliJob {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(task, "task");
    if (!name.matches("[a-z0-9][a-z0-9.-]{0,99}")) {
      throw new IllegalArgumentException("job name must be lower-case letters, digits, '.' or '-': " + name);
    }
    if ((interval == null) == (cron == null)) {
      throw new IllegalArgumentException("job " + name + " needs either an interval or a cron expression");
    }
    if (interval != null && (interval.isNegative() || interval.toMillis() < 1000)) {
      throw new IllegalArgumentException("job " + name + " runs at most once a second");
    }
  }

  public static LinliJob every(String name, Duration interval, Runnable task) {
    return new LinliJob(name, interval, null, null, task);
  }

  public static LinliJob cron(String name, String cron, ZoneId zone, Runnable task) {
    return new LinliJob(name, null, cron, Objects.requireNonNull(zone, "zone"), task);
  }
}
