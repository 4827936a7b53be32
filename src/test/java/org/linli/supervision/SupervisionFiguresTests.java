package org.linli.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.linli.calendar.WorkingCalendar;
import org.linli.organization.Scope;
import org.linli.support.LinliIntegrationTest;
import org.linli.system.EngineClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every figure of the supervision centre equals a brute-force count over the case records, for
 * random case histories (reopened, escalated, extended, returned, overdue, closed late, rated,
 * urged) across a county's townships, villages and departments, over periods that cross midnight,
 * a month's end and the National Day holidays.
 */
@LinliIntegrationTest
class SupervisionFiguresTests {

  /** A county of each run's own, so that nothing else the suite (or an earlier run) writes falls in it. */
  final String county = String.format("39%04d", Math.floorMod(System.nanoTime(), 10000));
  final List<String> villages = List.of(county + "001001", county + "001002", county + "002001", county + "002002", county + "003001");
  static final List<String> DEPARTMENTS = List.of("mz", "yj", "zj");
  static final List<String> KINDS = List.of("REQUEST", "ASSISTANCE", "EMERGENCY", "INSPECTION");
  static final List<String> RATINGS = List.of("SATISFIED", "BASICALLY_SATISFIED: 基本解决", "NOT_SATISFIED: 还是不亮", "SATISFIED: 谢谢");

  @Autowired JdbcClient jdbc;
  @Autowired SupervisionFigures figures;
  @Autowired WorkingCalendar calendar;

  record Event(String type, Instant at, String note) {}

  record Case(long id, String village, String department, String category, String kind, String status, Instant opened,
      Instant closed, Instant due, Instant stepDue, String state, boolean everOverdue, List<Event> events) {}

  ZoneId zone() {
    return calendar.zone();
  }

  Instant at(String day, int hour, int minute) {
    return LocalDate.parse(day).atTime(hour, minute).atZone(zone()).toInstant();
  }

  List<Case> generate(long seed, int count) {
    Random r = new Random(seed);
    Instant start = at("2026-09-25", 0, 0);
    List<Case> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String village = villages.get(r.nextInt(villages.size()));
      String department = r.nextInt(3) == 0 ? null : DEPARTMENTS.get(r.nextInt(DEPARTMENTS.size()));
      String kind = KINDS.get(r.nextInt(KINDS.size()));
      String category = "c" + r.nextInt(4);
      // some cases at the edges of a day, most anywhere in three weeks
      Instant opened = switch (r.nextInt(6)) {
        case 0 -> at("2026-09-30", 23, 59).plusSeconds(r.nextInt(50));
        case 1 -> at("2026-10-01", 0, 0).plusSeconds(r.nextInt(50));
        default -> start.plusSeconds(r.nextInt(21 * 24 * 3600));
      };
      Instant due = opened.plus(Duration.ofHours(8 + r.nextInt(5 * 24)));
      List<Event> events = new ArrayList<>();
      events.add(new Event("CREATED", opened, null));
      Instant t = opened;
      boolean overdue = false;
      for (String type : List.of("OVERDUE", "RETURNED", "EXTENDED", "URGED", "OVERDUE", "REOPENED", "RATED", "URGED", "RATED")) {
        t = t.plusSeconds(600 + r.nextInt(2 * 24 * 3600));
        if (r.nextInt(3) == 0) {
          events.add(new Event(type, t, type.equals("RATED") ? RATINGS.get(r.nextInt(RATINGS.size())) : null));
          overdue |= type.equals("OVERDUE");
        }
      }
      int fate = r.nextInt(10);
      String status = fate < 6 ? "CLOSED" : fate < 7 ? "CANCELLED" : "OPEN";
      Instant closed = status.equals("OPEN") ? null : t.plusSeconds(60 + r.nextInt(3 * 24 * 3600));
      boolean late = overdue || (status.equals("CLOSED") && closed.isAfter(due));
      Instant stepDue = status.equals("OPEN") ? EngineClock.now().plus(Duration.ofHours(r.nextInt(96) - 48)) : null;
      String state = status.equals("OPEN") ? List.of("GREEN", "YELLOW", "RED").get(r.nextInt(3)) : "GREEN";
      long id = insert(seed, i, village, department, category, kind, status, opened, closed, due, stepDue, state, late);
      events.forEach(e -> jdbc.sql("insert into case_event (case_id, type, occurred_at, note) values (?, ?, ?, ?)")
          .params(id, e.type(), Timestamp.from(e.at()), e.note()).update());
      out.add(new Case(id, village, department, category, kind, status, opened, closed, due, stepDue, state, late, events));
    }
    return out;
  }

  long insert(long seed, int i, String village, String department, String category, String kind, String status, Instant opened,
      Instant closed, Instant due, Instant stepDue, String state, boolean everOverdue) {
    String number = "TS" + county + "-" + String.format("%06d", i);
    jdbc.sql("insert into case_file (case_number, kind, process_definition_key, title, category_code, county_code, township_code,"
            + " division_code, department_code, status, opened_at, closed_at, case_due, step_due, deadline_state, ever_overdue)"
            + " values (?, ?, 'synthetic', '统计测试', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(number, kind, category, county, village.substring(0, 9), village, department, status, Timestamp.from(opened),
            closed == null ? null : Timestamp.from(closed), Timestamp.from(due), stepDue == null ? null : Timestamp.from(stepDue),
            state, everOverdue)
        .update();
    return jdbc.sql("select id from case_file where case_number = ?").param(number).query(Long.class).single();
  }

  boolean inPeriod(Instant t, Period p) {
    LocalDate d = t.atZone(zone()).toLocalDate();
    return !d.isBefore(p.from()) && !d.isAfter(p.to());
  }

  /** The figures counted case by case, as a person would with the records in front of them. */
  Map<String, Double> bruteForce(List<Case> cases, Predicate<Case> inArea, Period p) {
    Map<String, Double> f = new HashMap<>();
    long received = 0, closed = 0, onTime = 0, late = 0, overdueSteps = 0, rated = 0, satisfied = 0, reopened = 0, returns = 0,
        extensions = 0, urgings = 0, minutes = 0;
    for (Case c : cases) {
      if (!inArea.test(c)) {
        continue;
      }
      for (Event e : c.events()) {
        if (!inPeriod(e.at(), p)) {
          continue;
        }
        switch (e.type()) {
          case "CREATED" -> received++;
          case "OVERDUE" -> overdueSteps++;
          case "RETURNED" -> returns++;
          case "EXTENDED" -> extensions++;
          case "URGED" -> urgings++;
          case "REOPENED" -> reopened++;
          case "RATED" -> {
            rated++;
            if (e.note().startsWith("SATISFIED") || e.note().startsWith("BASICALLY_SATISFIED")) {
              satisfied++;
            }
          }
          default -> { }
        }
      }
      if (c.status().equals("CLOSED") && inPeriod(c.closed(), p)) {
        closed++;
        onTime += c.closed().isAfter(c.due()) ? 0 : 1;
        late += c.everOverdue() ? 1 : 0;
        minutes += calendar.workingTimeBetween(c.opened(), c.closed()).toMinutes();
      }
    }
    f.put("received", (double) received);
    f.put("closed", (double) closed);
    f.put("onTime", closed == 0 ? null : (double) onTime / closed);
    f.put("late", (double) late);
    f.put("overdueSteps", (double) overdueSteps);
    f.put("rated", (double) rated);
    f.put("satisfaction", rated == 0 ? null : (double) satisfied / rated);
    f.put("reopened", (double) reopened);
    f.put("returns", (double) returns);
    f.put("extensions", (double) extensions);
    f.put("urgings", (double) urgings);
    f.put("hours", closed == 0 ? null : minutes / 60.0 / closed);
    return f;
  }

  void compare(String what, KeyFigures k, Map<String, Double> expected) {
    assertThat((double) k.received()).as(what + " received").isEqualTo(expected.get("received"));
    assertThat((double) k.closed()).as(what + " closed").isEqualTo(expected.get("closed"));
    assertThat(k.onTimeRate()).as(what + " on-time rate").isEqualTo(expected.get("onTime"));
    assertThat((double) k.closedLate()).as(what + " closed late").isEqualTo(expected.get("late"));
    assertThat((double) k.overdueSteps()).as(what + " overdue steps").isEqualTo(expected.get("overdueSteps"));
    assertThat((double) k.rated()).as(what + " rated").isEqualTo(expected.get("rated"));
    assertThat(k.satisfactionRate()).as(what + " satisfaction").isEqualTo(expected.get("satisfaction"));
    assertThat((double) k.reopened()).as(what + " reopened").isEqualTo(expected.get("reopened"));
    assertThat((double) k.returns()).as(what + " returns").isEqualTo(expected.get("returns"));
    assertThat((double) k.extensions()).as(what + " extensions").isEqualTo(expected.get("extensions"));
    assertThat((double) k.urgings()).as(what + " urgings").isEqualTo(expected.get("urgings"));
    if (expected.get("hours") == null) {
      assertThat(k.averageHandlingHours()).as(what + " hours").isNull();
    } else {
      assertThat(k.averageHandlingHours()).as(what + " hours").isCloseTo(expected.get("hours"), within(1e-9));
    }
  }

  @Test
  void everyFigureIsTheCountOfTheCaseRecordsForAnyAreaAndPeriod() {
    long seed = System.nanoTime();
    List<Case> cases = generate(seed, 400);
    figures.refresh(LocalDate.parse("2026-09-24"), LocalDate.parse("2026-10-31"));

    List<Period> periods = List.of(
        new Period(LocalDate.parse("2026-09-30"), LocalDate.parse("2026-09-30")), // a month's last day, to midnight
        new Period(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-01")), // from midnight, a holiday
        new Period(LocalDate.parse("2026-09-28"), LocalDate.parse("2026-10-08")), // across the month and the holidays
        new Period(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-31")), // the month
        new Period(LocalDate.parse("2026-09-01"), LocalDate.parse("2026-11-30")));
    Map<String, Predicate<Case>> areas = new HashMap<>();
    Map<String, Scope> scopes = new HashMap<>();
    areas.put("county", c -> true);
    scopes.put("county", Scope.ofDivisions(Set.of(county)));
    areas.put("township", c -> c.village().startsWith(county + "001"));
    scopes.put("township", Scope.ofDivisions(Set.of(county + "001")));
    areas.put("village", c -> c.village().equals(county + "002002"));
    scopes.put("village", Scope.ofDivisions(Set.of(county + "002002")));
    areas.put("department", c -> "mz".equals(c.department()));
    scopes.put("department", new Scope(false, Set.of(), Set.of(new Scope.DepartmentRef(county, "mz"))));
    areas.put("two villages and a township", c -> c.village().equals(county + "002002") || c.village().equals(county + "003001")
        || c.village().startsWith(county + "001"));
    scopes.put("two villages and a township",
        Scope.ofDivisions(Set.of(county + "002002", county + "003001", county + "001", county + "001002")));
    areas.put("two departments", c -> "mz".equals(c.department()) || "yj".equals(c.department()));
    scopes.put("two departments", new Scope(false, Set.of(),
        Set.of(new Scope.DepartmentRef(county, "mz"), new Scope.DepartmentRef(county, "yj"))));
    // a department of the same county overlaps the township: the township is watched
    areas.put("a township and a department beside it", c -> c.village().startsWith(county + "001"));
    scopes.put("a township and a department beside it",
        new Scope(false, Set.of(county + "001"), Set.of(new Scope.DepartmentRef(county, "mz"))));
    // a department of another county does not: both are watched
    areas.put("a township and a department of another county", c -> c.village().startsWith(county + "001"));
    scopes.put("a township and a department of another county",
        new Scope(false, Set.of(county + "001"), Set.of(new Scope.DepartmentRef("389998", "mz"))));

    for (Period p : periods) {
      for (String area : areas.keySet()) {
        String what = "seed " + seed + ", " + area + " " + p.from() + "…" + p.to();
        compare(what, figures.keyFigures(scopes.get(area), p), bruteForce(cases, areas.get(area), p));
      }
      // a break-down adds up to its whole, unit by unit
      for (Breakdown b : figures.breakdown(scopes.get("county"), p, Breakdown.By.VILLAGE, null)) {
        Map<String, Double> expected = bruteForce(cases, c -> c.village().equals(b.key()), p);
        assertThat((double) b.received()).as("seed %d village %s", seed, b.key()).isEqualTo(expected.get("received"));
        assertThat((double) b.closed()).as("seed %d village %s", seed, b.key()).isEqualTo(expected.get("closed"));
        assertThat((double) b.overdueSteps()).as("seed %d village %s", seed, b.key()).isEqualTo(expected.get("overdueSteps"));
      }
      // every break-down of every area, unit by unit, against the cases counted by hand
      for (String area : areas.keySet()) {
        for (Breakdown.By by : Breakdown.By.values()) {
          Map<String, Long> received = new HashMap<>();
          Map<String, Long> closed = new HashMap<>();
          for (Case c : cases) {
            if (!areas.get(area).test(c)) {
              continue;
            }
            String key = switch (by) {
              case TOWNSHIP -> c.village().substring(0, 9);
              case VILLAGE -> c.village();
              case DEPARTMENT -> c.department() == null ? "" : c.department();
              case CATEGORY -> c.category();
              case KIND -> c.kind();
            };
            received.merge(key, c.events().stream().filter(e -> e.type().equals("CREATED") && inPeriod(e.at(), p)).count(), Long::sum);
            closed.merge(key, c.status().equals("CLOSED") && inPeriod(c.closed(), p) ? 1L : 0L, Long::sum);
          }
          List<Breakdown> got = figures.breakdown(scopes.get(area), p, by, null);
          String what = "seed " + seed + ", " + area + " by " + by + " " + p.from() + "…" + p.to();
          for (Breakdown b : got) {
            assertThat(b.received()).as(what + " " + b.key() + " received").isEqualTo(received.getOrDefault(b.key(), 0L));
            assertThat(b.closed()).as(what + " " + b.key() + " closed").isEqualTo(closed.getOrDefault(b.key(), 0L));
          }
          // a unit with something in the period is listed
          received.forEach((k, n) -> {
            if (n + closed.get(k) > 0) {
              assertThat(got).as(what + " lists " + k).anyMatch(b -> b.key().equals(k));
            }
          });
        }
      }
      for (Breakdown b : figures.breakdown(scopes.get("county"), p, Breakdown.By.DEPARTMENT, null)) {
        Map<String, Double> expected = bruteForce(cases, c -> b.key().equals(c.department() == null ? "" : c.department()), p);
        assertThat((double) b.received()).as("seed %d department %s", seed, b.key()).isEqualTo(expected.get("received"));
        assertThat((double) b.urgings()).as("seed %d department %s", seed, b.key()).isEqualTo(expected.get("urgings"));
      }
    }

    // what is open is counted by the rebuild, on the open cases, as of its time
    KeyFigures countyNow = figures.keyFigures(scopes.get("county"), Period.today(calendar.today()));
    Instant now = countyNow.refreshedAt();
    List<Case> open = cases.stream().filter(c -> c.status().equals("OPEN")).toList();
    assertThat(countyNow.overdueNow()).isEqualTo(open.stream().filter(c -> c.stepDue().isBefore(now)).count());
    assertThat(countyNow.yellowNow()).isEqualTo(open.stream().filter(c -> c.state().equals("YELLOW")).count());
    assertThat(countyNow.redNow()).isEqualTo(open.stream().filter(c -> c.state().equals("RED")).count());
    assertThat(countyNow.everOverdueOpen()).isEqualTo(open.stream().filter(Case::everOverdue).count());

    // a trend's days are the single days' figures
    Period weeks = new Period(LocalDate.parse("2026-09-27"), LocalDate.parse("2026-10-09"));
    List<Trend> trend = figures.trend(scopes.get("county"), weeks);
    assertThat(trend).hasSize(13);
    for (Trend day : trend) {
      Map<String, Double> expected = bruteForce(cases, c -> true, new Period(day.day(), day.day()));
      assertThat((double) day.received()).as("seed %d trend %s", seed, day.day()).isEqualTo(expected.get("received"));
      assertThat((double) day.closed()).as("seed %d trend %s", seed, day.day()).isEqualTo(expected.get("closed"));
      assertThat((double) day.overdueSteps()).as("seed %d trend %s", seed, day.day()).isEqualTo(expected.get("overdueSteps"));
    }

    // ageing: working days open on the calendar, counted case by case
    long dayLength = calendar.workingDayLength().toSeconds();
    long[] expectedAges = new long[5];
    Instant ageAt = now;
    for (Case c : open) {
      long open1 = calendar.workingTimeBetween(c.opened(), ageAt).toSeconds();
      int bucket = open1 > 10 * dayLength ? 4 : open1 > 5 * dayLength ? 3 : open1 > 3 * dayLength ? 2 : open1 > dayLength ? 1 : 0;
      expectedAges[bucket]++;
    }
    assertThat(figures.ageing(scopes.get("county"))).extracting(Ageing::count)
        .as("seed %d", seed).containsExactly(expectedAges[0], expectedAges[1], expectedAges[2], expectedAges[3], expectedAges[4]);

    // 红黑榜: ranked by on-time rate among units with enough closed cases; the longest overdue first
    Rankings ranks = figures.rankings(scopes.get("county"), periods.get(4), Breakdown.By.VILLAGE, 3);
    List<Breakdown> best = ranks.onTimeBest().stream().map(Rankings.Ranked::figures).toList();
    List<Breakdown> worst = ranks.onTimeWorst().stream().map(Rankings.Ranked::figures).toList();
    assertThat(best).isSortedAccordingTo((a, b) -> Double.compare(b.onTimeRate(), a.onTimeRate()));
    assertThat(worst).isSortedAccordingTo((a, b) -> Double.compare(a.onTimeRate(), b.onTimeRate()));
    assertThat(best).allMatch(b -> b.closed() >= 3);
    assertThat(best).as("no unit both best and worst").doesNotContainAnyElementsOf(worst);
    if (!worst.isEmpty()) {
      assertThat(best.get(best.size() - 1).onTimeRate()).isGreaterThanOrEqualTo(worst.get(worst.size() - 1).onTimeRate());
    }
    List<Instant> longest = open.stream().map(Case::stepDue).filter(d -> d.isBefore(now)).sorted().limit(10).toList();
    // counted on the cases themselves, now
    List<Instant> longestNow = open.stream().map(Case::stepDue).filter(d -> d.isBefore(EngineClock.now())).sorted().limit(10).toList();
    assertThat(ranks.longestOverdue()).extracting(Rankings.LateCase::stepDue).as("seed %d", seed).isIn(longest, longestNow);
    assertThat(ranks.longestOverdue()).isSortedAccordingTo(java.util.Comparator.comparing(Rankings.LateCase::stepDue));
    assertThat(ranks.longestOverdue()).allMatch(l -> l.caseNumber().startsWith("TS" + county) && l.workingDaysOverdue() >= 0);
  }

  @Test
  void theJobCatchesUpMissedDaysAndBuildsHistoryBackToTheFirstCase() {
    long seed = System.nanoTime();
    List<Case> cases = generate(seed, 120);
    LocalDate yesterday = calendar.today().minusDays(1);
    // as after an upgrade from a version without these rows, and three days with no node running
    jdbc.sql("delete from supervision_cube").update();
    jdbc.sql("delete from supervision_month").update();
    jdbc.sql("update supervision_refresh set built_from = ?, built_through = ? where id = 1")
        .params(java.sql.Date.valueOf("2026-11-01"), java.sql.Date.valueOf(yesterday.minusDays(4))).update();

    figures.refreshRecent();
    Map<String, Object> built = jdbc.sql("select built_from, built_through from supervision_refresh where id = 1").query().singleRow();
    assertThat(built.get("built_through").toString()).as("the missed days and yesterday").isEqualTo(yesterday.toString());
    assertThat(built.get("built_from").toString()).as("a month further back").isEqualTo("2026-10-01");
    figures.refreshRecent();
    assertThat(jdbc.sql("select built_from from supervision_refresh where id = 1").query(java.sql.Date.class).single().toLocalDate())
        .as("and another, to the first case (of any test) or before").isBeforeOrEqualTo(LocalDate.parse("2026-09-25"));

    Scope countyScope = Scope.ofDivisions(Set.of(county));
    for (Period p : List.of(new Period(LocalDate.parse("2026-09-24"), LocalDate.parse("2026-10-31")),
        new Period(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-31")))) {
      compare("seed " + seed + " rebuilt by the job, " + p, figures.keyFigures(countyScope, p), bruteForce(cases, c -> true, p));
    }
  }

  @Test
  void nothingOutsideTheAreaIsCounted() {
    generate(System.nanoTime(), 30);
    figures.refresh(LocalDate.parse("2026-09-24"), LocalDate.parse("2026-10-31"));
    Period p = new Period(LocalDate.parse("2026-09-01"), LocalDate.parse("2026-11-30"));
    assertThat(figures.keyFigures(Scope.ofDivisions(Set.of(county)), p).received()).isPositive();
    assertThat(figures.keyFigures(Scope.ofDivisions(Set.of("389999001")), p).received()).as("a township of another county").isZero();
    assertThat(figures.keyFigures(Scope.NOTHING, p).received()).isZero();
    assertThat(figures.breakdown(Scope.NOTHING, p, Breakdown.By.TOWNSHIP, null)).isEmpty();
  }
}
