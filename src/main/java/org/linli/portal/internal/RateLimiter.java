package org.linli.portal.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fixed-window counters in {@code rate_limit_bucket}, shared by every node. A hit is one
 * conditional UPDATE (or one INSERT opening the window); a refused hit writes nothing.
 */
@Component
class RateLimiter {

  /** Thrown when a client is over its limit; seconds until the window ends. */
  static class LimitExceeded extends RuntimeException {
    final long retryAfterSeconds;

    LimitExceeded(long retryAfterSeconds) {
      super("rate limit exceeded", null, false, false);
      this.retryAfterSeconds = retryAfterSeconds;
    }
  }

  private final JdbcClient jdbc;

  RateLimiter(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Counts a hit of {@code client} against {@code name}, or throws {@link LimitExceeded}. Runs
   * outside any transaction: a duplicate key on PostgreSQL would otherwise abort the caller's.
   */
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public void hit(String name, String client, int limit, Duration window) {
    Instant now = Instant.now();
    long size = window.toMillis();
    Instant start = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), size) * size);
    Instant end = start.plus(window);
    String key = name + ":" + (client == null ? "unknown" : client);
    if (key.length() > 200) {
      key = key.substring(0, 200);
    }
    // a full window is refused by two updates that change nothing, without an insert that would fail
    if (increment(key, start, limit) || (!exists(key, start) && open(key, start, end, limit))
        || increment(key, start, limit)) {
      return;
    }
    throw new LimitExceeded(Math.max(1, Duration.between(now, end).toSeconds() + 1));
  }

  private boolean increment(String key, Instant start, int limit) {
    return jdbc.sql("update rate_limit_bucket set hits = hits + 1 where bucket_key = ? and window_start = ? and hits < ?")
        .params(key, Timestamp.from(start), limit)
        .update() == 1;
  }

  private boolean exists(String key, Instant start) {
    return jdbc.sql("select count(*) from rate_limit_bucket where bucket_key = ? and window_start = ?")
        .params(key, Timestamp.from(start))
        .query(Long.class).single() > 0;
  }

  private boolean open(String key, Instant start, Instant end, int limit) {
    if (limit < 1) {
      return false;
    }
    try {
      return jdbc.sql("insert into rate_limit_bucket (bucket_key, window_start, window_end, hits) values (?, ?, ?, 1)")
          .params(key, Timestamp.from(start), Timestamp.from(end))
          .update() == 1;
    } catch (DuplicateKeyException e) {
      // the window exists already (full, or another node opened it just now): count there
      return false;
    }
  }

  /** Deletes windows that have ended. */
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public int purge() {
    return jdbc.sql("delete from rate_limit_bucket where window_end < ?").param(Timestamp.from(Instant.now())).update();
  }
}
