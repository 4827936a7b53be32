package org.linli.supervision.internal;

import java.time.Duration;
import org.linli.supervision.SupervisionFigures;
import org.linli.system.LinliJob;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Keeps the supervision centre's figures at most a minute behind the case records. */
@Configuration(proxyBeanMethods = false)
class SupervisionFiguresJob {

  @Bean
  LinliJob supervisionFiguresRefresh(SupervisionFigures figures) {
    return LinliJob.every("supervision-figures", Duration.ofMinutes(1), figures::refreshRecent);
  }
}
