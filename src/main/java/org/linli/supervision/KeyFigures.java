package org.linli.supervision;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * The standard figures a county judges its units by, for an area and a period. Rates are fractions
 * (0.95), null when there is nothing to divide by.
 */
public record KeyFigures(
    Period period,
    @Schema(description = "受理量: cases opened in the period") long received,
    @Schema(description = "办结量: cases closed in the period") long closed,
    @Schema(description = "办结率: closed / received") Double closedRate,
    @Schema(description = "按期办结率: closed by their due time / closed") Double onTimeRate,
    @Schema(description = "closed in the period after having run late at some step") long closedLate,
    @Schema(description = "超期件次: steps that ran past their due time in the period") long overdueSteps,
    @Schema(description = "open cases whose current step is past its due time now") long overdueNow,
    @Schema(description = "open cases that ran late at some step, whatever their colour now") long everOverdueOpen,
    @Schema(description = "open cases at risk (yellow) now") long yellowNow,
    @Schema(description = "open cases overdue (red) now") long redNow,
    @Schema(description = "ratings in the period") long rated,
    @Schema(description = "满意率: (satisfied + basically satisfied) / rated") Double satisfactionRate,
    @Schema(description = "reopenings (重办) in the period") long reopened,
    @Schema(description = "重办率: reopenings / closed") Double reopenRate,
    @Schema(description = "退单: returns in the period") long returns,
    @Schema(description = "延期: extensions granted in the period") long extensions,
    @Schema(description = "average handling time of the cases closed, in working hours") Double averageHandlingHours,
    @Schema(description = "督办: urgings in the period") long urgings,
    @Schema(description = "when the period's figures were last rebuilt (today's lag at most a minute or two)") Instant refreshedAt) {}
