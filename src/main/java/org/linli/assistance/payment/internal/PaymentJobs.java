package org.linli.assistance.payment.internal;

import org.linli.assistance.payment.PaymentProperties;
import org.linli.assistance.payment.PaymentRun;
import org.linli.assistance.payment.RecheckProperties;
import org.linli.assistance.payment.Rechecks;
import org.linli.system.LinliJob;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.linli.calendar.WorkingCalendar;

/** The monthly payment run and the daily start of due re-checks, on Quartz (one node per firing). */
@Configuration(proxyBeanMethods = false)
class PaymentJobs {

  @Bean
  LinliJob assistancePaymentRun(PaymentRun run, PaymentProperties properties, WorkingCalendar calendar) {
    // pays the current month: on the 5th the month's entitlements are known and approved
    return LinliJob.cron("assistance-payment-run", properties.cron(), calendar.zone(), run::runCurrentMonth);
  }

  @Bean
  LinliJob assistanceRecheckStart(Rechecks rechecks, RecheckProperties properties, WorkingCalendar calendar) {
    return LinliJob.cron("assistance-recheck-start", properties.cron(), calendar.zone(), rechecks::startDue);
  }
}
