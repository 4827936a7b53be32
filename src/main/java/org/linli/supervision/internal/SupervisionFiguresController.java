package org.linli.supervision.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.linli.security.LinliUser;
import org.linli.supervision.Breakdown;
import org.linli.supervision.KeyFigures;
import org.linli.supervision.SupervisionFigures;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The supervision centre's figures as JSON, for the supervisors of an area and no one else. */
@RestController
@RequestMapping("/api/supervision")
@Tag(name = "Supervision")
class SupervisionFiguresController {

  private final SupervisionFigures figures;
  private final SupervisionAccess access;

  SupervisionFiguresController(SupervisionFigures figures, SupervisionAccess access) {
    this.figures = figures;
    this.access = access;
  }

  @GetMapping("/figures")
  @Operation(summary = "Key figures of your area (or a township or village of it) for a period")
  KeyFigures figures(
      @RequestParam(defaultValue = "TODAY") SupervisionAccess.PeriodName period,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) @Parameter(description = "a township or village of your area") String division) {
    LinliUser user = access.supervisor();
    return figures.keyFigures(access.area(user, division), access.period(period, from, to));
  }

  @GetMapping("/breakdown")
  @Operation(summary = "The period's figures per township, village (of a township), department, category or kind")
  List<Breakdown> breakdown(
      @RequestParam(defaultValue = "TOWNSHIP") Breakdown.By by,
      @RequestParam(defaultValue = "TODAY") SupervisionAccess.PeriodName period,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) @Parameter(description = "a township or village of your area") String division) {
    LinliUser user = access.supervisor();
    return figures.breakdown(access.area(user, division), access.period(period, from, to), by, SupervisionAccess.township(division));
  }
}
