package org.linli.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.linli.notification.NotificationType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox table. Every state change is one conditional UPDATE, so nodes never step on each other. */
@Repository
public class OutboxRepository {

  /** A row as the sender needs it. */
  public record OutboxMessage(long id, String dedupeKey, NotificationType type, String recipientAddress,
      String recipientName, String subject, String bodyText, String bodyHtml, int attempts) {}

  /** A row as the operator sees it: no bodies. */
  public record OutboxEntry(long id, NotificationType type, String recipientUser, String recipientAddress,
      String subject, Long caseId, OutboxStatus status, int attempts, Instant nextAttemptAt, String lastError,
      Instant createdAt, Instant sentAt) {}

  public record NewRow(String dedupeKey, NotificationType type, String recipientUser, String recipientAddress,
      String recipientName, String subject, String bodyText, String bodyHtml, Long caseId, OutboxStatus status,
      String lastError) {}

  private final JdbcClient jdbc;

  OutboxRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Inserts unless the dedupe key exists. No unique violation is raised for a known duplicate, so
   * a PostgreSQL transaction is not aborted; the constraint still guards a true race.
   */
  public boolean insertIfAbsent(NewRow r, Instant now) {
    return jdbc.sql("""
            insert into notification_outbox (dedupe_key, type, recipient_user, recipient_address, recipient_name,
              subject, body_text, body_html, case_id, status, attempts, next_attempt_at, last_error, created_at)
            select cast(:key as varchar(500)), cast(:type as varchar(16)), cast(:user as varchar(64)),
              cast(:address as varchar(254)), cast(:name as varchar(100)), cast(:subject as varchar(500)),
              cast(:text as varchar(1000000)), cast(:html as varchar(1000000)), cast(:caseId as bigint),
              cast(:status as varchar(16)), 0, cast(:now as timestamp), cast(:error as varchar(2000)), cast(:now as timestamp)
            where not exists (select 1 from notification_outbox where dedupe_key = :key)
            """)
        .param("key", r.dedupeKey())
        .param("type", r.type().name())
        .param("user", r.recipientUser())
        .param("address", r.recipientAddress())
        .param("name", r.recipientName())
        .param("subject", r.subject())
        .param("text", r.bodyText())
        .param("html", r.bodyHtml())
        .param("caseId", r.caseId())
        .param("status", r.status().name())
        .param("now", ts(now))
        .param("error", truncate(r.lastError()))
        .update() == 1;
  }

  /**
   * Due rows: PENDING whose time has come by the engine clock, and SENDING whose lease ran out by
   * the wall clock (its node died mid-send). Leases protect a send in progress, which takes real
   * time, so they never follow a moved engine clock.
   */
  public List<Long> dueIds(Instant now, Instant wallNow, int limit) {
    return jdbc.sql("""
            select id from notification_outbox
            where (status = 'PENDING' and next_attempt_at <= :now) or (status = 'SENDING' and claimed_until <= :wall)
            order by next_attempt_at, id
            fetch first :limit rows only
            """)
        .param("now", ts(now))
        .param("wall", ts(wallNow))
        .param("limit", limit)
        .query(Long.class)
        .list();
  }

  /**
   * Takes a due row for this node until {@code leaseEnd} (wall clock); false if another node was
   * first.
   */
  public boolean claim(long id, Instant now, Instant wallNow, Instant leaseEnd) {
    return jdbc.sql("""
            update notification_outbox
            set status = 'SENDING', attempts = attempts + 1, claimed_until = :lease
            where id = :id
              and ((status = 'PENDING' and next_attempt_at <= :now) or (status = 'SENDING' and claimed_until <= :wall))
            """)
        .param("id", id)
        .param("now", ts(now))
        .param("wall", ts(wallNow))
        .param("lease", ts(leaseEnd))
        .update() == 1;
  }

  public Optional<OutboxMessage> message(long id) {
    return jdbc.sql("""
            select id, dedupe_key, type, recipient_address, recipient_name, subject, body_text, body_html, attempts
            from notification_outbox where id = ?
            """)
        .param(id)
        .query((rs, i) -> new OutboxMessage(rs.getLong(1), rs.getString(2), NotificationType.valueOf(rs.getString(3)),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9)))
        .optional();
  }

  /** The lease end is the claim's token: a node whose lease was taken over changes nothing. */
  public boolean markSent(long id, Instant leaseEnd, Instant now) {
    return jdbc.sql("""
            update notification_outbox set status = 'SENT', sent_at = :now, claimed_until = null, last_error = null
            where id = :id and status = 'SENDING' and claimed_until = :lease
            """)
        .param("id", id).param("lease", ts(leaseEnd)).param("now", ts(now))
        .update() == 1;
  }

  public boolean markRetry(long id, Instant leaseEnd, Instant nextAttempt, String error) {
    return jdbc.sql("""
            update notification_outbox set status = 'PENDING', next_attempt_at = :next, claimed_until = null, last_error = :error
            where id = :id and status = 'SENDING' and claimed_until = :lease
            """)
        .param("id", id).param("lease", ts(leaseEnd)).param("next", ts(nextAttempt)).param("error", truncate(error))
        .update() == 1;
  }

  public boolean markFailed(long id, Instant leaseEnd, String error) {
    return jdbc.sql("""
            update notification_outbox set status = 'FAILED', claimed_until = null, last_error = :error
            where id = :id and status = 'SENDING' and claimed_until = :lease
            """)
        .param("id", id).param("lease", ts(leaseEnd)).param("error", truncate(error))
        .update() == 1;
  }

  /** Newest first, optionally of one status. */
  public List<OutboxEntry> recent(OutboxStatus status, int limit) {
    return jdbc.sql("""
            select id, type, recipient_user, recipient_address, subject, case_id, status, attempts, next_attempt_at,
              last_error, created_at, sent_at
            from notification_outbox
            where (cast(:status as varchar(16)) is null or status = :status)
            order by id desc
            fetch first :limit rows only
            """)
        .param("status", status == null ? null : status.name())
        .param("limit", limit)
        .query(OutboxRepository::entry)
        .list();
  }

  private static OutboxEntry entry(ResultSet rs, int i) throws SQLException {
    long caseId = rs.getLong(6);
    Long caseIdOrNull = rs.wasNull() ? null : caseId;
    return new OutboxEntry(rs.getLong(1), NotificationType.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
        rs.getString(5), caseIdOrNull, OutboxStatus.valueOf(rs.getString(7)), rs.getInt(8),
        instant(rs.getTimestamp(9)), rs.getString(10), instant(rs.getTimestamp(11)), instant(rs.getTimestamp(12)));
  }

  static String truncate(String s) {
    return s == null || s.length() <= 2000 ? s : s.substring(0, 1999) + "…";
  }

  static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
