package org.linli.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.linli.LinliApplication;
import org.linli.support.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Flyway and the engine share one database: a fresh one, a restart on an existing one, and one
 * the engine filled before Linli's tables existed. Demo data never lands on real data.
 */
@ExtendWith(TestDatabase.class)
@org.junit.jupiter.api.Tag("database")
class DatabaseLifecycleTests {

  static ConfigurableApplicationContext start(String url, String... profiles) {
    // command-line arguments: they outrank the test profile's and the PostgreSQL run's data source
    return new SpringApplicationBuilder(LinliApplication.class)
        .profiles(profiles)
        .run(
            "--spring.datasource.url=" + url,
            "--server.port=0",
            "--camunda.bpm.generate-unique-process-engine-name=true",
            "--camunda.bpm.job-execution.enabled=false",
            // without the demo profile the first administrator comes from configuration
            "--linli.admin.username=root.admin",
            "--linli.admin.password=lifecycle-test-secret-1");
  }

  static long count(ConfigurableApplicationContext ctx, String sql) {
    return ctx.getBean(JdbcClient.class).sql(sql).query(Long.class).single();
  }

  @Test
  void freshThenExistingDatabase() throws Exception {
    String url = TestDatabase.freshDatabase("linli_lifecycle");
    try (var ctx = start(url, "test")) {
      assertThat(count(ctx, "select count(*) from \"linli_schema_history\" where \"success\"")).isGreaterThanOrEqualTo(3);
      assertThat(ctx.getBean(javax.sql.DataSource.class).getConnection().getMetaData().getURL()).startsWith(url.split(";")[0]);
      assertThat(count(ctx, "select count(*) from division")).as("no demo profile, no demo data").isZero();
    }
    try (var ctx = start(url, "test", "demo")) {
      assertThat(count(ctx, "select count(*) from division")).as("an empty database takes the demo").isEqualTo(15);
      ctx.getBean(JdbcClient.class).sql("insert into division (code, name, kind, parent_code, created_at)"
          + " values ('330106009', '真实镇', 'TOWN', '330106', current_timestamp)").update();
    }
    try (var ctx = start(url, "test", "demo")) {
      assertThat(count(ctx, "select count(*) from division")).as("demo data is not loaded again").isEqualTo(16);
      ProcessEngine engine = ctx.getBean(ProcessEngine.class);
      assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("resident-request")
          .list()).as("unchanged models are not deployed again").hasSize(1);
    }
  }

  @Test
  void aDatabaseTheEngineFilledFirst() {
    String url = TestDatabase.freshDatabase("linli_engine_first");
    ProcessEngineConfiguration config = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
        .setJdbcUrl(url)
        .setJdbcUsername(TestDatabase.isPostgres() ? TestDatabase.user() : "sa")
        .setJdbcPassword("")
        .setJdbcDriver(TestDatabase.isPostgres() ? "org.postgresql.Driver" : "org.h2.Driver")
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
        .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
        .setProcessEngineName("engine-first")
        .setJobExecutorActivate(false);
    ProcessEngine bare = config.buildProcessEngine();
    bare.close();
    try (var ctx = start(url, "test", "demo")) {
      assertThat(count(ctx, "select count(*) from \"linli_schema_history\" where \"success\"")).isGreaterThanOrEqualTo(3);
      List<String> versions = ctx.getBean(JdbcClient.class)
          .sql("select \"version\" from \"linli_schema_history\" where \"version\" is not null order by \"installed_rank\"").query(String.class).list();
      assertThat(versions).as("baselined or not, every migration ran on the filled schema").contains("1", "2", "3");
      assertThat(count(ctx, "select count(*) from staff where username <> 'root.admin'")).as("the demo staff, heads included").isEqualTo(23);
    }
  }
}
