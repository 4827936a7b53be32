package org.linli.assistance.internal;

import org.linli.assistance.AssistanceStandards;
import org.linli.assistance.HouseholdVerifier;
import org.linli.assistance.VerifierProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Picks the household verifier, and the entitlement sink until payments supply theirs. */
@Configuration(proxyBeanMethods = false)
class VerifierConfiguration {

  private static final Logger log = LoggerFactory.getLogger(VerifierConfiguration.class);

  @Bean
  @ConditionalOnProperty(prefix = "linli.assistance.verifier", name = "url")
  HouseholdVerifier httpHouseholdVerifier(VerifierProperties properties, DisclosureLog disclosures) {
    log.info("Households are verified by {}", properties.url());
    return new HttpHouseholdVerifier(properties, disclosures);
  }

  @Bean
  @ConditionalOnMissingBean(HouseholdVerifier.class)
  HouseholdVerifier declaredDataVerifier(AssistanceStandards standards, org.linli.calendar.WorkingCalendar calendar) {
    return new DeclaredDataVerifier(standards, calendar);
  }

}
