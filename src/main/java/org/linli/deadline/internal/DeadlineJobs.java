package org.linli.deadline.internal;

import java.time.Duration;
import org.linli.deadline.DeadlineSweep;
import org.linli.system.LinliJob;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DeadlineJobs {

  /** Every minute: what timers missed, and case colours brought up to the clock. */
  @Bean
  LinliJob deadlineSweepJob(DeadlineSweep sweep) {
    return LinliJob.every("deadline-sweep", Duration.ofMinutes(1), sweep::run);
  }
}
