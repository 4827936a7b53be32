package org.linli.notification.internal;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.linli.notification.internal.OutboxRepository.OutboxMessage;
import org.linli.system.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends due outbox rows. Each row is claimed with a conditional UPDATE before it is sent, so any
 * number of threads and nodes may run this at once and each row leaves once; a node that dies
 * mid-send loses its lease and the row is sent again, with the same Message-ID.
 */
@Component
public class OutboxSender {

  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
  // bounds one call when rows keep coming due (back-off of zero in a misconfiguration)
  private static final int MAX_ROUNDS = 20;
  // a dead server fails every row; stop the run instead of waiting out a timeout per row
  private static final int MAX_FAILURES_IN_A_ROW = 3;

  private final OutboxRepository outbox;
  private final ObjectProvider<JavaMailSender> mailSender;
  private final NotificationProperties properties;

  OutboxSender(OutboxRepository outbox, ObjectProvider<JavaMailSender> mailSender, NotificationProperties properties) {
    this.outbox = outbox;
    this.mailSender = mailSender;
    this.properties = properties;
  }

  /** Sends every row that is due now; returns how many this call sent. */
  public int deliverDue() {
    if (!properties.enabled()) {
      return 0;
    }
    JavaMailSender sender = mailSender.getIfAvailable();
    if (sender == null) {
      log.warn("No mail server configured (spring.mail.host); notifications wait in the outbox");
      return 0;
    }
    int sent = 0;
    int failuresInARow = 0;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      List<Long> ids = outbox.dueIds(EngineClock.now(), Instant.now(), properties.batchSize());
      for (long id : ids) {
        Result result = deliver(sender, id);
        if (result == Result.SENT) {
          sent++;
          failuresInARow = 0;
        } else if (result == Result.FAILED && ++failuresInARow >= MAX_FAILURES_IN_A_ROW) {
          log.warn("{} mails failed in a row; the rest waits for the next run", failuresInARow);
          return sent;
        }
      }
      if (ids.size() < properties.batchSize()) {
        break;
      }
    }
    return sent;
  }

  private enum Result { SENT, FAILED, TAKEN }

  private Result deliver(JavaMailSender sender, long id) {
    Instant now = EngineClock.now();
    // milliseconds: the lease end is compared back as the claim's token, and databases keep micros at most
    Instant wallNow = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    Instant leaseEnd = wallNow.plus(properties.lease());
    if (!outbox.claim(id, now, wallNow, leaseEnd)) {
      return Result.TAKEN; // another thread or node was first
    }
    OutboxMessage m = outbox.message(id).orElseThrow();
    try {
      sender.send(mime(sender, m));
    } catch (Exception e) {
      String reason = reason(e);
      if (m.attempts() >= properties.maxAttempts()) {
        outbox.markFailed(id, leaseEnd, reason);
        log.error("Mail {} to {} failed for good after {} tries: {}", id, m.recipientAddress(), m.attempts(), reason);
      } else {
        Instant next = EngineClock.now().plus(properties.backoff(m.attempts()));
        outbox.markRetry(id, leaseEnd, next, reason);
        log.warn("Mail {} to {} failed (try {}), next try at {}: {}", id, m.recipientAddress(), m.attempts(), next, reason);
      }
      return Result.FAILED;
    }
    if (!outbox.markSent(id, leaseEnd, EngineClock.now())) {
      log.warn("Mail {} was sent after its lease ran out; another node may send it again (same Message-ID)", id);
    }
    return Result.SENT;
  }

  private MimeMessage mime(JavaMailSender sender, OutboxMessage m) throws MessagingException, UnsupportedEncodingException {
    MimeMessage message = sender.createMimeMessage();
    message.setFrom(new InternetAddress(properties.from(), properties.fromName(), "UTF-8"));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(m.recipientAddress(), m.recipientName(), "UTF-8"));
    message.setSubject(m.subject(), "UTF-8");
    MimeBodyPart text = new MimeBodyPart();
    text.setText(m.bodyText(), "UTF-8", "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(m.bodyHtml(), "UTF-8", "html");
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(text);
    alternative.addBodyPart(html);
    message.setContent(alternative);
    // kept by JavaMailSenderImpl: a re-send after a crash carries the same id, so clients can drop it
    message.setHeader("Message-ID", messageId(m.dedupeKey()));
    message.setHeader("Auto-Submitted", "auto-generated");
    message.setHeader("X-Linli-Notification", m.type().name());
    return message;
  }

  String messageId(String dedupeKey) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(dedupeKey.getBytes(StandardCharsets.UTF_8));
      String from = properties.from();
      String domain = from.contains("@") ? from.substring(from.lastIndexOf('@') + 1) : "linli.localhost";
      return "<" + HexFormat.of().formatHex(hash, 0, 20) + ".linli@" + domain + ">";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String reason(Throwable e) {
    StringBuilder s = new StringBuilder(e.getClass().getSimpleName()).append(": ").append(e.getMessage());
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root != e) {
      s.append(" (cause: ").append(root.getClass().getSimpleName()).append(": ").append(root.getMessage()).append(')');
    }
    return s.toString();
  }
}
