package org.linli.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.linli.support.LinliIntegrationTest;

/** Rollback, duplicates, a dead mail server with back-off and give-up, and concurrent senders. */
@LinliIntegrationTest
class NotificationOutboxTests extends MailTestSupport {

  static final Map<String, Object> MODEL = Map.of("caseNumber", "MH2026-000100", "title", "楼道灯不亮", "stepName", "办理");

  static Instant at(Object timestamp) {
    return ((Timestamp) timestamp).toInstant();
  }

  static List<String> addresses(MimeMessage[] messages) {
    return Arrays.stream(messages).map(m -> {
      try {
        return to(m);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  @Test
  void aNotificationOfARolledBackTransactionIsNeverSent() {
    assertThatThrownBy(() -> tx.execute(status -> {
      assertThat(notifications.toUsers(NotificationType.NEW_TASK, "task:rollback", List.of("wang.fang"), MODEL, null)).isEqualTo(1);
      throw new IllegalStateException("the business step fails after the mail was queued");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(outboxRows()).isEmpty();
    assertThat(sender.deliverDue()).isZero();
    assertThat(received()).isEmpty();
  }

  @Test
  void theSameEventKeyMailsEachRecipientOnce() {
    assertThat(inTransaction(() -> notifications.toUsers(NotificationType.NEW_TASK, "task:dup", List.of("wang.fang", "wang.fang"), MODEL, null)
        + notifications.toUsers(NotificationType.NEW_TASK, "task:dup", List.of("wang.fang"), MODEL, null))).isEqualTo(1);
    assertThat(inTransaction(() -> notifications.toGroups(NotificationType.NEW_TASK, "task:dup", List.of("caseworker@330106002001"), MODEL, null)))
        .as("a later transaction, same event").isZero();
    assertThat(inTransaction(() -> notifications.toUsers(NotificationType.REMINDER, "task:dup", List.of("wang.fang"), MODEL, null)))
        .as("another type is another mail").isEqualTo(1);
    assertThat(sender.deliverDue()).isEqualTo(2);
    assertThat(sender.deliverDue()).isZero();
    assertThat(received()).hasSize(2);
  }

  @Test
  void usersWithoutAddressOrUnknownAreSkippedAndBadResidentAddressesWriteNothing() {
    jdbc.sql("update staff set email = null where username = 'zhou.yun'").update();
    try {
      assertThat(inTransaction(() -> notifications.toUsers(NotificationType.OVERDUE, "overdue:x",
          List.of("zhou.yun", "nobody", "ma.tao"), MODEL, null))).isEqualTo(1);
      assertThat(inTransaction(() -> notifications.toAddress(NotificationType.REPLY, "reply:x", "not an address", "某人", MODEL, null)
          + notifications.toAddress(NotificationType.REPLY, "reply:x", null, "某人", MODEL, null))).isZero();
    } finally {
      jdbc.sql("update staff set email = 'zhou.yun@linli.example' where username = 'zhou.yun'").update();
    }
    assertThat(outboxRows()).extracting(r -> r.get("RECIPIENT_USER")).containsExactly("ma.tao");
  }

  @Test
  void aDeadMailServerDelaysMailWithBackOffLosesNothingAndSendsEachOnceWhenBack() {
    stopSmtp();
    inTransaction(() -> notifications.toGroups(NotificationType.NEW_TASK, "task:down",
        List.of("caseworker@330106002001", "gridworker@330106002001"), MODEL, null));

    assertThat(sender.deliverDue()).isZero();
    assertThat(outboxRows()).hasSize(2).allSatisfy(r -> {
      assertThat(r.get("STATUS")).isEqualTo("PENDING");
      assertThat(r.get("ATTEMPTS")).isEqualTo(1);
      assertThat(at(r.get("NEXT_ATTEMPT_AT"))).isEqualTo(T0.plus(Duration.ofMinutes(1)));
      assertThat((String) r.get("LAST_ERROR")).contains("MailSendException").contains("Connect");
    });
    assertThat(sender.deliverDue()).as("nothing is due before the back-off ends").isZero();
    assertThat(outboxRows()).allSatisfy(r -> assertThat(r.get("ATTEMPTS")).isEqualTo(1));

    moveClock(Duration.ofMinutes(1));
    assertThat(sender.deliverDue()).isZero();
    assertThat(outboxRows()).allSatisfy(r -> {
      assertThat(r.get("ATTEMPTS")).isEqualTo(2);
      assertThat(at(r.get("NEXT_ATTEMPT_AT"))).as("twice as long").isEqualTo(T0.plus(Duration.ofMinutes(1 + 2)));
    });

    startSmtp();
    moveClock(Duration.ofMinutes(1));
    assertThat(sender.deliverDue()).as("still backing off").isZero();
    moveClock(Duration.ofMinutes(1));
    assertThat(sender.deliverDue()).isEqualTo(2);
    assertThat(sender.deliverDue()).isZero();
    assertThat(addresses(received())).containsExactlyInAnyOrder("\"王芳\" <wang.fang@linli.example>", "\"李强\" <li.qiang@linli.example>");
    assertThat(outboxRows()).allSatisfy(r -> {
      assertThat(r.get("STATUS")).isEqualTo("SENT");
      assertThat(r.get("ATTEMPTS")).isEqualTo(3);
      assertThat(at(r.get("SENT_AT"))).isEqualTo(T0.plus(Duration.ofMinutes(3)));
      assertThat(r.get("LAST_ERROR")).isNull();
    });
  }

  @Test
  void aDeadServerEndsTheRunAfterThreeFailuresAndTheRestWaitsForTheNext() {
    stopSmtp();
    inTransaction(() -> {
      int n = 0;
      for (int i = 0; i < 5; i++) {
        n += notifications.toAddress(NotificationType.REPLY, "reply:breaker", "r" + i + "@example.com", null, MODEL, null);
      }
      return n;
    });
    assertThat(sender.deliverDue()).isZero();
    assertThat(outboxRows()).extracting(r -> r.get("ATTEMPTS")).containsExactly(1, 1, 1, 0, 0);
    assertThat(sender.deliverDue()).isZero();
    assertThat(outboxRows()).extracting(r -> r.get("ATTEMPTS")).containsExactly(1, 1, 1, 1, 1);
  }

  @Test
  void afterMaxAttemptsTheRowFailsWithTheReasonAndStaysVisible() {
    stopSmtp();
    inTransaction(() -> notifications.toAddress(NotificationType.REPLY, "reply:dead", "resident@example.com", "张三", MODEL, null));
    List<Duration> waits = new ArrayList<>();
    Instant previous = now();
    for (int attempt = 1; attempt <= 8; attempt++) {
      assertThat(sender.deliverDue()).isZero();
      Map<String, Object> row = outboxRows().get(0);
      assertThat(row.get("ATTEMPTS")).isEqualTo(attempt);
      if (attempt < 8) {
        assertThat(row.get("STATUS")).isEqualTo("PENDING");
        Instant next = at(row.get("NEXT_ATTEMPT_AT"));
        waits.add(Duration.between(previous, next));
        setClock(next);
        previous = next;
      } else {
        assertThat(row.get("STATUS")).isEqualTo("FAILED");
        assertThat((String) row.get("LAST_ERROR")).contains("MailSendException");
      }
    }
    assertThat(waits).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
        Duration.ofMinutes(8), Duration.ofMinutes(16), Duration.ofMinutes(32), Duration.ofHours(1));
    startSmtp();
    moveClock(Duration.ofDays(1));
    assertThat(sender.deliverDue()).as("a failed row is not tried again").isZero();
    assertThat(received()).isEmpty();
  }

  @Test
  void aRowWhoseSenderDiedIsTakenOverAfterItsLease() {
    inTransaction(() -> notifications.toUsers(NotificationType.OVERDUE, "overdue:lease", List.of("wang.fang"), MODEL, null));
    // a node claimed the row and died before sending
    long id = (Long) outboxRows().get(0).get("ID");
    jdbc.sql("update notification_outbox set status = 'SENDING', attempts = 1, claimed_until = ? where id = ?")
        .params(Timestamp.from(Instant.now().plus(Duration.ofMinutes(5))), id).update();
    assertThat(sender.deliverDue()).as("the lease still runs").isZero();
    moveClock(Duration.ofDays(30));
    assertThat(sender.deliverDue()).as("leases run on the wall clock, not the engine clock").isZero();
    // five minutes of real time later
    jdbc.sql("update notification_outbox set claimed_until = ? where id = ?")
        .params(Timestamp.from(Instant.now().minusSeconds(1)), id).update();
    assertThat(sender.deliverDue()).isEqualTo(1);
    assertThat(outboxRows().get(0)).containsEntry("STATUS", "SENT").containsEntry("ATTEMPTS", 2);
  }

  @Test
  void twoSendersAtOnceDeliverEachRowOnce() throws Exception {
    int rows = 30;
    inTransaction(() -> {
      int n = 0;
      for (int i = 0; i < rows; i++) {
        n += notifications.toAddress(NotificationType.REPLY, "reply:many", "resident" + i + "@example.com", "居民" + i, MODEL, null);
      }
      return n;
    });
    CountDownLatch start = new CountDownLatch(1);
    Callable<Integer> run = () -> {
      start.await();
      return sender.deliverDue();
    };
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Integer> a = pool.submit(run);
      Future<Integer> b = pool.submit(run);
      start.countDown();
      assertThat(a.get() + b.get()).isEqualTo(rows);
    } finally {
      pool.shutdownNow();
    }
    MimeMessage[] messages = received();
    assertThat(messages).hasSize(rows);
    assertThat(addresses(messages)).doesNotHaveDuplicates();
    assertThat(outboxRows()).allSatisfy(r -> assertThat(r).containsEntry("STATUS", "SENT").containsEntry("ATTEMPTS", 1));
  }
}
