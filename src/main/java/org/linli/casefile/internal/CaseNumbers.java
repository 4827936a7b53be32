package org.linli.casefile.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.linli.system.InstallSecrets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Allocates readable case numbers ({@code MH2026-483920}) from a counter row per kind and year.
 * The increment runs in the caller's transaction, so a number is never handed out twice on any
 * number of nodes; the row is created on its own so that a race to create it cannot fail the
 * caller's transaction (PostgreSQL aborts a transaction on a duplicate key).
 *
 * <p>The counter runs 1, 2, 3…, but the number printed is that count under a keyed permutation
 * of the six (or more) digits: every count gets its own number, and a resident's receipt does not
 * tell how many cases came before it. A count whose number an older case already holds (numbered
 * before the permutation, or under another key) is skipped. The key is the install's
 * ({@code linli.case-numbers.key}, else a random one every node reads from {@code install_secret}).
 */
@Component
public class CaseNumbers {

  static final String SECRET_NAME = "case-numbers";
  static final int ROUNDS = 8;
  /** Gives up after this many numbers in a row are taken: something is wrong, not unlucky. */
  static final int MAX_SKIPS = 1000;

  private final JdbcClient jdbc;
  private final TransactionTemplate separate;
  private final String configuredKey;
  private final InstallSecrets secrets;
  private volatile byte[] key;

  CaseNumbers(JdbcClient jdbc, PlatformTransactionManager txManager, InstallSecrets secrets,
      @Value("${linli.case-numbers.key:}") String configuredKey) {
    this.jdbc = jdbc;
    this.secrets = secrets;
    this.separate = new TransactionTemplate(txManager);
    this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.configuredKey = configuredKey;
  }

  /** The key is read (or made) at start-up, so that no intake needs a second connection for it. */
  @EventListener(ApplicationReadyEvent.class)
  void loadKey() {
    key();
  }

  public String next(String prefix, int year) {
    key(); // before the counter row is locked: never wait for a connection while holding that lock
    for (int attempt = 0; attempt <= MAX_SKIPS; attempt++) {
      String number = format(prefix, year, advance(prefix, year));
      // Numbers made before the permutation, or under another key, can already hold this value.
      // The counter row stays locked by this transaction, so only committed cases can collide.
      boolean taken = jdbc.sql("select count(*) from case_file where case_number = ?").param(number)
          .query(Long.class).single() > 0;
      if (!taken) {
        return number;
      }
    }
    throw new IllegalStateException("no free case number for " + prefix + " " + year + " after " + MAX_SKIPS + " tries");
  }

  String format(String prefix, int year, long value) {
    int digits = Math.max(6, Long.toString(value).length());
    return String.format("%s%d-%0" + digits + "d", prefix, year, permute(prefix + year, value, digits));
  }

  private long advance(String prefix, int year) {
    if (increment(prefix, year) == 0) {
      try {
        separate.executeWithoutResult(
            s ->
                jdbc.sql("insert into case_number_counter (kind, counter_year, last_value) values (?, ?, 0)")
                    .params(prefix, year)
                    .update());
      } catch (DuplicateKeyException raced) {
        // another intake created the row first: fine
      }
      if (increment(prefix, year) == 0) {
        throw new IllegalStateException("no case number counter for " + prefix + " " + year);
      }
    }
    return jdbc.sql("select last_value from case_number_counter where kind = ? and counter_year = ?")
        .params(prefix, year)
        .query(Long.class)
        .single();
  }

  private int increment(String prefix, int year) {
    return jdbc.sql("update case_number_counter set last_value = last_value + 1 where kind = ? and counter_year = ?")
        .params(prefix, year)
        .update();
  }

  /**
   * A keyed permutation of {@code [0, 10^digits)}: a Feistel network on the smallest even number of
   * bits that covers it, applied again while the result lies outside (cycle-walking), so distinct
   * values always give distinct numbers. {@code tweak} gives each kind and year its own order.
   */
  long permute(String tweak, long value, int digits) {
    long domain = pow10(digits);
    int bits = 64 - Long.numberOfLeadingZeros(domain - 1);
    bits += bits % 2;
    int half = bits / 2;
    long mask = (1L << half) - 1;
    long x = value;
    do {
      long left = x >>> half;
      long right = x & mask;
      for (int round = 0; round < ROUNDS; round++) {
        long next = left ^ (round(tweak, round, right) & mask);
        left = right;
        right = next;
      }
      x = (left << half) | right;
    } while (x >= domain);
    return x;
  }

  private long round(String tweak, int round, long half) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(), "HmacSHA256"));
      mac.update((tweak + ":" + round + ":").getBytes(StandardCharsets.UTF_8));
      mac.update(ByteBuffer.allocate(Long.BYTES).putLong(half).array());
      return ByteBuffer.wrap(mac.doFinal()).getLong() & Long.MAX_VALUE;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private byte[] key() {
    byte[] k = key;
    if (k == null) {
      k = configuredKey != null && !configuredKey.isBlank() ? configuredKey.getBytes(StandardCharsets.UTF_8) : secrets.secret(SECRET_NAME);
      key = k;
    }
    return k;
  }

  private static long pow10(int digits) {
    long p = 1;
    for (int i = 0; i < digits; i++) {
      p *= 10;
    }
    return p;
  }
}
