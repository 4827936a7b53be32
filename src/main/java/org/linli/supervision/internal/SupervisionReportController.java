package org.linli.supervision.internal;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.linli.organization.Scope;
import org.linli.security.CurrentUser;
import org.linli.security.LinliUser;
import org.linli.supervision.Breakdown;
import org.linli.supervision.KeyFigures;
import org.linli.supervision.Period;
import org.linli.supervision.SupervisionFigures;
import org.linli.supervision.internal.FigureTables.Figure;
import org.linli.supervision.internal.FigureTables.Table;
import org.linli.system.EngineClock;
import org.linli.system.ForbiddenException;
import org.linli.system.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * 督办月报: a month's key figures and its township (or village) and department break-downs on one
 * page laid out for A4, for the same users and areas as the figures' API; and the same as a workbook.
 */
@Controller
class SupervisionReportController {

  static final String PATH = "/supervision/report";
  /** What the area's open cases are now: not the month's, so shown apart. */
  static final List<Figure> NOW = List.of(Figure.OVERDUE_NOW, Figure.YELLOW_NOW, Figure.RED_NOW, Figure.EVER_OVERDUE_OPEN);

  private final SupervisionFigures figures;
  private final FigureRequests access;
  private final ReportTables tables;
  private final CurrentUser currentUser;

  SupervisionReportController(SupervisionFigures figures, FigureRequests access, ReportTables tables, CurrentUser currentUser) {
    this.figures = figures;
    this.access = access;
    this.tables = tables;
    this.currentUser = currentUser;
  }

  /** A month's figures and their tables, in the page's order. */
  private record Report(String area, YearMonth month, Period period, KeyFigures key, Breakdown.By by, Table monthFigures,
      Table nowFigures, Table unitTable, Table departmentTable) {}

  @GetMapping(PATH)
  String page(@RequestParam(required = false) String month, @RequestParam(required = false) String division, Locale locale,
      Model model) {
    LinliUser user = access.supervisor();
    Report r = report(user, month, division, locale);
    YearMonth next = r.month().plusMonths(1);
    model.addAttribute("user", user);
    model.addAttribute("r", r);
    model.addAttribute("division", division == null || division.isBlank() ? null : division);
    // the area asked for, kept by the month links (a checked code: digits only)
    model.addAttribute("areaQuery", division == null || division.isBlank() ? "" : "&division=" + division.strip());
    DateTimeFormatter monthPattern = DateTimeFormatter.ofPattern(tables.text("report.monthPattern", locale), locale);
    String monthText = monthPattern.format(r.month());
    model.addAttribute("monthText", monthText);
    model.addAttribute("months", months(r.month(), monthPattern));
    // what each printed page carries in its margins: area and month, period, page of pages
    model.addAttribute("printHead", cssString(tables.text("report.heading", locale, r.area()) + " · " + monthText));
    model.addAttribute("printPeriod", cssString(tables.text("report.period", locale, r.period().from(), r.period().to())));
    model.addAttribute("previous", r.month().minusMonths(1));
    model.addAttribute("next", next.isAfter(access.thisMonth()) ? null : next);
    model.addAttribute("refreshed", tables.time(r.key().refreshedAt()));
    model.addAttribute("prepared", tables.time(EngineClock.now()));
    model.addAttribute("pageOf", pageOf(tables.text("report.pageOf", locale, "\u0000", "\u0001")));
    return "work/supervision-report";
  }

  /** The same month as a workbook: key figures, the township (or village) and the department break-down. */
  @GetMapping(PATH + ".xlsx")
  ResponseEntity<byte[]> workbook(@RequestParam(required = false) String month, @RequestParam(required = false) String division,
      Locale locale) {
    LinliUser user = access.supervisor();
    Report r = report(user, month, division, locale);
    byte[] bytes = SheetWriter.xlsx(List.of(tables.keyFigures(r.key(), r.area(), locale), r.unitTable(), r.departmentTable()));
    return SupervisionExportController.file(bytes, SheetWriter.XLSX,
        tables.fileName(tables.text("report.title", locale), r.area(), r.period()) + ".xlsx");
  }

  private Report report(LinliUser user, String month, String division, Locale locale) {
    YearMonth m = month(month);
    Scope area = access.area(user, division);
    Period period = access.month(m);
    String areaName = access.areaName(user, division, locale);
    KeyFigures key = figures.keyFigures(area, period);
    // a township's units are its villages; a village asked for is its own only unit
    Breakdown.By by = access.byVillage(user, division) ? Breakdown.By.VILLAGE : Breakdown.By.TOWNSHIP;
    List<Breakdown> units = figures.breakdown(area, period, by, by == Breakdown.By.VILLAGE ? FigureRequests.township(division) : null);
    List<Breakdown> departments = figures.breakdown(area, period, Breakdown.By.DEPARTMENT, null);
    var labels = tables.labels(locale);
    List<Figure> monthly = FigureTables.KEY_FIGURES.stream().filter(f -> !NOW.contains(f)).toList();
    return new Report(areaName, m, period, key, by,
        FigureTables.keyFigures("", "", key, monthly, labels), FigureTables.keyFigures("", "", key, NOW, labels),
        tables.breakdown(by, units, period, areaName, locale), tables.breakdown(Breakdown.By.DEPARTMENT, departments, period, areaName, locale));
  }

  /** A month to choose from the page's own list, named in its language (a browser's month field would speak the browser's). */
  record MonthChoice(YearMonth value, String label) {}

  /** The last two years' months, newest first, and the one shown if it is older. */
  private List<MonthChoice> months(YearMonth shown, DateTimeFormatter pattern) {
    List<MonthChoice> out = new java.util.ArrayList<>();
    YearMonth m = access.thisMonth();
    for (int i = 0; i < 24; i++, m = m.minusMonths(1)) {
      out.add(new MonthChoice(m, pattern.format(m)));
    }
    if (shown.isBefore(m.plusMonths(1))) {
      out.add(new MonthChoice(shown, pattern.format(shown)));
    }
    return out;
  }

  /** This month when none is given; 2026-11 otherwise. */
  private YearMonth month(String month) {
    if (month == null || month.isBlank()) {
      return access.thisMonth();
    }
    try {
      return YearMonth.parse(month.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("month", "月份应写作 2026-11 write the month as 2026-11");
    }
  }

  /** Text as a quoted CSS string that cannot end its string or its style element. */
  static String cssString(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\' || c == '<' || c == '>' || c < 0x20) {
        out.append('\\').append(Integer.toHexString(c)).append(' ');
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /** "第 {0} 页，共 {1} 页" as the content of a printed page's margin box, with the page counters in place. */
  static String pageOf(String text) {
    StringBuilder css = new StringBuilder();
    for (String part : text.split("(?=[\u0000\u0001])|(?<=[\u0000\u0001])")) {
      if (part.equals("\u0000")) {
        css.append(" counter(page)");
      } else if (part.equals("\u0001")) {
        css.append(" counter(pages)");
      } else if (!part.isEmpty()) {
        css.append(' ').append(cssString(part));
      }
    }
    return css.toString().strip();
  }

  @ExceptionHandler({ForbiddenException.class, InvalidInputException.class})
  ModelAndView refused(RuntimeException e) {
    return ErrorPages.of(e, currentUser.get());
  }
}
