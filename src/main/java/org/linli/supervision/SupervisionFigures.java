package org.linli.supervision;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.linli.calendar.WorkingCalendar;
import org.linli.organization.DivisionLevel;
import org.linli.organization.OrganizationService;
import org.linli.organization.PlaceNames;
import org.linli.organization.Scope;
import org.linli.supervision.internal.SupervisionDays;
import org.linli.supervision.internal.SupervisionDays.Counts;
import org.linli.supervision.internal.SupervisionDays.Unit;
import org.linli.system.EngineClock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supervision centre's figures (督办中心), from {@code supervision_day}: a row per day and unit,
 * rebuilt from the case records by {@link #refreshRecent} every minute (today and yesterday, so an
 * event just before midnight is not lost) and by {@link #refresh} for any days. A period's figures
 * are sums over its days; what is open now is counted on the open cases.
 */
@Service
public class SupervisionFigures {

  private final SupervisionDays days;
  private final WorkingCalendar calendar;
  private final OrganizationService organization;
  private final Cards cards;

  SupervisionFigures(SupervisionDays days, WorkingCalendar calendar, OrganizationService organization, Cards cards) {
    this.days = days;
    this.calendar = calendar;
    this.organization = organization;
    this.cards = cards;
  }

  /** Rebuilds today's and yesterday's rows, by the engine clock. */
  public void refreshRecent() {
    LocalDate today = calendar.today();
    refresh(today.minusDays(1), today);
  }

  /** Rebuilds the rows of these days from the case records. */
  @Transactional
  public void refresh(LocalDate from, LocalDate to) {
    days.lockRebuild(); // one rebuild at a time, across nodes: a day's rows are deleted and written again
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      refresh(day);
    }
  }

  private void refresh(LocalDate day) {
    Instant start = day.atStartOfDay(calendar.zone()).toInstant();
    Instant end = day.plusDays(1).atStartOfDay(calendar.zone()).toInstant();
    Map<Unit, Counts> rows = new HashMap<>();
    for (SupervisionDays.EventCounts e : days.events(start, end)) {
      rows.merge(e.unit(), e.counts(), Counts::plus);
    }
    for (SupervisionDays.Closing c : days.closings(start, end)) {
      boolean onTime = c.caseDue() == null || !c.closedAt().isAfter(c.caseDue());
      long minutes = calendar.workingTimeBetween(c.openedAt(), c.closedAt()).toMinutes();
      rows.merge(c.unit(), new Counts(0, 1, onTime ? 1 : 0, c.everOverdue() ? 1 : 0, minutes, 0, 0, 0, 0, 0, 0, 0), Counts::plus);
    }
    days.replaceDay(day, rows, EngineClock.now());
  }

  /** The key figures of an area for a period; what is open is counted now. */
  public KeyFigures keyFigures(Scope scope, Period period) {
    Counts c = days.sum(scope, period.from(), period.to());
    long[] now = days.openNow(scope, EngineClock.now());
    return new KeyFigures(period, c.received(), c.closed(), rate(c.closed(), c.received()), rate(c.closedOnTime(), c.closed()),
        c.closedLate(), c.overdueSteps(), now[0], now[3], now[1], now[2], c.rated(), rate(c.satisfied(), c.rated()),
        c.reopened(), rate(c.reopened(), c.closed()), c.returned(), c.extended(), hours(c), c.urged(),
        days.refreshedAt().orElse(null));
  }

  /**
   * An area's figures per unit: townships, villages (of one township when given), departments,
   * categories or kinds; the most received first.
   */
  public List<Breakdown> breakdown(Scope scope, Period period, Breakdown.By by, String townshipCode) {
    PlaceNames names = by == Breakdown.By.CATEGORY || by == Breakdown.By.KIND ? null : organization.names();
    return days.sumBy(scope, period.from(), period.to(), columnOf(by), by == Breakdown.By.VILLAGE ? townshipCode : null).stream()
        .map(e -> {
          Counts c = e.getValue();
          return new Breakdown(e.getKey(), name(by, e.getKey(), names), c.received(), c.closed(), rate(c.closed(), c.received()),
              rate(c.closedOnTime(), c.closed()), c.closedLate(), c.overdueSteps(), c.rated(), rate(c.satisfied(), c.rated()),
              c.reopened(), c.returned(), c.extended(), hours(c), c.urged());
        })
        .toList();
  }

  private static String columnOf(Breakdown.By by) {
    return switch (by) {
      case TOWNSHIP -> "township_code";
      case VILLAGE -> "division_code";
      case DEPARTMENT -> "department_code";
      case CATEGORY -> "category_code";
      case KIND -> "kind";
    };
  }

  /** A unit's name from names read once per break-down (a county has hundreds of villages). */
  private static String name(Breakdown.By by, String key, PlaceNames names) {
    if (key.isEmpty()) {
      return "—";
    }
    return switch (by) {
      case TOWNSHIP, VILLAGE -> names.division(key);
      // a break-down's departments are those of the area's counties, all of one code alike
      case DEPARTMENT -> names.departmentAnywhere(key);
      case CATEGORY, KIND -> key;
    };
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
    days.perDay(scope, period.from(), period.to()).forEach(d -> byDay.put(d.day(), d.counts()));
    List<Trend> out = new java.util.ArrayList<>();
    for (LocalDate d = period.from(); !d.isAfter(period.to()); d = d.plusDays(1)) {
      Counts c = byDay.getOrDefault(d, Counts.ZERO);
      out.add(new Trend(d, c.received(), c.closed(), c.overdueSteps()));
    }
    return out;
  }

  /** The buckets of {@link #ageing}: working days open. */
  static final int[][] AGE_BUCKETS = {{0, 1}, {2, 3}, {4, 5}, {6, 10}, {11, -1}};

  /** Open cases of the area by working days open (≤1, 2–3, 4–5, 6–10, >10), on the working-day calendar. */
  public List<Ageing> ageing(Scope scope) {
    Instant now = EngineClock.now();
    Duration day = calendar.workingDayLength();
    // open more than k working days: opened no later than the instant k working days and a second
    // before now (that instant lies in working time, so a night before a working morning is not counted in)
    List<Instant> bounds = List.of(1, 3, 5, 10).stream()
        .map(k -> calendar.minusWorkingTime(now, day.multipliedBy(k).plusSeconds(1))).toList();
    long[] before = days.openedBefore(scope, bounds);
    long all = before[0];
    long[] over = {before[1], before[2], before[3], before[4]};
    return List.of(
        new Ageing("≤1", 0, 1, all - over[0], bounds.get(0), null),
        new Ageing("2–3", 2, 3, over[0] - over[1], bounds.get(1), bounds.get(0)),
        new Ageing("4–5", 4, 5, over[1] - over[2], bounds.get(2), bounds.get(1)),
        new Ageing("6–10", 6, 10, over[2] - over[3], bounds.get(3), bounds.get(2)),
        new Ageing(">10", 11, null, over[3], null, bounds.get(3)));
  }

  /**
   * 红黑榜 of villages, townships or departments: the five best and worst by on-time rate (among units
   * with at least {@code minimum} cases closed) and by satisfaction (at least {@code minimum} rated),
   * each with its cards of the period; and the ten open cases longest overdue. A unit is never on
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
    PlaceNames names = organization.names();
    List<Rankings.LateCase> late = days.longestOverdue(scope, now, 10).stream()
        .map(c -> new Rankings.LateCase(c.caseNumber(), c.title(), c.kind(), c.divisionCode(),
            names.division(c.divisionCode()), c.currentStepName(), c.stepDue(),
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
