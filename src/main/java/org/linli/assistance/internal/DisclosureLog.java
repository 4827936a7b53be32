package org.linli.assistance.internal;

import java.sql.Timestamp;
import org.linli.assistance.AssistanceFiles;
import org.linli.casefile.CaseFiles;
import org.linli.system.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Household data disclosed to a system outside Linli, in {@code sensitive_access_log} (field group
 * {@value AssistanceFiles#FIELD_GROUP_EXTERNAL_VERIFICATION}). Each row is written and committed in a
 * transaction of its own before the data leave, and its outcome after: the record stays when the
 * caller's transaction (the verification job) rolls back, because the data left all the same. If the
 * row cannot be written, nothing is sent.
 */
@Component
public class DisclosureLog {

  static final int WHO_MAX = 64;
  static final int WHAT_MAX = 200;
  static final int OUTCOME_MAX = 200;
  public static final String PENDING = "PENDING";
  public static final String OK = "OK";
  public static final String FAILED = "FAILED";

  private final JdbcClient jdbc;
  private final CaseFiles cases;
  private final TransactionTemplate separate;

  DisclosureLog(JdbcClient jdbc, CaseFiles cases, PlatformTransactionManager txManager) {
    this.jdbc = jdbc;
    this.cases = cases;
    this.separate = new TransactionTemplate(txManager);
    this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Records that the case's data are about to go to {@code recipient}; returns the row's id for
   * {@link #ended}. Throws when the case is unknown or the row cannot be written.
   */
  public long sending(String caseNumber, String recipient, String disclosed) {
    long caseId = cases.byNumber(caseNumber)
        .orElseThrow(() -> new IllegalStateException("no case " + caseNumber + ": household data not sent")).id();
    Long id = separate.execute(status -> {
      GeneratedKeyHolder key = new GeneratedKeyHolder();
      jdbc.sql("insert into sensitive_access_log (accessed_by, accessed_at, case_id, field_group, purpose, outcome) "
              + "values (?, ?, ?, ?, ?, ?)")
          .params(cut(recipient, WHO_MAX), Timestamp.from(EngineClock.now()), caseId,
              AssistanceFiles.FIELD_GROUP_EXTERNAL_VERIFICATION, cut(disclosed, WHAT_MAX), PENDING)
          .update(key, "id");
      return key.getKey().longValue();
    });
    return id;
  }

  /** How the transfer ended: {@code null} for success, else why it failed. */
  public void ended(long id, String failure) {
    String outcome = failure == null ? OK : cut(FAILED + ": " + failure, OUTCOME_MAX);
    separate.executeWithoutResult(status ->
        jdbc.sql("update sensitive_access_log set outcome = ? where id = ?").params(outcome, id).update());
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
