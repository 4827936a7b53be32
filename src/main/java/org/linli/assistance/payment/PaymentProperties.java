package org.linli.assistance.payment;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Payment settings.
 *
 * @param directory where the bank files are written
 * @param cron when the monthly run starts (Quartz cron, in the calendar's zone); it pays the current month
 */
@ConfigurationProperties("linli.assistance.payment")
public record PaymentProperties(
    @DefaultValue("./data/payments") Path directory,
    @DefaultValue("0 0 2 5 * ?") String cron) {}
