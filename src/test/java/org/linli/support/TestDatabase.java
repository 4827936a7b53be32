package org.linli.support;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Points the suite at H2 (default) or at PostgreSQL ({@code -Dlinli.test.database=postgres}, the
 * second surefire run). On PostgreSQL the test database is dropped and created once per run, so
 * every run starts fresh. With {@code linli.test.postgres=auto} a missing server skips the tests
 * (and says so); with {@code required} (CI) it fails them.
 */
public class TestDatabase implements ExecutionCondition {

  private static volatile Boolean ready;

  public static boolean isPostgres() {
    return "postgres".equals(System.getProperty("linli.test.database"));
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (!isPostgres()) {
      return ConditionEvaluationResult.enabled("H2");
    }
    synchronized (TestDatabase.class) {
      if (ready == null) {
        ready = preparePostgres();
      }
    }
    if (!ready) {
      if ("required".equals(System.getProperty("linli.test.postgres"))) {
        throw new IllegalStateException("PostgreSQL is required but not reachable at " + url());
      }
      return ConditionEvaluationResult.disabled("PostgreSQL not reachable at " + url() + ": skipped");
    }
    return ConditionEvaluationResult.enabled("PostgreSQL at " + url());
  }

  private static boolean preparePostgres() {
    if ("off".equals(System.getProperty("linli.test.postgres"))) {
      return false;
    }
    URI uri = URI.create(url().substring("jdbc:".length()));
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort()), 2000);
    } catch (Exception e) {
      return false;
    }
    String database = uri.getPath().substring(1);
    recreate(database);
    System.setProperty("spring.datasource.url", url());
    System.setProperty("spring.datasource.username", user());
    System.setProperty("spring.datasource.password", System.getProperty("linli.test.postgres.password", ""));
    System.out.println("[linli] running the suite on PostgreSQL at " + url());
    return true;
  }

  /**
   * A database of its own for a test that needs several application starts on one database: a
   * fresh PostgreSQL database, or an H2 file in a new folder.
   */
  public static String freshDatabase(String name) {
    if (!isPostgres()) {
      try {
        Path dir = Files.createTempDirectory("linli-" + name);
        return "jdbc:h2:file:" + dir.resolve(name) + ";LOCK_TIMEOUT=10000";
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    }
    recreate(name);
    return url().substring(0, url().lastIndexOf('/') + 1) + name;
  }

  private static void recreate(String database) {
    if (!database.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("unsafe database name " + database);
    }
    String admin = url().substring(0, url().lastIndexOf('/') + 1) + "postgres";
    try (Connection c = DriverManager.getConnection(admin, user(), System.getProperty("linli.test.postgres.password", ""));
        Statement st = c.createStatement()) {
      st.execute("drop database if exists " + database + " with (force)");
      st.execute("create database " + database);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot recreate database " + database + " at " + admin, e);
    }
  }

  public static String url() {
    return System.getProperty("linli.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/linli_test");
  }

  public static String user() {
    return System.getProperty("linli.test.postgres.username", "postgres");
  }
}
