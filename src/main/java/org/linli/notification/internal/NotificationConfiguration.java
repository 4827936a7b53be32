package org.linli.notification.internal;

import java.time.Duration;
import org.linli.system.LinliJob;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

  /** Catches whatever the after-commit nudge missed: retries, other nodes' rows, restarts. */
  @Bean
  LinliJob notificationDelivery(OutboxSender sender) {
    return LinliJob.every("notification-delivery", Duration.ofSeconds(30), sender::deliverDue);
  }
}
