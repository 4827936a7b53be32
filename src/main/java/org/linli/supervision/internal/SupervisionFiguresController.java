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
import org.linli.calendar.WorkingCalendar;
import org.linli.supervision.Ageing;
import org.linli.supervision.Period;
import org.linli.supervision.SupervisionAccess.PeriodName;
import org.linli.supervision.Rankings;
import org.linli.supervision.Trend;
import org.linli.system.InvalidInputException;
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
  private final FigureRequests access;
  private final WorkingCalendar calendar;

  SupervisionFiguresController(SupervisionFigures figures, FigureRequests access, WorkingCalendar calendar) {
    this.figures = figures;
    this.access = access;
    this.calendar = calendar;
  }

  @GetMapping("/figures")
  @Operation(summary = "Key figures of your area (or a township or village of it) for a period")
  KeyFigures figures(
      @RequestParam(defaultValue = "TODAY") PeriodName period,
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
      @RequestParam(defaultValue = "TODAY") PeriodName period,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) @Parameter(description = "a township or village of your area") String division) {
    LinliUser user = access.supervisor();
    return figures.breakdown(access.area(user, division), access.period(period, from, to), by, FigureRequests.township(division));
  }

  @GetMapping("/trend")
  @Operation(summary = "Received, closed and late steps per day over the last 30 or 90 days (or a period)")
  List<Trend> trend(
      @RequestParam(defaultValue = "30") @Parameter(description = "30 or 90; ignored for a CUSTOM period") int days,
      @RequestParam(required = false) PeriodName period,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) @Parameter(description = "a township or village of your area") String division) {
    LinliUser user = access.supervisor();
    if (period == null && days != 30 && days != 90) {
      throw new InvalidInputException("days", "应为 30 或 90 30 or 90");
    }
    Period p = period == null ? Period.lastDays(calendar.today(), days) : access.period(period, from, to);
    return figures.trend(access.area(user, division), p);
  }

  @GetMapping("/ageing")
  @Operation(summary = "Open cases by working days open: ≤1, 2–3, 4–5, 6–10, >10")
  List<Ageing> ageing(@RequestParam(required = false) @Parameter(description = "a township or village of your area") String division) {
    return figures.ageing(access.area(access.supervisor(), division));
  }

  @GetMapping("/rankings")
  @Operation(summary = "红黑榜: villages or departments by on-time rate and satisfaction, and the open cases longest overdue")
  Rankings rankings(
      @RequestParam(defaultValue = "VILLAGE") Breakdown.By by,
      @RequestParam(defaultValue = "MONTH") PeriodName period,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(defaultValue = "3") @Parameter(description = "cases closed (or rated) a unit needs to be ranked") int minimum,
      @RequestParam(required = false) @Parameter(description = "a township or village of your area") String division) {
    LinliUser user = access.supervisor();
    if (by != Breakdown.By.VILLAGE && by != Breakdown.By.DEPARTMENT && by != Breakdown.By.TOWNSHIP) {
      throw new InvalidInputException("by", "按村社区、乡镇或部门排名 rank villages, townships or departments");
    }
    if (minimum < 1 || minimum > 1000) {
      throw new InvalidInputException("minimum", "应为 1 至 1000 between 1 and 1000");
    }
    return figures.rankings(access.area(user, division), access.period(period, from, to), by, minimum);
  }
}
