package org.linli.system.internal;

import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TimeZone;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.linli.system.LinliJob;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.ScheduleBuilder;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.quartz.JobStoreType;
import org.springframework.boot.autoconfigure.quartz.QuartzProperties;
import org.springframework.boot.autoconfigure.quartz.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Turns every {@link LinliJob} bean into a Quartz job and trigger, next to any plain JobDetail and
 * Trigger beans, and picks Quartz's driver delegate from the database unless it is set explicitly.
 */
@Configuration(proxyBeanMethods = false)
class QuartzJobs {

  static final String GROUP = "linli";
  static final String DELEGATE = "org.quartz.jobStore.driverDelegateClass";

  @Bean
  LinliJobRegistry linliJobRegistry(ObjectProvider<LinliJob> jobs) {
    return new LinliJobRegistry(jobs.orderedStream().toList());
  }

  @Bean
  SchedulerFactoryBeanCustomizer linliJobsCustomizer(
      LinliJobRegistry registry,
      ObjectProvider<JobDetail> jobDetails,
      ObjectProvider<Trigger> triggers,
      QuartzProperties quartz,
      DataSource dataSource) {
    return factory -> {
      // Boot has set the plain beans already; this call replaces them, so they are included again
      List<JobDetail> details = new ArrayList<>(jobDetails.orderedStream().toList());
      List<Trigger> allTriggers = new ArrayList<>(triggers.orderedStream().toList());
      for (LinliJob job : registry.all()) {
        JobDetail detail = JobBuilder.newJob(LinliQuartzJob.class)
            .withIdentity(job.name(), GROUP)
            .withDescription(job.interval() != null ? "every " + job.interval() : job.cron() + " " + job.zone())
            .storeDurably()
            .build();
        details.add(detail);
        allTriggers.add(TriggerBuilder.newTrigger()
            .forJob(detail)
            .withIdentity(job.name(), GROUP)
            .withSchedule(schedule(job))
            .build());
      }
      factory.setJobDetails(details.toArray(JobDetail[]::new));
      factory.setTriggers(allTriggers.toArray(Trigger[]::new));
      Properties properties = new Properties();
      properties.putAll(quartz.getProperties());
      if (!properties.containsKey(DELEGATE) && quartz.getJobStoreType() == JobStoreType.JDBC) {
        properties.setProperty(DELEGATE, delegateFor(dataSource));
      }
      factory.setQuartzProperties(properties);
    };
  }

  private static ScheduleBuilder<? extends Trigger> schedule(LinliJob job) {
    if (job.interval() != null) {
      return SimpleScheduleBuilder.simpleSchedule()
          .withIntervalInMilliseconds(job.interval().toMillis())
          .repeatForever()
          .withMisfireHandlingInstructionNextWithRemainingCount();
    }
    return CronScheduleBuilder.cronSchedule(job.cron())
        .inTimeZone(TimeZone.getTimeZone(job.zone()))
        .withMisfireHandlingInstructionFireAndProceed();
  }

  /** PostgreSQL keeps job data in bytea, which only its own delegate reads. */
  static String delegateFor(DataSource dataSource) {
    try {
      String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
      return "PostgreSQL".equalsIgnoreCase(product)
          ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate"
          : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate";
    } catch (MetaDataAccessException e) {
      throw new IllegalStateException("cannot tell which database Quartz runs on", e);
    }
  }

  /** The declared jobs by name, for the Quartz job that runs them. */
  static final class LinliJobRegistry {
    private final Map<String, LinliJob> jobs;

    LinliJobRegistry(List<LinliJob> jobs) {
      this.jobs = jobs.stream().collect(Collectors.toMap(LinliJob::name, Function.identity(), (a, b) -> {
        throw new IllegalStateException("two jobs named " + a.name());
      }, java.util.LinkedHashMap::new));
    }

    LinliJob get(String name) {
      return jobs.get(name);
    }

    java.util.Collection<LinliJob> all() {
      return jobs.values();
    }
  }
}
