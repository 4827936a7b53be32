package org.linli.supervision;

import java.time.LocalDate;

/** One day of a trend: received, closed and steps that ran late that day. */
public record Trend(LocalDate day, long received, long closed, long overdueSteps) {}
