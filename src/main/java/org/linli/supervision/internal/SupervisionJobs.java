package org.linli.supervision.internal;

import org.linli.calendar.WorkingCalendar;
import org.linli.supervision.DailyDigest;
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
}
