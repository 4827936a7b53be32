package org.linli.casefile.internal;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Allocates readable case numbers ({@code MH2026-000123}) from a counter row per kind and year.
 * The increment runs in the caller's transaction, so a number is never handed out twice on any
 * number of nodes; the row is created on its own so that a race to create it cannot fail the
 * caller's transaction (PostgreSQL aborts a transaction on a duplicate key).
 */
@Component
public class CaseNumbers {

  private final JdbcClient jdbc;
  private final TransactionTemplate separate;

  CaseNumbers(JdbcClient jdbc, PlatformTransactionManager txManager) {
    this.jdbc = jdbc;
    this.separate = new TransactionTemplate(txManager);
    this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public String next(String prefix, int year) {
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
    long value =
        jdbc.sql("select last_value from case_number_counter where kind = ? and counter_year = ?")
            .params(prefix, year)
            .query(Long.class)
            .single();
    return String.format("%s%d-%06d", prefix, year, value);
  }

  private int increment(String prefix, int year) {
    return jdbc.sql("update case_number_counter set last_value = last_value + 1 where kind = ? and counter_year = ?")
        .params(prefix, year)
        .update();
  }
}
