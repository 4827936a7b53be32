package org.linli.supervision;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * Open cases by working days open: {@code minDays} to {@code maxDays} working days, both included
 * ({@code maxDays} null for the open-ended last bucket). The bucket's cases are the open ones opened
 * after {@code openedAfter} and no later than {@code openedBy}, the instants its count was taken at
 * (the newest bucket's {@code openedBy} is when it was taken): the case list's filter of the same
 * names lists exactly them, less those closed since.
 */
public record Ageing(String label, int minDays, Integer maxDays, long count,
    @Schema(description = "opened after this instant (excluded); null for the oldest bucket") Instant openedAfter,
    @Schema(description = "opened no later than this instant (included); for the newest bucket, when the count was taken") Instant openedBy) {}
