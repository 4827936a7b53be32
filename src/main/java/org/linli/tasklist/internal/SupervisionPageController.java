package org.linli.tasklist.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.linli.calendar.WorkingCalendar;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseKindDefinition;
import org.linli.casefile.StepLoad;
import org.linli.casefile.StepTime;
import org.linli.organization.DivisionLevel;
import org.linli.organization.Scope;
import org.linli.security.CurrentUser;
import org.linli.security.LinliUser;
import org.linli.supervision.Breakdown;
import org.linli.supervision.KeyFigures;
import org.linli.supervision.Period;
import org.linli.supervision.Rankings;
import org.linli.supervision.SupervisionAccess;
import org.linli.supervision.SupervisionAccess.PeriodName;
import org.linli.supervision.SupervisionFigures;
import org.linli.supervision.Trend;
import org.linli.system.Bilingual;
import org.linli.system.EngineClock;
import org.linli.system.InvalidInputException;
import org.linli.system.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 督办中心: the page a county or township supervisor opens every morning. The figures of their
 * area (or a township or village of it) for a period, each number a link to the cases behind it in
 * the case list, the 红黑榜, the trend and ageing charts, and where the area's work waits on each
 * process diagram. Everything it shows is in its address, so a view can be bookmarked and shared.
 */
@Controller
class SupervisionPageController {

  /** The ranks of the 红黑榜 a page offers. */
  static final List<Breakdown.By> RANKS = List.of(Breakdown.By.VILLAGE, Breakdown.By.TOWNSHIP, Breakdown.By.DEPARTMENT);

  /** The kinds in the workbench's order (its filters list them so). */
  static final List<String> KIND_ORDER = List.of("REQUEST", "ASSISTANCE", "RECHECK", "EMERGENCY", "INSPECTION");

  private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

  private final SupervisionFigures figures;
  private final SupervisionAccess access;
  private final CurrentUser currentUser;
  private final CaseFiles cases;
  private final RepositoryService repository;
  private final WorkbenchModel work;
  private final MessageSource messages;
  private final WorkingCalendar calendar;
  private final ObjectMapper json;

  SupervisionPageController(SupervisionFigures figures, SupervisionAccess access, CurrentUser currentUser, CaseFiles cases,
      RepositoryService repository, WorkbenchModel work, MessageSource messages, WorkingCalendar calendar, ObjectMapper json) {
    this.figures = figures;
    this.access = access;
    this.currentUser = currentUser;
    this.cases = cases;
    this.repository = repository;
    this.work = work;
    this.messages = messages;
    this.calendar = calendar;
    this.json = json;
  }

  /** One number of a tile or a cell: its text, the case list behind it (or none), and a tone (red, amber). */
  record Value(String text, String href, String tone, String labelKey) {}

  /** A key figure: its label, its number(s), and a note under it. */
  record Tile(String id, String labelKey, List<Value> values, String note) {}

  /** A row of a break-down table: the unit's name, where clicking it drills to (or null), its numbers. */
  record Row(String key, String name, String drillHref, List<Value> cells) {}

  /** A break-down table: its id, title, first column's head, rows, and the export's address. */
  record Table(String id, String titleKey, String unitKey, List<Row> rows, String exportHref) {}

  /** A step of the breadcrumbs: the place's name and the page for it (null for the current one). */
  record Crumb(String name, String href) {}

  /** A 红黑榜 entry: the unit, its rate and how many cases it rests on (each a link), and its cards of the period. */
  record Ranked(String name, Value rate, Value basis, long yellowCards, long redCards) {}

  /** A bar of the ageing chart: its bucket, its count and the open cases behind it. */
  record AgeBar(String label, long count, String href) {}

  /** A process whose waiting work the page can draw. */
  record Process(String kind, String href, boolean shown) {}

  /**
   * A step of the shown process: its name, open and overdue now, each a link to the area's task
   * list; and the average working hours its steps took that were completed in the period (with
   * how many), linked to the same list: Linli has no list of the completed steps by activity yet.
   */
  record Waiting(String activityId, String name, Value open, Value overdue, Value average, long completed) {}

  /** What the page shows: the period and area of its address, and the other choices in it. */
  record View(PeriodName periodName, Period period, String division, int days, Breakdown.By rank, String process) {

    /** The page's address with some of it changed (null values drop out). */
    String href(Map<String, Object> changes) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("period", periodName == PeriodName.TODAY ? null : periodName);
      p.put("from", periodName == PeriodName.CUSTOM ? period.from() : null);
      p.put("to", periodName == PeriodName.CUSTOM ? period.to() : null);
      p.put("division", division);
      p.put("days", days == 30 ? null : days);
      p.put("rank", rank == Breakdown.By.VILLAGE ? null : rank);
      p.put("process", process == null || process.equals("REQUEST") ? null : process);
      p.putAll(changes);
      UriComponentsBuilder b = UriComponentsBuilder.fromPath("/supervision");
      p.forEach((k, v) -> {
        if (v != null && !v.toString().isBlank()) {
          b.queryParam(k, v);
        }
      });
      return b.encode().build().toUriString();
    }
  }

  @GetMapping("/supervision")
  String page(
      @RequestParam(required = false) PeriodName period,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String division,
      @RequestParam(defaultValue = "30") int days,
      @RequestParam(required = false) Breakdown.By rank,
      @RequestParam(required = false) String process,
      Model model, Locale locale) {
    LinliUser user = SupervisionAccess.supervisor(currentUser.get());
    String here = division == null || division.isBlank() ? null : division.strip();
    Scope area = SupervisionAccess.area(user, here);
    if (days != 30 && days != 90) {
      throw new InvalidInputException("days", "应为 30 或 90 30 or 90");
    }
    if (rank != null && !RANKS.contains(rank)) {
      throw new InvalidInputException("rank", "按村社区、乡镇或部门排名 rank villages, townships or departments");
    }
    DivisionLevel level = here != null ? DivisionLevel.ofCode(here) : levelOf(user.scope());
    // a village ranks its departments: villages and townships have one unit there
    Breakdown.By ranked = level == DivisionLevel.VILLAGE ? Breakdown.By.DEPARTMENT : rank == null ? Breakdown.By.VILLAGE : rank;
    List<CaseKindDefinition> kinds = cases.kinds().stream()
        .sorted(java.util.Comparator.comparing(k -> KIND_ORDER.indexOf(k.kind()) < 0 ? 99 : KIND_ORDER.indexOf(k.kind()))).toList();
    String shownKind = kinds.stream().map(CaseKindDefinition::kind).filter(k -> k.equals(process)).findFirst()
        .orElse(kinds.stream().map(CaseKindDefinition::kind).filter("REQUEST"::equals).findFirst()
            .orElse(kinds.isEmpty() ? null : kinds.get(0).kind()));
    PeriodName name = period == null ? PeriodName.TODAY : period;
    View view = new View(name, access.period(name, from, to), here, days, ranked, shownKind);
    CaseLinks links = new CaseLinks(here, view.period());

    KeyFigures key = figures.keyFigures(area, view.period());
    model.addAttribute("view", view);
    model.addAttribute("columns", COLUMNS);
    model.addAttribute("user", user);
    model.addAttribute("crumbs", crumbs(user, here, view));
    model.addAttribute("refreshedAt", key.refreshedAt() == null ? null
        : HOURS_MINUTES.format(key.refreshedAt().atZone(calendar.zone())));
    model.addAttribute("tiles", tiles(key, links, locale));
    model.addAttribute("periods", periodLinks(view));

    // the places under the area: its townships, a township's villages; a village has none
    Table places = null;
    if (level != DivisionLevel.VILLAGE) {
      boolean villages = level == DivisionLevel.TOWNSHIP;
      Breakdown.By by = villages ? Breakdown.By.VILLAGE : Breakdown.By.TOWNSHIP;
      String township = villages ? (here != null ? here : user.scope().divisionCodes().iterator().next()) : null;
      places = table("places", villages ? "sv.table.villages" : "sv.table.townships",
          villages ? "sv.unit.village" : "sv.unit.township", figures.breakdown(area, view.period(), by, township), by, links, view,
          locale);
    }
    model.addAttribute("placeTable", places);
    model.addAttribute("otherTables", List.of(
        table("departments", "sv.table.departments", "sv.unit.department",
            figures.breakdown(area, view.period(), Breakdown.By.DEPARTMENT, null), Breakdown.By.DEPARTMENT, links, view, locale),
        table("categories", "sv.table.categories", "sv.unit.category",
            figures.breakdown(area, view.period(), Breakdown.By.CATEGORY, null), Breakdown.By.CATEGORY, links, view, locale),
        table("kinds", "sv.table.kinds", "sv.unit.kind",
            figures.breakdown(area, view.period(), Breakdown.By.KIND, null), Breakdown.By.KIND, links, view, locale)));
    model.addAttribute("figuresExport", export("/supervision/figures.xlsx", null, view));

    Rankings rankings = figures.rankings(area, view.period(), ranked, 3);
    model.addAttribute("rankings", rankings);
    model.addAttribute("rankLinks", RANKS.stream()
        .filter(r -> level == DivisionLevel.VILLAGE ? r == Breakdown.By.DEPARTMENT
            : r != Breakdown.By.TOWNSHIP || level == null || level == DivisionLevel.COUNTY)
        .map(r -> Map.entry(r, view.href(Map.of("rank", r)))).toList());
    model.addAttribute("onTimeBest", ranked(rankings.onTimeBest(), ranked, links, false, locale));
    model.addAttribute("onTimeWorst", ranked(rankings.onTimeWorst(), ranked, links, false, locale));
    model.addAttribute("satisfactionBest", ranked(rankings.satisfactionBest(), ranked, links, true, locale));
    model.addAttribute("satisfactionWorst", ranked(rankings.satisfactionWorst(), ranked, links, true, locale));

    List<Trend> trend = figures.trend(area, Period.lastDays(calendar.today(), days));
    List<AgeBar> ageing = figures.ageing(area).stream()
        .map(a -> new AgeBar(a.label(), a.count(), links.openedBetween(a.openedAfter(), a.openedBy()))).toList();
    model.addAttribute("ageing", ageing);
    model.addAttribute("dayLinks", List.of(30, 90).stream().map(d -> Map.entry(d, view.href(Map.of("days", d)))).toList());

    Instant now = EngineClock.now();
    List<Waiting> waiting = shownKind == null ? List.of() : waiting(area, shownKind, view.period(), now, here, locale);
    model.addAttribute("processes", kinds.stream()
        .map(k -> new Process(k.kind(), view.href(Map.of("process", k.kind())) + "#waiting", k.kind().equals(shownKind))).toList());
    model.addAttribute("waiting", waiting);
    model.addAttribute("shownKind", shownKind);
    model.addAttribute("charts", json(charts(trend, ageing, waiting, links, shownKind, locale)));
    return "work/supervision";
  }

  /** The shown process's model, latest version, in the page's language, for the diagram viewer. */
  @GetMapping(value = "/supervision/diagrams/{kind}.bpmn", produces = MediaType.APPLICATION_XML_VALUE)
  ResponseEntity<byte[]> diagram(@PathVariable String kind, Locale locale) throws java.io.IOException {
    SupervisionAccess.supervisor(currentUser.get());
    CaseKindDefinition definition = cases.kinds().stream().filter(k -> k.kind().equals(kind)).findFirst()
        .orElseThrow(() -> new NotFoundException("no kind of case " + kind));
    ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(definition.processDefinitionKey())
        .latestVersion().singleResult();
    if (latest == null) {
      throw new NotFoundException("no process " + definition.processDefinitionKey());
    }
    try (var in = repository.getProcessModel(latest.getId())) {
      String xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
          .body(CasePageController.inLanguage(xml, locale).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  /** The level of a user's area when it is one place; null when it is several, or everything. */
  private static DivisionLevel levelOf(Scope scope) {
    if (scope.everything() || scope.divisionCodes().size() != 1 || !scope.departments().isEmpty()) {
      return null;
    }
    return DivisionLevel.ofCode(scope.divisionCodes().iterator().next());
  }

  /** From the user's area down to the place shown: each a link but the last. */
  private List<Crumb> crumbs(LinliUser user, String here, View view) {
    Scope scope = user.scope();
    String root = levelOf(scope) == null ? null : scope.divisionCodes().iterator().next();
    List<Crumb> out = new ArrayList<>();
    out.add(new Crumb(root == null ? msg("sv.allAreas") : work.divisionName(root),
        here == null || here.equals(root) ? null : view.href(divisionChange(null))));
    if (here == null) {
      return out;
    }
    for (DivisionLevel level : DivisionLevel.values()) {
      String code = level.ancestorOf(here);
      if (code == null || (root != null && code.length() <= root.length())) {
        continue;
      }
      out.add(new Crumb(work.divisionName(code), code.equals(here) ? null : view.href(divisionChange(code))));
    }
    return out;
  }

  private static Map<String, Object> divisionChange(String code) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("division", code);
    return m;
  }

  private String msg(String key) {
    return messages.getMessage(key, null, key, org.springframework.context.i18n.LocaleContextHolder.getLocale());
  }

  private List<Map.Entry<PeriodName, String>> periodLinks(View view) {
    List<Map.Entry<PeriodName, String>> out = new ArrayList<>();
    for (PeriodName p : List.of(PeriodName.TODAY, PeriodName.WEEK, PeriodName.MONTH)) {
      Map<String, Object> change = new LinkedHashMap<>();
      change.put("period", p == PeriodName.TODAY ? null : p);
      change.put("from", null);
      change.put("to", null);
      out.add(Map.entry(p, view.href(change)));
    }
    return out;
  }

  /** The key figures: each count a link to its cases, each rate to the cases it is a rate of. */
  private List<Tile> tiles(KeyFigures k, CaseLinks links, Locale locale) {
    String closed = links.closed(Map.of());
    // what is open is counted by the figures job: its cases are those opened by the count's time
    java.util.function.Function<Map<String, String>, String> counted = extra -> links.openedBy(extra, k.refreshedAt());
    List<Tile> out = new ArrayList<>();
    out.add(new Tile("received", "sv.fig.received", List.of(count(k.received(), links.dated("CREATED", Map.of()))), null));
    out.add(new Tile("closed", "sv.fig.closed", List.of(count(k.closed(), closed)), null));
    out.add(new Tile("closedRate", "sv.fig.closedRate", List.of(rate(k.closedRate(), closed, null)), null));
    out.add(new Tile("onTimeRate", "sv.fig.onTimeRate", List.of(rate(k.onTimeRate(), closed, null)), null));
    out.add(new Tile("overdue", "sv.fig.overdue", List.of(
        new Value(Long.toString(k.overdueNow()), counted.apply(Map.of("overdue", "true")), k.overdueNow() > 0 ? "red" : null,
            "sv.fig.overdueNow"),
        new Value(Long.toString(k.everOverdueOpen()), counted.apply(Map.of("everOverdue", "true")), null, "sv.fig.everOverdueOpen")),
        null));
    out.add(new Tile("lights", "sv.fig.lights", List.of(
        new Value(Long.toString(k.yellowNow()), counted.apply(Map.of("state", "YELLOW")), "amber", "sv.fig.yellowNow"),
        new Value(Long.toString(k.redNow()), counted.apply(Map.of("state", "RED")), "red", "sv.fig.redNow")), null));
    out.add(new Tile("satisfaction", "sv.fig.satisfaction", List.of(rate(k.satisfactionRate(), links.dated("RATED", Map.of()), null)),
        msg("sv.fig.ratedCount", k.rated(), locale)));
    out.add(new Tile("reopen", "sv.fig.reopenRate", List.of(rate(k.reopenRate(), links.dated("REOPENED", Map.of()), null)),
        msg("sv.fig.timesCount", k.reopened(), locale)));
    out.add(new Tile("returns", "sv.fig.returns", List.of(count(k.returns(), links.dated("RETURNED", Map.of()))), null));
    out.add(new Tile("extensions", "sv.fig.extensions", List.of(count(k.extensions(), links.dated("EXTENDED", Map.of()))), null));
    out.add(new Tile("overdueSteps", "sv.fig.overdueSteps", List.of(count(k.overdueSteps(), links.dated("OVERDUE", Map.of()))),
        null));
    out.add(new Tile("hours", "sv.fig.hours", List.of(new Value(hours(k.averageHandlingHours()), closed, null, null)),
        msg("sv.fig.hoursUnit", null, locale)));
    out.add(new Tile("urgings", "sv.fig.urgings", List.of(count(k.urgings(), links.dated("URGED", Map.of()))), null));
    return out;
  }

  private String msg(String key, Object arg, Locale locale) {
    return messages.getMessage(key, arg == null ? null : new Object[] {arg}, key, locale);
  }

  private static Value count(long n, String href) {
    return new Value(Long.toString(n), href, null, null);
  }

  private static Value rate(Double r, String href, String tone) {
    return new Value(percent(r), href, tone, null);
  }

  static String percent(Double r) {
    return r == null ? "—" : String.format(Locale.ROOT, "%.1f%%", r * 100);
  }

  static String hours(Double h) {
    return h == null ? "—" : String.format(Locale.ROOT, "%.1f", h);
  }

  /** A break-down as a table: every cell a link to the unit's cases in the period. */
  private Table table(String id, String titleKey, String unitKey, List<Breakdown> rows, Breakdown.By by, CaseLinks links, View view,
      Locale locale) {
    List<Row> out = new ArrayList<>();
    for (Breakdown b : rows) {
      Map<String, String> unit = unitFilter(by, b.key());
      String drill = (by == Breakdown.By.TOWNSHIP || by == Breakdown.By.VILLAGE) && !b.key().isEmpty()
          ? view.href(divisionChange(b.key())) : null;
      CaseLinks l = unit == null ? null : (unit.containsKey("division") ? new CaseLinks(unit.get("division"), links.period) : links);
      Map<String, String> extra = unit == null ? Map.of() : without(unit, "division");
      String closed = l == null ? null : l.closed(extra);
      List<Value> cells = List.of(
          count(b.received(), l == null ? null : l.dated("CREATED", extra)),
          count(b.closed(), closed),
          rate(b.closedRate(), closed, null),
          rate(b.onTimeRate(), closed, b.onTimeRate() != null && b.onTimeRate() < 0.9 ? "red" : null),
          count(b.closedLate(), l == null ? null : l.closed(with(extra, "everOverdue", "true"))),
          count(b.overdueSteps(), l == null ? null : l.dated("OVERDUE", extra)),
          rate(b.satisfactionRate(), l == null ? null : l.dated("RATED", extra), null),
          count(b.reopened(), l == null ? null : l.dated("REOPENED", extra)),
          count(b.returns(), l == null ? null : l.dated("RETURNED", extra)),
          count(b.extensions(), l == null ? null : l.dated("EXTENDED", extra)),
          count(b.urgings(), l == null ? null : l.dated("URGED", extra)),
          new Value(hours(b.averageHandlingHours()), closed, null, null));
      out.add(new Row(b.key(), unitName(by, b, locale), drill, cells));
    }
    return new Table(id, titleKey, unitKey, out, export("/supervision/breakdown.xlsx", by, view));
  }

  /** The heads of a break-down table's number columns, in the order of {@link Row#cells}. */
  static final List<String> COLUMNS = List.of("sv.col.received", "sv.col.closed", "sv.col.closedRate", "sv.col.onTimeRate",
      "sv.col.closedLate", "sv.col.overdueSteps", "sv.col.satisfaction", "sv.col.reopened", "sv.col.returns", "sv.col.extensions",
      "sv.col.urgings", "sv.col.hours");

  /** The case list's filter for one unit; null when the unit is "none" (cases without a department). */
  private static Map<String, String> unitFilter(Breakdown.By by, String key) {
    if (key.isEmpty()) {
      return null;
    }
    return switch (by) {
      case TOWNSHIP, VILLAGE -> Map.of("division", key);
      case DEPARTMENT -> Map.of("department", key);
      case CATEGORY -> Map.of("category", key);
      case KIND -> Map.of("kind", key);
    };
  }

  private String unitName(Breakdown.By by, Breakdown b, Locale locale) {
    if (b.key().isEmpty()) {
      return msg(by == Breakdown.By.DEPARTMENT ? "sv.unit.noDepartment" : "sv.unit.none", null, locale);
    }
    return switch (by) {
      case CATEGORY -> work.anyCategoryName(b.key(), locale);
      case KIND -> msg("kind." + b.key(), null, locale);
      default -> b.name();
    };
  }

  private static Map<String, String> without(Map<String, String> m, String key) {
    Map<String, String> out = new LinkedHashMap<>(m);
    out.remove(key);
    return out;
  }

  private static Map<String, String> with(Map<String, String> m, String key, String value) {
    Map<String, String> out = new LinkedHashMap<>(m);
    out.put(key, value);
    return out;
  }

  private List<Ranked> ranked(List<Rankings.Ranked> units, Breakdown.By by, CaseLinks links, boolean satisfaction, Locale locale) {
    return units.stream().map(r -> {
      Breakdown b = r.figures();
      Map<String, String> unit = unitFilter(by, b.key());
      CaseLinks l = unit.containsKey("division") ? new CaseLinks(unit.get("division"), links.period) : links;
      Map<String, String> extra = without(unit, "division");
      String href = satisfaction ? l.dated("RATED", extra) : l.closed(extra);
      return new Ranked(unitName(by, b, locale), new Value(percent(satisfaction ? b.satisfactionRate() : b.onTimeRate()), href, null,
          null), new Value(msg(satisfaction ? "sv.rank.rated" : "sv.rank.closed", satisfaction ? b.rated() : b.closed(), locale),
          href, null, null), r.yellowCards(), r.redCards());
    }).toList();
  }

  /**
   * The steps of a process in the area: those with open steps now, and those with steps completed
   * in the period; where most is overdue first, then where most waits, then where steps take longest.
   */
  private List<Waiting> waiting(Scope area, String kind, Period period, Instant now, String division, Locale locale) {
    Map<String, StepLoad> loads = new LinkedHashMap<>();
    cases.stepLoads(area, now).stream().filter(l -> l.kind().equals(kind)).forEach(l -> loads.put(l.activityId(), l));
    Map<String, StepTime> times = new LinkedHashMap<>();
    cases.stepTimes(area, kind, period.from(), period.to()).forEach(t -> times.put(t.activityId(), t));
    java.util.Set<String> activities = new java.util.LinkedHashSet<>(loads.keySet());
    activities.addAll(times.keySet());
    Map<String, String> modelNames = activities.stream().anyMatch(a -> !loads.containsKey(a)) ? stepNames(kind) : Map.of();
    return activities.stream().map(a -> {
      StepLoad l = loads.get(a);
      StepTime t = times.get(a);
      String name = l != null ? l.name() : modelNames.getOrDefault(a, a);
      String base = UriComponentsBuilder.fromPath("/tasks").queryParam("queue", "AREA").queryParam("kind", kind)
          .queryParam("step", a).queryParamIfPresent("division", Optional.ofNullable(division))
          .encode().build().toUriString();
      long open = l == null ? 0 : l.open();
      long overdue = l == null ? 0 : l.overdue();
      return new Waiting(a, work.stepName(name, locale),
          new Value(Long.toString(open), base, null, null),
          new Value(Long.toString(overdue), base + "&overdue=true", overdue > 0 ? "red" : null, null),
          new Value(hours(t == null ? null : t.averageHours()), base, null, null), t == null ? 0 : t.completed());
    }).sorted(java.util.Comparator.comparingLong((Waiting w) -> Long.parseLong(w.overdue().text()))
        .thenComparingLong(w -> Long.parseLong(w.open().text()))
        .thenComparingDouble(w -> times.containsKey(w.activityId()) ? times.get(w.activityId()).averageHours() : -1)
        .reversed()).toList();
  }

  /** The names of the user tasks of a kind's latest process, by activity id ("签收 Sign for"). */
  private Map<String, String> stepNames(String kind) {
    Map<String, String> names = new LinkedHashMap<>();
    cases.kinds().stream().filter(k -> k.kind().equals(kind)).findFirst().ifPresent(k -> {
      ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(k.processDefinitionKey())
          .latestVersion().singleResult();
      if (latest != null) {
        repository.getBpmnModelInstance(latest.getId()).getModelElementsByType(org.camunda.bpm.model.bpmn.instance.UserTask.class)
            .forEach(t -> names.put(t.getId(), t.getName()));
      }
    });
    return names;
  }

  /** The export of a table or of the key figures, in the exports' API (same area and period). */
  private static String export(String path, Breakdown.By by, View view) {
    UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
    if (by != null) {
      b.queryParam("by", by);
    }
    b.queryParam("period", view.periodName());
    if (view.periodName() == PeriodName.CUSTOM) {
      b.queryParam("from", view.period().from()).queryParam("to", view.period().to());
    }
    if (view.division() != null) {
      b.queryParam("division", view.division());
    }
    return b.encode().build().toUriString();
  }

  /** The charts' data and words, for supervision.js (a data attribute: no inline script under the CSP). */
  private Map<String, Object> charts(List<Trend> trend, List<AgeBar> ageing, List<Waiting> waiting, CaseLinks links, String kind,
      Locale locale) {
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("days", trend.stream().map(d -> MONTH_DAY.format(d.day())).toList());
    t.put("series", List.of(
        series(msg("sv.trend.received", null, locale), trend.stream().map(Trend::received).toList(),
            trend.stream().map(d -> new CaseLinks(links.division, Period.today(d.day())).dated("CREATED", Map.of())).toList()),
        series(msg("sv.trend.closed", null, locale), trend.stream().map(Trend::closed).toList(),
            trend.stream().map(d -> new CaseLinks(links.division, Period.today(d.day())).closed(Map.of())).toList()),
        series(msg("sv.trend.late", null, locale), trend.stream().map(Trend::overdueSteps).toList(),
            trend.stream().map(d -> new CaseLinks(links.division, Period.today(d.day())).dated("OVERDUE", Map.of())).toList())));
    out.put("trend", t);
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("labels", ageing.stream().map(AgeBar::label).toList());
    a.put("values", ageing.stream().map(AgeBar::count).toList());
    a.put("links", ageing.stream().map(AgeBar::href).toList());
    a.put("name", msg("sv.ageing.series", null, locale));
    a.put("axis", msg("sv.ageing.axis", null, locale));
    out.put("ageing", a);
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("url", kind == null ? null : "/supervision/diagrams/" + kind + ".bpmn");
    d.put("badges", waiting.stream().map(w -> {
      List<Map<String, Object>> items = new ArrayList<>();
      if (!"0".equals(w.open().text())) {
        items.add(Map.of("text", w.open().text(), "href", w.open().href(), "title",
            msg("sv.waiting.openTitle", w.open().text(), locale), "className", "open"));
        items.add(Map.of("text", w.overdue().text(), "href", w.overdue().href(),
            "title", msg("sv.waiting.overdueTitle", w.overdue().text(), locale), "className",
            "0".equals(w.overdue().text()) ? "overdue none" : "overdue"));
      }
      // the average under the step, where it does not crowd the counts
      List<Map<String, Object>> below = new ArrayList<>();
      if (w.completed() > 0) {
        below.add(Map.of("text", msg("sv.waiting.averageBadge", w.average().text(), locale), "href", w.average().href(),
            "title", messages.getMessage("sv.waiting.averageTitle", new Object[] {w.average().text(), w.completed()}, locale),
            "className", "average"));
      }
      return Map.of("id", w.activityId(), "items", items, "below", below);
    }).toList());
    out.put("diagram", d);
    return out;
  }

  private static Map<String, Object> series(String name, List<Long> values, List<String> hrefs) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("values", values);
    m.put("links", hrefs);
    return m;
  }

  private String json(Object o) {
    try {
      return json.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The case list's addresses for an area (a place, or the user's whole area) and a period: the
   * same filters the figures count by.
   */
  record CaseLinks(String division, Period period) {

    /** Cases with an event of the type (CREATED: opened) in the period. */
    String dated(String type, Map<String, String> extra) {
      Map<String, String> p = new LinkedHashMap<>(extra);
      p.put("dated", type);
      p.put("from", period.from().toString());
      p.put("to", period.to().toString());
      return href(p);
    }

    /** Cases closed in the period (not cancelled). */
    String closed(Map<String, String> extra) {
      Map<String, String> p = new LinkedHashMap<>();
      p.put("status", "CLOSED");
      p.putAll(extra);
      return dated("CLOSED", p);
    }

    /**
     * Open cases opened after one instant and no later than another (either may be null): an ageing
     * bar's cases, over the very instants its count was taken at.
     */
    String openedBetween(Instant after, Instant by) {
      Map<String, String> p = new LinkedHashMap<>();
      if (after != null) {
        p.put("openedAfter", after.toString());
      }
      if (by != null) {
        p.put("openedBy", by.toString());
      }
      return now(p);
    }

    /** Open cases now, of those opened by an instant (when the figures were counted). */
    String openedBy(Map<String, String> extra, Instant by) {
      Map<String, String> p = new LinkedHashMap<>(extra);
      if (by != null) {
        p.put("openedBy", by.toString());
      }
      return now(p);
    }

    /** Open cases now. */
    String now(Map<String, String> extra) {
      Map<String, String> p = new LinkedHashMap<>();
      p.put("status", "OPEN");
      p.putAll(extra);
      return href(p);
    }

    private String href(Map<String, String> params) {
      UriComponentsBuilder b = UriComponentsBuilder.fromPath("/cases/search");
      if (division != null) {
        b.queryParam("division", division);
      }
      params.forEach(b::queryParam);
      return b.encode().build().toUriString();
    }
  }
}
