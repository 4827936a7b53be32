package org.linli.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How sign-in guessing is slowed down ({@code linli.security.login.*}).
 *
 * @param freeAttempts failed sign-ins of one user from one address before the back-off starts
 * @param firstBlock the first wait after them; each further failure doubles it
 * @param maxBlock the longest wait: an account is never locked for good
 * @param clientLimit failed sign-ins from one address, whoever for, before that address waits too
 * @param clientBlock how long an address that went over {@code clientLimit} waits
 * @param forgetAfter failures older than this no longer count
 */
@ConfigurationProperties("linli.security.login")
public record LoginThrottleProperties(
    @DefaultValue("5") int freeAttempts,
    @DefaultValue("30s") Duration firstBlock,
    @DefaultValue("15m") Duration maxBlock,
    @DefaultValue("100") int clientLimit,
    @DefaultValue("15m") Duration clientBlock,
    @DefaultValue("1d") Duration forgetAfter) {}
