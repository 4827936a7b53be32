package org.linli.portal.internal;

import java.time.Duration;
import org.linli.system.LinliJob;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PortalJobs {

  /** Ended rate-limit windows are of no further use. */
  @Bean
  LinliJob portalRateLimitPurge(RateLimiter limiter) {
    return LinliJob.every("portal-rate-limit-purge", Duration.ofMinutes(30), limiter::purge);
  }
}
