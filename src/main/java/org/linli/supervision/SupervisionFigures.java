package org.linli.supervision;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.linli.calendar.WorkingCalendar;
import org.linli.organization.DivisionLevel;
import org.linli.organization.OrganizationService;
import org.linli.organization.Scope;
import org.linli.supervision.internal.SupervisionCube;
import org.linli.supervision.internal.SupervisionCube.Counts;
import org.linli.supervision.internal.SupervisionCube.Place;
import org.linli.supervision.internal.SupervisionCube.Unit;
import org.linli.system.EngineClock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supervision centre's figures (督办中心), from {@code supervision_cube}: a place's counts per day
 * and per whole past month, in total and per department, category and kind, rebuilt from the case
 * records by {@link #refreshRecent} every minute (today, and yesterday until ten minutes past
 * midnight, so that an event just before midnight is not lost; days missed while no node ran; older
 * days back to the first case, a month at a time) and by {@link #refresh} for any days. A period's figures are sums over its months and
 * days; what is open is counted by the same job, per place.
 *
 * <p>An area is everything, the user's divisions, or their departments. A department whose county
 * holds one of the user's townships or villages overlaps them and is left out: the few users with
 * such roles watch their places (see docs/supervision.md).
 */
@Service
public class SupervisionFigures {

  /** Days rebuilt at most per run when catching up or building history, so that a run stays short. */
  static final int CHUNK_DAYS = 31;

  /** How long after midnight an event of the day before may still commit. */
  static final Duration LATE_COMMITS = Duration.ofMinutes(10);

  private final SupervisionCube cube;
  private final WorkingCalendar calendar;
  private final OrganizationService organization;
  private final Cards cards;

  SupervisionFigures(SupervisionCube cube, WorkingCalendar calendar, OrganizationService organization, Cards cards) {
    this.cube = cube;
    this.calendar = calendar;
    this.organization = organization;
    this.cards = cards;
  }

  /**
   * Rebuilds today's rows, by the engine clock, and yesterday's until they are final (ten minutes
   * into today); then days missed since the last rebuild, and days older than any built, back to
   * the first case, up to a month of each per run.
   */
  @Transactional
  public void refreshRecent() {
    cube.lockRebuild();
    LocalDate today = calendar.today();
    LocalDate yesterday = today.minusDays(1);
    SupervisionCube.Built built = cube.built();
    if (built.through() != null && built.through().isBefore(yesterday.minusDays(1))) {
      LocalDate from = built.through().plusDays(1);
      LocalDate to = from.plusDays(CHUNK_DAYS - 1);
      built = rebuild(from, to.isBefore(yesterday) ? to : yesterday.minusDays(1), built);
    }
    // yesterday again only until it is built after its end and its last transactions have committed:
    // at a county's scale, its events were half of each run's time
    boolean yesterdayMayChange = built.through() == null || built.through().isBefore(yesterday)
        || EngineClock.now().isBefore(today.atStartOfDay(calendar.zone()).toInstant().plus(LATE_COMMITS));
    built = rebuild(yesterdayMayChange ? yesterday : today, today, built);
    Optional<LocalDate> first = cube.firstEvent().map(t -> t.atZone(calendar.zone()).toLocalDate());
    if (first.isPresent() && built.from() != null && first.get().isBefore(built.from())) {
      LocalDate to = built.from().minusDays(1);
      LocalDate from = to.minusDays(CHUNK_DAYS - 1);
      built = rebuild(from.isAfter(first.get()) ? from : first.get(), to, built);
    }
    countOpen(built);
  }

  /** Rebuilds the rows of these days from the case records, and counts what is open. */
  @Transactional
  public void refresh(LocalDate from, LocalDate to) {
    cube.lockRebuild(); // one rebuild at a time, across nodes: a day's rows are deleted and written again
    countOpen(rebuild(from, to, cube.built()));
  }

  /** Rebuilds days and their past months; returns which days are built now. */
  private SupervisionCube.Built rebuild(LocalDate from, LocalDate to, SupervisionCube.Built built) {
    Instant now = EngineClock.now();
    YearMonth thisMonth = YearMonth.from(calendar.today());
    Set<YearMonth> months = new TreeSet<>();
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      rebuild(day);
      months.add(YearMonth.from(day));
    }
    for (YearMonth m : months) {
      cube.rebuildMonth(m.atDay(1), now, m.isBefore(thisMonth));
    }
    // the days built after they ended, joined to those built before when the two ranges meet
    LocalDate yesterday = calendar.today().minusDays(1);
    LocalDate through = to.isAfter(yesterday) ? yesterday : to;
    if (through.isBefore(from)) {
      return built;
    }
    if (built.from() == null || built.through() == null) {
      return new SupervisionCube.Built(now, from, through);
    }
    if (from.isAfter(built.through().plusDays(1)) || through.isBefore(built.from().minusDays(1))) {
      return built; // a gap between them: the catching up and the history building fill it
    }
    return new SupervisionCube.Built(now, from.isBefore(built.from()) ? from : built.from(),
        through.isAfter(built.through()) ? through : built.through());
  }

  private void rebuild(LocalDate day) {
    Instant start = day.atStartOfDay(calendar.zone()).toInstant();
    Instant end = day.plusDays(1).atStartOfDay(calendar.zone()).toInstant();
    Map<Unit, Counts> rows = new HashMap<>();
    for (SupervisionCube.EventCounts e : cube.events(start, end)) {
      rows.merge(e.unit(), e.counts(), Counts::plus);
    }
    for (SupervisionCube.Closing c : cube.closings(start, end)) {
      boolean onTime = c.caseDue() == null || !c.closedAt().isAfter(c.caseDue());
      long minutes = calendar.workingTimeBetween(c.openedAt(), c.closedAt()).toMinutes();
      rows.merge(c.unit(), new Counts(0, 1, onTime ? 1 : 0, c.everOverdue() ? 1 : 0, minutes, 0, 0, 0, 0, 0, 0, 0), Counts::plus);
    }
    cube.replaceDay(day, rows);
  }

  /** Counts the open cases per place, and records the time: the ageing bars' bounds are working days before it. */
  private void countOpen(SupervisionCube.Built built) {
    Instant now = EngineClock.now();
    cube.replaceOpen(now, ageBounds(now));
    cube.saveBuilt(new SupervisionCube.Built(now, built.from(), built.through()));
  }

  /**
   * Open more than k working days (1, 3, 5, 10): opened no later than the instant k working days and
   * a second before {@code at} (that instant lies in working time, so a night before a working
   * morning is not counted in).
   */
  private List<Instant> ageBounds(Instant at) {
    Duration day = calendar.workingDayLength();
    return Arrays.stream(AGE_LIMITS).mapToObj(k -> calendar.minusWorkingTime(at, day.multipliedBy(k).plusSeconds(1))).toList();
  }

  /** The places an area's figures are kept for: disjoint, so that their sums add up. */
  List<Place> places(Scope scope) {
    if (scope.everything()) {
      return List.of(Place.EVERYTHING);
    }
    Set<String> codes = scope.divisionCodes();
    List<Place> places = new ArrayList<>();
    codes.stream().filter(c -> codes.stream().noneMatch(o -> !o.equals(c) && c.startsWith(o))).sorted()
        .forEach(c -> places.add(Place.division(c)));
    for (Scope.DepartmentRef d : scope.departments()) {
      // covered by the county, or overlapping a township or village of it: left to the places
      if (codes.stream().noneMatch(c -> c.startsWith(d.countyCode()))) {
        places.add(Place.department(d.countyCode(), d.departmentCode()));
      }
    }
    return places;
  }

  /** A period as whole months with month rows built, and the days around and between them. */
  List<SupervisionCube.Span> spans(Period period) {
    LocalDate firstMonth = period.from().getDayOfMonth() == 1 ? period.from() : period.from().withDayOfMonth(1).plusMonths(1);
    Set<LocalDate> built = firstMonth.isAfter(period.to()) ? Set.of() : cube.builtMonths(firstMonth, period.to());
    List<SupervisionCube.Span> spans = new ArrayList<>();
    LocalDate days = period.from(); // the first day not yet in a span
    LocalDate months = null; // the first month of a run of whole months
    LocalDate lastMonth = null;
    for (LocalDate m = firstMonth; !m.plusMonths(1).minusDays(1).isAfter(period.to()); m = m.plusMonths(1)) {
      if (!built.contains(m)) {
        continue;
      }
      if (days.isBefore(m)) {
        spans.add(new SupervisionCube.Span('D', days, m.minusDays(1)));
      }
      if (months == null || !lastMonth.plusMonths(1).equals(m)) {
        if (months != null) {
          spans.add(new SupervisionCube.Span('M', months, lastMonth));
        }
        months = m;
      }
      lastMonth = m;
      days = m.plusMonths(1);
    }
    if (months != null) {
      spans.add(new SupervisionCube.Span('M', months, lastMonth));
    }
    if (!days.isAfter(period.to())) {
      spans.add(new SupervisionCube.Span('D', days, period.to()));
    }
    return spans;
  }

  private Counts total(Scope scope, Period period) {
    List<SupervisionCube.Span> spans = spans(period);
    Counts sum = Counts.ZERO;
    for (Place p : places(scope)) {
      sum = sum.plus(cube.sum(SupervisionCube.total(p), spans).getOrDefault("", Counts.ZERO));
    }
    return sum;
  }

  /** The key figures of an area for a period; what is open as last counted. */
  public KeyFigures keyFigures(Scope scope, Period period) {
    Counts c = total(scope, period);
    long[] open = cube.open(places(scope));
    return new KeyFigures(period, c.received(), c.closed(), rate(c.closed(), c.received()), rate(c.closedOnTime(), c.closed()),
        c.closedLate(), c.overdueSteps(), open[1], open[4], open[2], open[3], c.rated(), rate(c.satisfied(), c.rated()),
        c.reopened(), rate(c.reopened(), c.closed()), c.returned(), c.extended(), hours(c), c.urged(),
        cube.refreshedAt().orElse(null));
  }

  /**
   * An area's figures per unit: townships, villages (of one township when given), departments,
   * categories or kinds; the most received first.
   */
  public List<Breakdown> breakdown(Scope scope, Period period, Breakdown.By by, String townshipCode) {
    List<SupervisionCube.Span> spans = spans(period);
    Map<String, Counts> units = new HashMap<>();
    for (Place p : places(scope)) {
      SupervisionCube.Selector s = selector(p, by, townshipCode);
      if (s != null) {
        cube.sum(s, spans).forEach((k, c) -> units.merge(k.startsWith("V:") ? k.substring(2) : k, c, Counts::plus));
      }
    }
    Map<String, String> names = names(by, units.keySet());
    return units.entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<String, Counts> e) -> e.getValue().received()).reversed()
            .thenComparing(Map.Entry::getKey))
        .map(e -> {
          Counts c = e.getValue();
          return new Breakdown(e.getKey(), names.getOrDefault(e.getKey(), e.getKey()), c.received(), c.closed(),
              rate(c.closed(), c.received()), rate(c.closedOnTime(), c.closed()), c.closedLate(), c.overdueSteps(), c.rated(),
              rate(c.satisfied(), c.rated()), c.reopened(), c.returned(), c.extended(), hours(c), c.urged());
        })
        .toList();
  }

  /** Which rows of a place a break-down reads, and what it groups them by; null when none. */
  private static SupervisionCube.Selector selector(Place p, Breakdown.By by, String townshipCode) {
    String dept = p.departmentCode();
    return switch (by) {
      case TOWNSHIP -> switch (p.level()) {
        case 'A' -> SupervisionCube.placesUnder('T', null, null, null);
        case 'C' -> SupervisionCube.placesUnder('T', p.countyCode(), null, null);
        case 'D' -> SupervisionCube.placesUnder('T', p.countyCode(), null, dept);
        default -> SupervisionCube.whole(p, p.townshipCode());
      };
      case VILLAGE -> {
        if (townshipCode != null && p.townshipCode() != null && !p.townshipCode().equals(townshipCode)) {
          yield null; // a township's villages, and this place lies in another
        }
        yield switch (p.level()) {
          case 'A' -> SupervisionCube.placesUnder('V', null, townshipCode, null);
          case 'C' -> SupervisionCube.placesUnder('V', p.countyCode(), townshipCode, null);
          case 'T' -> SupervisionCube.placesUnder('V', null, p.townshipCode(), null);
          case 'D' -> SupervisionCube.placesUnder('V', p.countyCode(), townshipCode, dept);
          default -> SupervisionCube.whole(p, p.key());
        };
      }
      case DEPARTMENT -> dept != null ? SupervisionCube.whole(p, dept) : SupervisionCube.dimension(p, "DEPARTMENT");
      case CATEGORY -> SupervisionCube.dimension(p, "CATEGORY");
      case KIND -> SupervisionCube.dimension(p, "KIND");
    };
  }

  /** The units' names, looked up once for the whole list. */
  private Map<String, String> names(Breakdown.By by, Set<String> keys) {
    Map<String, String> names = new HashMap<>();
    if (keys.contains("")) {
      names.put("", "—");
    }
    switch (by) {
      case TOWNSHIP, VILLAGE -> organization.divisions(keys).forEach(d -> names.put(d.code(), d.name()));
      case DEPARTMENT -> organization.departments().forEach(d -> names.putIfAbsent(d.code(), d.name()));
      default -> { }
    }
    return names;
  }

  private static Double rate(long part, long whole) {
    return whole == 0 ? null : (double) part / whole;
  }

  private static Double hours(Counts c) {
    return c.closed() == 0 ? null : c.handlingMinutes() / 60.0 / c.closed();
  }

  /** Received, closed and late steps per day of the period, every day listed. */
  public List<Trend> trend(Scope scope, Period period) {
    Map<LocalDate, Counts> byDay = new HashMap<>();
    for (Place p : places(scope)) {
      cube.perDay(p, period.from(), period.to()).forEach((d, c) -> byDay.merge(d, c, Counts::plus));
    }
    List<Trend> out = new ArrayList<>();
    for (LocalDate d = period.from(); !d.isAfter(period.to()); d = d.plusDays(1)) {
      Counts c = byDay.getOrDefault(d, Counts.ZERO);
      out.add(new Trend(d, c.received(), c.closed(), c.overdueSteps()));
    }
    return out;
  }

  /** The ageing bars' bounds: open more than 1, 3, 5 and 10 working days. */
  static final int[] AGE_LIMITS = {1, 3, 5, 10};

  /** Open cases of the area by working days open (≤1, 2–3, 4–5, 6–10, >10) on the working-day calendar, as last counted. */
  public List<Ageing> ageing(Scope scope) {
    long[] o = cube.open(places(scope));
    // the instants the counts were taken at, for the bars' links to the same cases
    Instant at = cube.refreshedAt().orElse(EngineClock.now());
    List<Instant> bounds = ageBounds(at);
    return List.of(
        new Ageing("≤1", 0, 1, o[0] - o[5], bounds.get(0), at),
        new Ageing("2–3", 2, 3, o[5] - o[6], bounds.get(1), bounds.get(0)),
        new Ageing("4–5", 4, 5, o[6] - o[7], bounds.get(2), bounds.get(1)),
        new Ageing("6–10", 6, 10, o[7] - o[8], bounds.get(3), bounds.get(2)),
        new Ageing(">10", 11, null, o[8], null, bounds.get(3)));
  }

  /**
   * 红黑榜 of villages, townships or departments: the five best and worst by on-time rate (among units
   * with at least {@code minimum} cases closed) and by satisfaction (at least {@code minimum} rated),
   * each with its cards of the period; and the ten open cases longest overdue, now. A unit is never on
   * both lists of a rate: with fewer than ten units ranked, the better half is the best list.
   */
  public Rankings rankings(Scope scope, Period period, Breakdown.By by, int minimum) {
    List<Breakdown> units = breakdown(scope, period, by, null).stream().filter(b -> !b.key().isEmpty()).toList();
    Comparator<Breakdown> onTime = Comparator.comparing(Breakdown::onTimeRate).thenComparing(Breakdown::closed);
    Comparator<Breakdown> satisfaction = Comparator.comparing(Breakdown::satisfactionRate).thenComparing(Breakdown::rated);
    List<Breakdown> closedEnough = units.stream().filter(b -> b.closed() >= minimum && b.onTimeRate() != null).toList();
    List<Breakdown> ratedEnough = units.stream().filter(b -> b.rated() >= minimum && b.satisfactionRate() != null).toList();
    Map<String, UnitCardCount> cardsOf = cardsByKey(scope, period, by);
    Instant now = EngineClock.now();
    double dayMinutes = calendar.workingDayLength().toMinutes();
    List<SupervisionCube.LateCase> longest = cube.longestOverdue(scope, now, 10);
    Map<String, String> villages = new HashMap<>();
    organization.divisions(longest.stream().map(SupervisionCube.LateCase::divisionCode).collect(Collectors.toSet()))
        .forEach(d -> villages.put(d.code(), d.name()));
    List<Rankings.LateCase> late = longest.stream()
        .map(c -> new Rankings.LateCase(c.caseNumber(), c.title(), c.kind(), c.divisionCode(),
            villages.getOrDefault(c.divisionCode(), c.divisionCode()), c.currentStepName(), c.stepDue(),
            Math.round(calendar.workingTimeBetween(c.stepDue(), now).toMinutes() / dayMinutes * 10) / 10.0))
        .toList();
    List<List<Breakdown>> byOnTime = bestAndWorst(closedEnough, onTime);
    List<List<Breakdown>> bySatisfaction = bestAndWorst(ratedEnough, satisfaction);
    return new Rankings(period, by, minimum,
        ranked(byOnTime.get(0), cardsOf), ranked(byOnTime.get(1), cardsOf),
        ranked(bySatisfaction.get(0), cardsOf), ranked(bySatisfaction.get(1), cardsOf),
        late);
  }

  /** How many a list of the board holds at most. */
  static final int BOARD = 5;

  /**
   * The best (highest first) and the worst (lowest first) of the units: up to five each, and none on
   * both, so that three units ranked are not each named best and worst at once.
   */
  private static List<List<Breakdown>> bestAndWorst(List<Breakdown> units, Comparator<Breakdown> order) {
    List<Breakdown> descending = units.stream().sorted(order.reversed()).toList();
    int best = Math.min(BOARD, (descending.size() + 1) / 2);
    int worst = Math.min(BOARD, descending.size() - best);
    List<Breakdown> bottom = new ArrayList<>(descending.subList(descending.size() - worst, descending.size()));
    java.util.Collections.reverse(bottom);
    return List.of(descending.subList(0, best), bottom);
  }

  private static List<Rankings.Ranked> ranked(List<Breakdown> units, Map<String, UnitCardCount> cardsOf) {
    return units.stream().map(b -> {
      UnitCardCount c = cardsOf.get(b.key());
      return new Rankings.Ranked(b, c == null ? 0 : c.yellow(), c == null ? 0 : c.red());
    }).toList();
  }

  /**
   * The cards of the period per unit of the board, as the area sees them ({@link Cards#countByUnit}):
   * a unit's own cards only (a township's are not its villages'). A department's cards are the
   * county's, so a township's or village's view counts none of them.
   */
  private Map<String, UnitCardCount> cardsByKey(Scope scope, Period period, Breakdown.By by) {
    Instant from = period.from().atStartOfDay(calendar.zone()).toInstant();
    Instant to = period.to().plusDays(1).atStartOfDay(calendar.zone()).toInstant();
    Map<String, UnitCardCount> out = new HashMap<>();
    for (UnitCardCount c : cards.countByUnit(scope, from, to)) {
      String key = switch (by) {
        case VILLAGE -> !c.unit().isDepartment() && c.unit().level() == DivisionLevel.VILLAGE ? c.divisionCode() : null;
        case TOWNSHIP -> !c.unit().isDepartment() && c.unit().level() == DivisionLevel.TOWNSHIP ? c.divisionCode() : null;
        // a break-down's department is one code across the area's counties: so are its cards
        case DEPARTMENT -> c.departmentCode();
        case CATEGORY, KIND -> null;
      };
      if (key != null) {
        out.merge(key, c, (a, b) -> new UnitCardCount(a.divisionCode(), a.departmentCode(), a.yellow() + b.yellow(), a.red() + b.red()));
      }
    }
    return out;
  }
}
