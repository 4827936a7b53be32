package org.linli.system;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Random keys of this install (case numbers, portal receipts), kept in {@code install_secret}: made
 * once by whichever node needs one first, then read by every node. Each read or write runs in a
 * transaction of its own, since PostgreSQL aborts the caller's on a duplicate key.
 */
@Component
public class InstallSecrets {

  private final JdbcClient jdbc;
  private final TransactionTemplate separate;

  InstallSecrets(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.separate = new TransactionTemplate(transactions);
    this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The install's 32-byte secret of that name, made now if no node has made it yet. */
  public byte[] secret(String name) {
    String found = stored(name);
    if (found == null) {
      byte[] fresh = new byte[32];
      new SecureRandom().nextBytes(fresh);
      try {
        separate.executeWithoutResult(s -> jdbc.sql("insert into install_secret (name, secret, created_at) values (?, ?, ?)")
            .params(name, Base64.getEncoder().encodeToString(fresh), Timestamp.from(Instant.now())).update());
      } catch (DuplicateKeyException raced) {
        // another node made it first: use theirs
      }
      found = stored(name);
    }
    return Base64.getDecoder().decode(found);
  }

  private String stored(String name) {
    return separate.execute(s -> jdbc.sql("select secret from install_secret where name = ?").param(name)
        .query(String.class).optional().orElse(null));
  }
}
