package org.linli.notification.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mail settings. The SMTP server itself is Spring's {@code spring.mail.*}.
 *
 * @param enabled send mail at all; when off, rows are still written and wait in the outbox
 * @param from sender address
 * @param fromName sender display name
 * @param baseUrl where links in mails point, without a trailing slash
 * @param batchSize rows claimed per round of the sender
 * @param lease how long a claimed row belongs to one node before another may take it over
 * @param backoffBase wait after the first failed try
 * @param backoffFactor each further failure multiplies the wait by this
 * @param backoffMax longest wait between tries
 * @param maxAttempts tries before a row is marked FAILED
 * @param deliverAfterCommit send within seconds after the writing transaction commits, besides the 30 s job
 */
@ConfigurationProperties("linli.notification")
public record NotificationProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("linli@localhost") String from,
    @DefaultValue("邻里 Linli") String fromName,
    @DefaultValue("http://localhost:8080") String baseUrl,
    @DefaultValue("50") int batchSize,
    @DefaultValue("5m") Duration lease,
    @DefaultValue("1m") Duration backoffBase,
    @DefaultValue("2") double backoffFactor,
    @DefaultValue("1h") Duration backoffMax,
    @DefaultValue("8") int maxAttempts,
    @DefaultValue("true") boolean deliverAfterCommit) {

  public NotificationProperties {
    baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    if (batchSize < 1 || maxAttempts < 1 || backoffFactor < 1) {
      throw new IllegalArgumentException("linli.notification: batch-size and max-attempts must be positive, backoff-factor at least 1");
    }
  }

  /** Wait after the given number of failed tries (1 = the first). */
  public Duration backoff(int attempts) {
    double millis = backoffBase.toMillis() * Math.pow(backoffFactor, Math.max(0, attempts - 1));
    return millis >= backoffMax.toMillis() ? backoffMax : Duration.ofMillis((long) millis);
  }
}
