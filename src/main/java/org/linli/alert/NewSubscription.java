package org.linli.alert;

/**
 * A subscription as asked for: where alerts go and of which area and level.
 *
 * @param email the address mailed
 * @param displayName the name in the greeting (optional)
 * @param divisionCode a county, township or village code; its alerts and those below it
 * @param minLevel {@code I} … {@code IV}: this level and graver ones
 */
public record NewSubscription(String email, String displayName, String divisionCode, String minLevel) {}
