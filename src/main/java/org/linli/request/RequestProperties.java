package org.linli.request;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Time limits of the request steps, in working days (handling limits are per category).
 *
 * @param maxExtensionDays the most an extension may add
 */
@ConfigurationProperties("linli.request")
public record RequestProperties(
    @DefaultValue("1") int signDays,
    @DefaultValue("1") int dispatchDays,
    @DefaultValue("1") int extensionReviewDays,
    @DefaultValue("1") int callbackDays,
    @DefaultValue("3") int supervisorDays,
    @DefaultValue("10") int maxExtensionDays) {}
