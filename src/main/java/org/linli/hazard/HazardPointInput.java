package org.linli.hazard;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;

/**
 * A hazard point as registered ({@code POST}) or changed ({@code PUT}: fields left out keep their
 * value; {@code divisionCode} and {@code hazardType} cannot change).
 *
 * @param nextInspectionOn the first (or next) inspection day; today when left out on registration
 */
public record HazardPointInput(
    @Schema(description = "name, e.g. 后山滑坡点") String name,
    @Schema(description = "village or community code") String divisionCode,
    String location,
    Double latitude,
    Double longitude,
    HazardType hazardType,
    @Schema(description = "days between inspections, 1 to 365") Integer cycleDays,
    LocalDate nextInspectionOn,
    Boolean active) {}
