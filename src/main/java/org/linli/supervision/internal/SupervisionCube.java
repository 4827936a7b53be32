package org.linli.supervision.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.linli.organization.Scope;
import org.linli.organization.ScopeSql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tables {@code supervision_cube} (a place's figures per day or whole month, in total and per
 * department, category and kind), {@code supervision_month} and {@code supervision_open}; how a
 * day's case records become their rows, and their sums over periods.
 */
@Repository
public class SupervisionCube {

  /** What a case is counted under: its place, department, category and kind. */
  public record Unit(String countyCode, String townshipCode, String divisionCode, String departmentCode, String categoryCode,
      String kind) {}

  /** The counters of one row, or of a sum of rows. */
  public record Counts(long received, long closed, long closedOnTime, long closedLate, long handlingMinutes, long overdueSteps,
      long rated, long satisfied, long reopened, long returned, long extended, long urged) {

    public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public Counts plus(Counts o) {
      return new Counts(received + o.received, closed + o.closed, closedOnTime + o.closedOnTime, closedLate + o.closedLate,
          handlingMinutes + o.handlingMinutes, overdueSteps + o.overdueSteps, rated + o.rated, satisfied + o.satisfied,
          reopened + o.reopened, returned + o.returned, extended + o.extended, urged + o.urged);
    }
  }

  /** One event counted: its case's unit and what it adds. */
  public record EventCounts(Unit unit, Counts counts) {}

  /** One case closed: its unit, when it was opened, closed and due, and whether it ever ran late. */
  public record Closing(Unit unit, Instant openedAt, Instant closedAt, Instant caseDue, boolean everOverdue) {}

  /** Which days are built, and when the figures were last counted. */
  public record Built(Instant refreshedAt, LocalDate from, LocalDate through) {}

  /**
   * A place the figures are kept for: everything, a county, township or village, the cases filed at
   * a township itself ({@code V:} code), or a department of a county.
   */
  public record Place(String key, char level, String countyCode, String townshipCode) {

    public static final Place EVERYTHING = new Place("*", 'A', null, null);

    public static Place division(String code) {
      return switch (code.length()) {
        case 6 -> new Place(code, 'C', code, null);
        case 9 -> new Place(code, 'T', code.substring(0, 6), code);
        default -> new Place(code, 'V', code.substring(0, 6), code.substring(0, 9));
      };
    }

    public static Place department(String countyCode, String departmentCode) {
      return new Place("D:" + countyCode + ":" + departmentCode, 'D', countyCode, null);
    }

    boolean isDepartment() {
      return level == 'D';
    }

    /** The department's code, for a department; null for a division. */
    public String departmentCode() {
      return isDepartment() ? key.substring(key.lastIndexOf(':') + 1) : null;
    }
  }

  /** Days or whole months of a period, read from day rows (D) or month rows (M). */
  public record Span(char span, LocalDate from, LocalDate to) {}

  /** The key a row is grouped under in a break-down: a column's value, or one fixed key for the whole place. */
  public record Selector(String condition, List<Object> params, String keyColumn, String fixedKey) {}

  static final List<String> DIMS = List.of("DEPARTMENT", "CATEGORY", "KIND");
  private static final String UNIT = "c.county_code, c.township_code, c.division_code, c.department_code, c.category_code, c.kind";
  private static final String COLUMNS = "received, closed, closed_on_time, closed_ever_overdue, handling_minutes, overdue_steps,"
      + " rated, satisfied, reopened, returned, extended, urged";
  private static final String SUMS = "sum(received), sum(closed), sum(closed_on_time), sum(closed_ever_overdue),"
      + " sum(handling_minutes), sum(overdue_steps), sum(rated), sum(satisfied), sum(reopened), sum(returned), sum(extended),"
      + " sum(urged)";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  SupervisionCube(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  // ---- building ----

  /** The events between two instants that a figure counts, summed per unit. */
  public List<EventCounts> events(Instant from, Instant to) {
    return jdbc.sql("select " + UNIT + ","
            + " sum(case when e.type = 'CREATED' then 1 else 0 end),"
            + " sum(case when e.type = 'OVERDUE' then 1 else 0 end),"
            + " sum(case when e.type = 'RATED' then 1 else 0 end),"
            + " sum(case when e.type = 'RATED' and (e.note like 'SATISFIED%' or e.note like 'BASICALLY_SATISFIED%') then 1 else 0 end),"
            + " sum(case when e.type = 'REOPENED' then 1 else 0 end),"
            + " sum(case when e.type = 'RETURNED' then 1 else 0 end),"
            + " sum(case when e.type = 'EXTENDED' then 1 else 0 end),"
            + " sum(case when e.type = 'URGED' then 1 else 0 end)"
            + " from case_event e join case_file c on c.id = e.case_id"
            + " where e.occurred_at >= ? and e.occurred_at < ?"
            + " and e.type in ('CREATED', 'OVERDUE', 'RATED', 'REOPENED', 'RETURNED', 'EXTENDED', 'URGED')"
            + " group by " + UNIT)
        .params(Timestamp.from(from), Timestamp.from(to))
        .query((rs, i) -> new EventCounts(unit(rs), new Counts(rs.getLong(7), 0, 0, 0, 0, rs.getLong(8), rs.getLong(9),
            rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getLong(13), rs.getLong(14))))
        .list();
  }

  /** The cases closed (not cancelled) between two instants. */
  public List<Closing> closings(Instant from, Instant to) {
    return jdbc.sql("select " + UNIT + ", c.opened_at, c.closed_at, c.case_due, c.ever_overdue from case_file c"
            + " where c.closed_at >= ? and c.closed_at < ? and c.status = 'CLOSED'")
        .params(Timestamp.from(from), Timestamp.from(to))
        .query((rs, i) -> new Closing(unit(rs), rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant(),
            rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant(), rs.getBoolean(10)))
        .list();
  }

  /** The first instant anything was counted, if anything was. */
  public Optional<Instant> firstEvent() {
    return jdbc.sql("select min(occurred_at) from case_event").query(Timestamp.class).optional().map(Timestamp::toInstant);
  }

  /** Waits for any other rebuild to finish; held until the transaction ends. */
  public void lockRebuild() {
    jdbc.sql("select id from supervision_refresh where id = 1 for update").query(Integer.class).list();
  }

  /** The places and dimensions a unit's counts are added to. */
  static List<Key> keysOf(Unit u) {
    Set<Place> places = new LinkedHashSet<>();
    places.add(Place.EVERYTHING);
    places.add(Place.division(u.countyCode()));
    if (u.townshipCode() != null) {
      places.add(Place.division(u.townshipCode()));
    }
    if (u.divisionCode().length() == 12) {
      places.add(Place.division(u.divisionCode()));
    } else { // filed at a township or the county itself: a village break-down still lists it, under its own code
      places.add(new Place("V:" + u.divisionCode(), 'V', u.countyCode(), u.divisionCode().length() == 9 ? u.divisionCode() : null));
    }
    if (u.departmentCode() != null) {
      places.add(Place.department(u.countyCode(), u.departmentCode()));
    }
    List<Key> keys = new ArrayList<>();
    for (Place p : places) {
      keys.add(new Key(p, "", ""));
      if (!p.isDepartment()) {
        keys.add(new Key(p, "DEPARTMENT", nonNull(u.departmentCode())));
      }
      keys.add(new Key(p, "CATEGORY", nonNull(u.categoryCode())));
      keys.add(new Key(p, "KIND", u.kind()));
    }
    return keys;
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  /** A row's place and dimension: '' and '' for the place's total. */
  record Key(Place place, String dim, String value) {}

  /** Replaces a day's rows with the counts of its units. */
  public void replaceDay(LocalDate day, Map<Unit, Counts> units) {
    Map<Key, Counts> rows = new LinkedHashMap<>();
    units.forEach((u, c) -> {
      for (Key k : keysOf(u)) {
        rows.merge(k, c, Counts::plus);
      }
    });
    jdbc.sql("delete from supervision_cube where span = 'D' and stat_day = ?").param(Date.valueOf(day)).update();
    List<Object[]> batch = new ArrayList<>(rows.size());
    rows.forEach((k, c) -> batch.add(new Object[] {Date.valueOf(day), k.place().key(), String.valueOf(k.place().level()),
        k.place().countyCode(), k.place().townshipCode(), k.dim(), k.value(), c.received(), c.closed(), c.closedOnTime(),
        c.closedLate(), c.handlingMinutes(), c.overdueSteps(), c.rated(), c.satisfied(), c.reopened(), c.returned(), c.extended(),
        c.urged()}));
    template.batchUpdate("insert into supervision_cube (span, stat_day, place, place_level, county_code, township_code, dim,"
        + " dim_value, " + COLUMNS + ") values ('D', " + String.join(", ", java.util.Collections.nCopies(19, "?")) + ")", batch);
  }

  /**
   * Sums a past month's day rows into its month rows; a month not yet over (by the engine clock,
   * which tests move) has none, and its days are read instead.
   */
  public void rebuildMonth(LocalDate monthStart, Instant now, boolean over) {
    Date first = Date.valueOf(monthStart);
    jdbc.sql("delete from supervision_cube where span = 'M' and stat_day = ?").param(first).update();
    jdbc.sql("delete from supervision_month where month_start = ?").param(first).update();
    if (!over) {
      return;
    }
    jdbc.sql("insert into supervision_cube (span, stat_day, place, place_level, county_code, township_code, dim, dim_value, "
            + COLUMNS + ") select 'M', ?, place, place_level, county_code, township_code, dim, dim_value, " + SUMS
            + " from supervision_cube where span = 'D' and stat_day >= ? and stat_day <= ?"
            + " group by place, place_level, county_code, township_code, dim, dim_value")
        .params(first, first, Date.valueOf(monthStart.plusMonths(1).minusDays(1)))
        .update();
    jdbc.sql("insert into supervision_month (month_start, built_at) values (?, ?)").params(first, Timestamp.from(now)).update();
  }

  /** The first days of the months between two days whose month rows are built. */
  public Set<LocalDate> builtMonths(LocalDate from, LocalDate to) {
    return new LinkedHashSet<>(jdbc.sql("select month_start from supervision_month where month_start >= ? and month_start <= ?")
        .params(Date.valueOf(from), Date.valueOf(to))
        .query((rs, i) -> rs.getDate(1).toLocalDate())
        .list());
  }

  /** Counts the open cases again, per place, as of now; the ageing bounds are the instants k working days before now. */
  public void replaceOpen(Instant now, List<Instant> ageBounds) {
    List<Object> params = new ArrayList<>();
    params.add(Timestamp.from(now));
    ageBounds.forEach(b -> params.add(Timestamp.from(b)));
    params.add(Timestamp.from(now));
    Map<String, long[]> byPlace = new HashMap<>();
    jdbc.sql("select county_code, township_code, division_code, department_code, count(*),"
            + " sum(case when step_due < ? then 1 else 0 end),"
            + " sum(case when deadline_state = 'YELLOW' then 1 else 0 end),"
            + " sum(case when deadline_state = 'RED' then 1 else 0 end),"
            + " sum(case when ever_overdue then 1 else 0 end),"
            + " sum(case when opened_at <= ? then 1 else 0 end), sum(case when opened_at <= ? then 1 else 0 end),"
            + " sum(case when opened_at <= ? then 1 else 0 end), sum(case when opened_at <= ? then 1 else 0 end)"
            // opened by now: a case whose opening commits after it waits for the next count
            + " from case_file where status = 'OPEN' and opened_at <= ?"
            + " group by county_code, township_code, division_code, department_code")
        .params(params)
        .query((ResultSet rs) -> {
          Unit u = new Unit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), null, null);
          long[] v = new long[9];
          for (int k = 0; k < 9; k++) {
            v[k] = rs.getLong(5 + k);
          }
          for (Key key : keysOf(u)) {
            if (key.dim().isEmpty()) {
              byPlace.merge(key.place().key(), v, (a, b) -> {
                long[] s = a.clone();
                for (int k = 0; k < s.length; k++) {
                  s[k] += b[k];
                }
                return s;
              });
            }
          }
        });
    jdbc.sql("delete from supervision_open").update();
    List<Object[]> batch = new ArrayList<>(byPlace.size());
    byPlace.forEach((place, v) -> batch.add(new Object[] {place, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]}));
    template.batchUpdate("insert into supervision_open (place, open_cases, past_due, yellow, red, ever_overdue, over_1, over_3,"
        + " over_5, over_10) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch);
  }

  /** Records when the figures were counted and which days are now built. */
  public void saveBuilt(Built built) {
    jdbc.sql("update supervision_refresh set refreshed_at = ?, built_from = ?, built_through = ? where id = 1")
        .params(Timestamp.from(built.refreshedAt()), built.from() == null ? null : Date.valueOf(built.from()),
            built.through() == null ? null : Date.valueOf(built.through()))
        .update();
  }

  public Built built() {
    return jdbc.sql("select refreshed_at, built_from, built_through from supervision_refresh where id = 1")
        .query((rs, i) -> new Built(rs.getTimestamp(1).toInstant(), rs.getDate(2) == null ? null : rs.getDate(2).toLocalDate(),
            rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate()))
        .optional()
        .orElse(new Built(Instant.EPOCH, null, null));
  }

  public Optional<Instant> refreshedAt() {
    return jdbc.sql("select refreshed_at from supervision_refresh where id = 1").query(Timestamp.class).optional()
        .map(Timestamp::toInstant);
  }

  // ---- reading ----

  /** A place's rows in total, or per value of one dimension. */
  public static Selector dimension(Place place, String dim) {
    return new Selector("place = ? and dim = ?", List.of(place.key(), dim), "dim_value", null);
  }

  /** A place's total under one key. */
  public static Selector whole(Place place, String key) {
    return new Selector("place = ? and dim = '' and dim_value = ''", List.of(place.key()), null, key);
  }

  /** A place's total. */
  public static Selector total(Place place) {
    return whole(place, "");
  }

  /**
   * The places of one level ({@code T} or {@code V}) under a county or township (or anywhere, for
   * null), in total, or only their cases of one department.
   */
  public static Selector placesUnder(char level, String countyCode, String townshipCode, String departmentCode) {
    List<Object> params = new ArrayList<>();
    StringBuilder sql = new StringBuilder("place_level = ?");
    params.add(String.valueOf(level));
    if (countyCode != null) {
      sql.append(" and county_code = ?");
      params.add(countyCode);
    }
    if (townshipCode != null) {
      sql.append(" and township_code = ?");
      params.add(townshipCode);
    }
    sql.append(departmentCode == null ? " and dim = '' and dim_value = ''" : " and dim = 'DEPARTMENT' and dim_value = ?");
    if (departmentCode != null) {
      params.add(departmentCode);
    }
    return new Selector(sql.toString(), params, "place", null);
  }

  /** The sums of the selected rows over the spans, per key; a key without rows is left out. */
  public Map<String, Counts> sum(Selector s, List<Span> spans) {
    Map<String, Counts> out = new LinkedHashMap<>();
    String key = s.keyColumn() == null ? "''" : s.keyColumn();
    String sql = "select " + key + ", count(*), " + SUMS + " from supervision_cube where span = ? and " + s.condition()
        + " and stat_day >= ? and stat_day <= ?" + (s.keyColumn() == null ? "" : " group by " + key);
    for (Span span : spans) {
      List<Object> params = new ArrayList<>();
      params.add(String.valueOf(span.span()));
      params.addAll(s.params());
      params.add(Date.valueOf(span.from()));
      params.add(Date.valueOf(span.to()));
      jdbc.sql(sql).params(params).query((ResultSet rs) -> {
        if (rs.getLong(2) > 0) {
          out.merge(s.keyColumn() == null ? s.fixedKey() : rs.getString(1), counts(rs, 3), Counts::plus);
        }
      });
    }
    return out;
  }

  /** A place's totals per day between two days; days without rows are left out. */
  public Map<LocalDate, Counts> perDay(Place place, LocalDate from, LocalDate to) {
    Map<LocalDate, Counts> out = new HashMap<>();
    jdbc.sql("select stat_day, " + SUMS + " from supervision_cube where span = 'D' and place = ? and dim = '' and dim_value = ''"
            + " and stat_day >= ? and stat_day <= ? group by stat_day")
        .params(place.key(), Date.valueOf(from), Date.valueOf(to))
        .query((ResultSet rs) -> {
          out.merge(rs.getDate(1).toLocalDate(), counts(rs, 2), Counts::plus);
        });
    return out;
  }

  /** What is open at the places, as last counted: open, past due, yellow, red, ever late, and open more than 1, 3, 5, 10 working days. */
  public long[] open(List<Place> places) {
    long[] out = new long[9];
    if (places.isEmpty()) {
      return out;
    }
    jdbc.sql("select sum(open_cases), sum(past_due), sum(yellow), sum(red), sum(ever_overdue), sum(over_1), sum(over_3),"
            + " sum(over_5), sum(over_10) from supervision_open where place in (" + String.join(", ", java.util.Collections.nCopies(
                places.size(), "?")) + ")")
        .params(places.stream().map(Place::key).map(Object.class::cast).toList())
        .query((ResultSet rs) -> {
          for (int k = 0; k < 9; k++) {
            out[k] += rs.getLong(k + 1);
          }
        });
    return out;
  }

  private static Counts counts(ResultSet rs, int first) throws SQLException {
    long[] v = new long[12];
    for (int k = 0; k < 12; k++) {
      v[k] = rs.getLong(first + k);
    }
    return new Counts(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11]);
  }

  private static Unit unit(ResultSet rs) throws SQLException {
    return new Unit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6));
  }

  /** An open case past its step's due time. */
  public record LateCase(String caseNumber, String title, String kind, String divisionCode, String departmentCode,
      String currentStepName, Instant stepDue) {}

  /** The open cases of the area longest past their step's due time, counted now. */
  public List<LateCase> longestOverdue(Scope scope, Instant now, int limit) {
    ScopeSql.Condition area = ScopeSql.cases("c", scope);
    if (area.isNothing()) {
      return List.of();
    }
    List<Object> params = new ArrayList<>(area.params());
    params.add(Timestamp.from(now));
    params.add(limit);
    return jdbc.sql("select c.case_number, c.title, c.kind, c.division_code, c.department_code, c.current_step_name, c.step_due"
            + " from case_file c where " + area.sql() + " and c.status = 'OPEN' and c.step_due < ?"
            + " order by c.step_due, c.id limit ?")
        .params(params)
        .query((rs, i) -> new LateCase(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getTimestamp(7).toInstant()))
        .list();
  }
}
