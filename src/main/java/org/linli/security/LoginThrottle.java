package org.linli.security;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.linli.system.EngineClock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows down password guessing, per user and client address, with back-off instead of a lock-out:
 * after a few free failures each further one makes that user wait longer from that address (up to
 * a limit), and an address that fails for many users waits as a whole. Another address is never
 * held up, so nobody can lock a member of staff out from elsewhere; an administrator can lift a
 * wait at once. Every sign-in (Linli's pages and API, the engine's REST API, Camunda's webapps)
 * goes through the engine's password check, which asks this first.
 */
@Service
public class LoginThrottle {

  /** A user and address waiting to try again. */
  public record Block(String username, String client, int failures, Instant lastFailureAt, Instant blockedUntil) {}

  /** The row that counts every user's failures from one address. */
  static final String ANY_USER = "*";
  static final int MAX_KEY = 64;

  private final JdbcClient jdbc;
  private final LoginThrottleProperties properties;
  private final TransactionTemplate savepoint;

  LoginThrottle(JdbcClient jdbc, LoginThrottleProperties properties, PlatformTransactionManager txManager) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.savepoint = new TransactionTemplate(txManager);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /** Seconds the user must wait before trying again from this address; 0 when they may try now. */
  public long retryAfterSeconds(String username, String client) {
    Instant now = EngineClock.now();
    Instant until = jdbc.sql("select max(blocked_until) from login_throttle where client = ? and username in (?, ?)"
            + " and blocked_until > ?")
        .params(key(client), key(username), ANY_USER, Timestamp.from(now))
        .query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null);
    return until == null ? 0 : Math.max(1, Duration.between(now, until).toSeconds() + 1);
  }

  /**
   * A wrong password: the pair, and the address as a whole, count one more failure. Runs in the
   * password check's own transaction (which commits: a wrong password is an answer, not an error),
   * so that a sign-in never holds more than one connection, however many arrive at once.
   */
  public void failed(String username, String client) {
    Instant now = EngineClock.now();
    int n = count(key(username), key(client), now);
    if (n > properties.freeAttempts()) {
      long factor = 1L << Math.min(20, n - properties.freeAttempts() - 1);
      Duration wait = properties.firstBlock().multipliedBy(factor);
      block(key(username), key(client), now.plus(wait.compareTo(properties.maxBlock()) > 0 ? properties.maxBlock() : wait));
    }
    if (count(ANY_USER, key(client), now) >= properties.clientLimit()) {
      block(ANY_USER, key(client), now.plus(properties.clientBlock()));
    }
  }

  /** A right password: the user's failures from this address are forgotten. */
  public void succeeded(String username, String client) {
    jdbc.sql("delete from login_throttle where username = ? and client = ?").params(key(username), key(client)).update();
  }

  /** Users and addresses waiting now, the longest wait first. */
  public List<Block> blocked() {
    return jdbc.sql("select username, client, failures, last_failure_at, blocked_until from login_throttle"
            + " where blocked_until > ? order by blocked_until desc")
        .param(Timestamp.from(EngineClock.now()))
        .query((rs, i) -> new Block(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getTimestamp(4).toInstant(),
            rs.getTimestamp(5).toInstant()))
        .list();
  }

  /** An administrator lets a user (or, with {@value #ANY_USER}, nobody in particular) try again from anywhere. */
  public int unlock(String username) {
    return jdbc.sql("delete from login_throttle where username = ?").param(key(username)).update();
  }

  /** Forgets failures nobody needs to remember any longer. */
  public int purge() {
    Instant now = EngineClock.now();
    return jdbc.sql("delete from login_throttle where last_failure_at < ? and (blocked_until is null or blocked_until < ?)")
        .params(Timestamp.from(now.minus(properties.forgetAfter())), Timestamp.from(now)).update();
  }

  /** The client address of the request being served on this thread (set by a filter ahead of every sign-in). */
  private static final ThreadLocal<String> CLIENT = new ThreadLocal<>();

  /** The address of the request being served on this thread, or "local" outside any request. */
  public static String clientOfCurrentRequest() {
    String client = CLIENT.get();
    return client == null ? "local" : client;
  }

  /** The client of the request this thread serves, until closed. */
  public interface Serving extends AutoCloseable {
    @Override
    void close();
  }

  /** Serves a request from this client address on this thread: {@code try (var s = serving(request)) {…}}. */
  public static Serving serving(HttpServletRequest request) {
    String outer = CLIENT.get();
    CLIENT.set(request.getRemoteAddr());
    return () -> {
      if (outer == null) {
        CLIENT.remove();
      } else {
        CLIENT.set(outer);
      }
    };
  }

  /** Counts one more failure of the row, starting afresh after {@code forgetAfter}; returns the count. */
  private int count(String username, String client, Instant now) {
    Timestamp at = Timestamp.from(now);
    Timestamp stale = Timestamp.from(now.minus(properties.forgetAfter()));
    String update = "update login_throttle set failures = case when last_failure_at < ? then 1 else failures + 1 end,"
        + " last_failure_at = ? where username = ? and client = ?";
    if (jdbc.sql(update).params(stale, at, username, client).update() == 0) {
      try {
        // behind a savepoint: on PostgreSQL a duplicate key would abort the surrounding transaction
        savepoint.executeWithoutResult(s -> jdbc.sql(
                "insert into login_throttle (username, client, failures, last_failure_at) values (?, ?, 1, ?)")
            .params(username, client, at).update());
        return 1;
      } catch (DuplicateKeyException raced) {
        jdbc.sql(update).params(stale, at, username, client).update();
      }
    }
    return jdbc.sql("select failures from login_throttle where username = ? and client = ?").params(username, client)
        .query(Integer.class).single();
  }

  private void block(String username, String client, Instant until) {
    jdbc.sql("update login_throttle set blocked_until = ? where username = ? and client = ?")
        .params(Timestamp.from(until), username, client).update();
  }

  private static String key(String s) {
    String k = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    return k.length() > MAX_KEY ? k.substring(0, MAX_KEY) : k;
  }
}
