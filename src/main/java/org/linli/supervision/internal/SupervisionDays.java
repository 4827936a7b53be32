package org.linli.supervision.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.linli.organization.Scope;
import org.linli.organization.ScopeSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code supervision_day}: a day's figures per unit, and their sums over periods and areas. */
@Repository
public class SupervisionDays {

  /** The unit a row counts for: its place, department, category and kind. */
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

  private static final String UNIT = "c.county_code, c.township_code, c.division_code, c.department_code, c.category_code, c.kind";
  private static final String SUMS = "sum(received), sum(closed), sum(closed_on_time), sum(closed_ever_overdue),"
      + " sum(handling_minutes), sum(overdue_steps), sum(rated), sum(satisfied), sum(reopened), sum(returned), sum(extended),"
      + " sum(urged)";

  private final JdbcClient jdbc;

  SupervisionDays(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

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

  /** Waits for any other rebuild to finish; held until the transaction ends. */
  public void lockRebuild() {
    jdbc.sql("select id from supervision_refresh where id = 1 for update").query(Integer.class).list();
  }

  /** Replaces a day's rows. */
  public void replaceDay(LocalDate day, java.util.Map<Unit, Counts> rows, Instant refreshedAt) {
    jdbc.sql("delete from supervision_day where stat_day = ?").param(java.sql.Date.valueOf(day)).update();
    for (var row : rows.entrySet()) {
      Unit u = row.getKey();
      Counts c = row.getValue();
      jdbc.sql("insert into supervision_day (stat_day, county_code, township_code, division_code, department_code, category_code, kind,"
              + " received, closed, closed_on_time, closed_ever_overdue, handling_minutes, overdue_steps, rated, satisfied,"
              + " reopened, returned, extended, urged) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(java.sql.Date.valueOf(day), u.countyCode(), u.townshipCode(), u.divisionCode(), u.departmentCode(),
              u.categoryCode(), u.kind(), c.received(), c.closed(), c.closedOnTime(), c.closedLate(), c.handlingMinutes(),
              c.overdueSteps(), c.rated(), c.satisfied(), c.reopened(), c.returned(), c.extended(), c.urged())
          .update();
    }
    if (jdbc.sql("update supervision_refresh set refreshed_at = ? where id = 1").param(Timestamp.from(refreshedAt)).update() == 0) {
      jdbc.sql("insert into supervision_refresh (id, refreshed_at) values (1, ?)").param(Timestamp.from(refreshedAt)).update();
    }
  }

  public Optional<Instant> refreshedAt() {
    return jdbc.sql("select refreshed_at from supervision_refresh where id = 1").query(Timestamp.class).optional()
        .map(Timestamp::toInstant);
  }

  /** The sums over the days of a period, in the scope's area. */
  public Counts sum(Scope scope, LocalDate from, LocalDate to) {
    ScopeSql.Condition area = ScopeSql.cases("d", scope);
    if (area.isNothing()) {
      return Counts.ZERO;
    }
    List<Object> params = new ArrayList<>(area.params());
    params.add(java.sql.Date.valueOf(from));
    params.add(java.sql.Date.valueOf(to));
    return jdbc.sql("select " + SUMS + " from supervision_day d where " + area.sql() + " and d.stat_day >= ? and d.stat_day <= ?")
        .params(params)
        .query((rs, i) -> counts(rs, 1))
        .single();
  }

  /** The sums per unit of one column (a township, village, department, category, kind), largest first. */
  public List<java.util.Map.Entry<String, Counts>> sumBy(Scope scope, LocalDate from, LocalDate to, String column, String townshipCode) {
    ScopeSql.Condition area = ScopeSql.cases("d", scope);
    if (area.isNothing()) {
      return List.of();
    }
    List<Object> params = new ArrayList<>(area.params());
    params.add(java.sql.Date.valueOf(from));
    params.add(java.sql.Date.valueOf(to));
    String within = "";
    if (townshipCode != null) {
      within = " and d.township_code = ?";
      params.add(townshipCode);
    }
    return jdbc.sql("select d." + column + ", " + SUMS + " from supervision_day d where " + area.sql()
            + " and d.stat_day >= ? and d.stat_day <= ?" + within + " group by d." + column + " order by sum(received) desc, d." + column)
        .params(params)
        .query((rs, i) -> java.util.Map.entry(rs.getString(1) == null ? "" : rs.getString(1), counts(rs, 2)))
        .list();
  }

  private static Counts counts(java.sql.ResultSet rs, int first) throws java.sql.SQLException {
    long[] v = new long[12];
    for (int k = 0; k < 12; k++) {
      v[k] = rs.getLong(first + k);
    }
    return new Counts(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11]);
  }

  private static Unit unit(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Unit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6));
  }

  /** Open cases of the area now: past due, yellow, red, and ever late. */
  public long[] openNow(Scope scope, Instant now) {
    ScopeSql.Condition area = ScopeSql.cases("c", scope);
    if (area.isNothing()) {
      return new long[4];
    }
    List<Object> params = new ArrayList<>();
    params.add(Timestamp.from(now));
    params.addAll(area.params());
    return jdbc.sql("select sum(case when c.step_due < ? then 1 else 0 end),"
            + " sum(case when c.deadline_state = 'YELLOW' then 1 else 0 end),"
            + " sum(case when c.deadline_state = 'RED' then 1 else 0 end),"
            + " sum(case when c.ever_overdue then 1 else 0 end)"
            + " from case_file c where " + area.sql() + " and c.status = 'OPEN'")
        .params(params)
        .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)})
        .single();
  }

  /** A day's sums: for the trend. */
  public record DaySums(LocalDate day, Counts counts) {}

  /** The sums per day of a period, in the scope's area; days without a row are left out. */
  public List<DaySums> perDay(Scope scope, LocalDate from, LocalDate to) {
    ScopeSql.Condition area = ScopeSql.cases("d", scope);
    if (area.isNothing()) {
      return List.of();
    }
    List<Object> params = new ArrayList<>(area.params());
    params.add(java.sql.Date.valueOf(from));
    params.add(java.sql.Date.valueOf(to));
    return jdbc.sql("select d.stat_day, " + SUMS + " from supervision_day d where " + area.sql()
            + " and d.stat_day >= ? and d.stat_day <= ? group by d.stat_day order by d.stat_day")
        .params(params)
        .query((rs, i) -> new DaySums(rs.getDate(1).toLocalDate(), counts(rs, 2)))
        .list();
  }

  /** Open cases of the area, and how many of them opened no later than each of the instants given. */
  public long[] openedBefore(Scope scope, List<Instant> bounds) {
    ScopeSql.Condition area = ScopeSql.cases("c", scope);
    if (area.isNothing()) {
      return new long[bounds.size() + 1];
    }
    StringBuilder sql = new StringBuilder("select count(*)");
    List<Object> params = new ArrayList<>();
    for (Instant b : bounds) {
      sql.append(", sum(case when c.opened_at <= ? then 1 else 0 end)");
      params.add(Timestamp.from(b));
    }
    params.addAll(area.params());
    return jdbc.sql(sql + " from case_file c where " + area.sql() + " and c.status = 'OPEN'")
        .params(params)
        .query((rs, i) -> {
          long[] out = new long[bounds.size() + 1];
          for (int k = 0; k <= bounds.size(); k++) {
            out[k] = rs.getLong(k + 1);
          }
          return out;
        })
        .single();
  }

  /** An open case past its step's due time. */
  public record LateCase(String caseNumber, String title, String kind, String divisionCode, String departmentCode,
      String currentStepName, Instant stepDue) {}

  /** The open cases of the area longest past their step's due time. */
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
