package org.linli.supervision;

/**
 * Open cases by working days open: {@code minDays} to {@code maxDays} working days, both included
 * ({@code maxDays} null for the open-ended last bucket).
 */
public record Ageing(String label, int minDays, Integer maxDays, long count) {}
