package org.linli.supervision.internal;

import org.linli.calendar.WorkingCalendar;
import org.linli.supervision.DailyDigest;
import org.linli.supervision.WeeklyReport;
import org.linli.system.LinliJob;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SupervisionJobs {

  /** 08:00 every day; the digest itself skips days off and counts make-up working days. */
  @Bean
  LinliJob dailyDigestJob(DailyDigest digest, WorkingCalendar calendar) {
    return LinliJob.cron("supervision-daily-digest", "0 0 8 * * ?", calendar.zone(), digest::send);
  }

  /**
   * 08:10 every day, after the digest; the report itself goes out on the week's first working day
   * (a later working day sends only what a missed run left), by the working-day calendar.
   */
  @Bean
  LinliJob weeklyReportJob(WeeklyReport report, WorkingCalendar calendar) {
    return LinliJob.cron("supervision-weekly-report", "0 10 8 * * ?", calendar.zone(), report::send);
  }
}
