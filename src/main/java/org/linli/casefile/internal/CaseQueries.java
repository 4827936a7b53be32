package org.linli.casefile.internal;

import static org.linli.casefile.internal.CaseRows.CASE_COLUMNS;
import static org.linli.casefile.internal.CaseRows.TASKS_WITH_CASES;
import static org.linli.casefile.internal.CaseRows.TASK_COLUMNS;
import static org.linli.casefile.internal.CaseRows.ts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFilter;
import org.linli.casefile.CaseStatus;
import org.linli.casefile.DoneStep;
import org.linli.casefile.CaseTask;
import org.linli.casefile.Page;
import org.linli.casefile.StepLoad;
import org.linli.casefile.TaskFilter;
import org.linli.organization.DivisionLevel;
import org.linli.organization.Scope;
import org.linli.organization.ScopeSql;
import org.linli.organization.ScopeSql.Condition;
import org.linli.system.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The filtered, paged lists of cases and of open steps. Both read case_file as {@code c} (steps
 * as {@code t}) and build their conditions with one {@link Where}.
 */
@Repository
public class CaseQueries {

  private final JdbcClient jdbc;

  CaseQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Page<CaseTask> tasks(TaskFilter f, int page, int size) {
    Where where = where(f);
    if (where.findsNothing()) {
      return new Page<>(List.of(), page, size, 0);
    }
    long total = jdbc.sql("select count(*)" + TASKS_WITH_CASES + where.sql()).params(where.params()).query(Long.class).single();
    List<CaseTask> items =
        jdbc.sql("select " + TASK_COLUMNS + TASKS_WITH_CASES + where.sql() + " order by t.due_at"
                + (f.latestDueFirst() ? " desc" : "") + ", t.task_id limit ? offset ?")
            .params(where.params())
            .param(size)
            .param((long) page * size)
            .query(CaseRows::task)
            .list();
    return new Page<>(items, page, size, total);
  }

  /** How many open tasks the filter finds. */
  public long countTasks(TaskFilter f) {
    Where where = where(f);
    if (where.findsNothing()) {
      return 0;
    }
    return jdbc.sql("select count(*)" + TASKS_WITH_CASES + where.sql()).params(where.params()).query(Long.class).single();
  }

  public Page<CaseFile> cases(CaseFilter f, int page, int size) {
    Where where = where(f);
    if (where.findsNothing()) {
      return new Page<>(List.of(), page, size, 0);
    }
    long total = jdbc.sql("select count(*) from case_file c" + where.sql()).params(where.params()).query(Long.class).single();
    List<CaseFile> items =
        jdbc.sql("select " + CASE_COLUMNS + " from case_file c" + where.sql()
                // a search looks for one case, often a closed one: the newest first; a list, the most urgent
                + (f.isSearch() ? " order by c.opened_at desc, c.id desc" : " order by c.step_due, c.id") + " limit ? offset ?")
            .params(where.params())
            .param(size)
            .param((long) page * size)
            .query(CaseRows::caseFile)
            .list();
    return new Page<>(items, page, size, total);
  }

  /**
   * Cases of the area where a step of one of the groups is overdue now (an open step past its due
   * time) or was marked overdue (the timeline's OVERDUE, which names the step's group); newest first.
   */
  public List<CaseFile> overdueWork(Scope area, Collection<String> groups, Collection<String> caseNumbers, Instant now,
      int limit) {
    Where where = new Where().scope(area).in("c.case_number", caseNumbers);
    if (groups.isEmpty() || where.findsNothing()) {
      return List.of();
    }
    String in = Where.placeholders(groups.size());
    List<Object> params = new ArrayList<>(groups);
    params.addAll(groups);
    params.add(ts(now));
    where.term("(c.id in (select e.case_id from case_event e where e.actor_group in (" + in + ") and e.type = 'OVERDUE')"
        + " or c.id in (select t.case_id from case_task t where t.candidate_group in (" + in + ") and t.due_at <= ?))",
        params.toArray());
    return jdbc.sql("select " + CASE_COLUMNS + " from case_file c" + where.sql() + " order by c.opened_at desc, c.id desc limit ?")
        .params(where.params())
        .param(limit)
        .query(CaseRows::caseFile)
        .list();
  }

  /**
   * The steps a user completed, newest first, of the cases their scope sees now: a user who moved
   * to another area no longer sees the old area's cases here either.
   */
  public Page<DoneStep> done(String username, Scope scope, int page, int size) {
    Where where = new Where().term("e.actor = ?", username).term("e.step_completed = ?", true).scope(scope);
    if (where.findsNothing()) {
      return new Page<>(List.of(), page, size, 0);
    }
    String from = " from case_event e join case_file c on c.id = e.case_id";
    long total = jdbc.sql("select count(*)" + from + where.sql()).params(where.params()).query(Long.class).single();
    List<DoneStep> items = jdbc.sql("select e.id, c.id, c.case_number, c.kind, c.title, c.category_code, c.division_code, e.step,"
            + " e.step_name, e.decision, e.occurred_at, c.status, c.current_step_name" + from + where.sql()
            + " order by e.occurred_at desc, e.id desc limit ? offset ?")
        .params(where.params())
        .param(size)
        .param((long) page * size)
        .query((rs, i) -> new DoneStep(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
            rs.getTimestamp(11).toInstant(), CaseStatus.valueOf(rs.getString(12)), rs.getString(13)))
        .list();
    return new Page<>(items, page, size, total);
  }

  private static Where where(TaskFilter f) {
    Where w = new Where();
    if (f.assignee() != null) {
      // mine: assigned to me, or offered to me by name and not yet taken
      w.term("(t.assignee = ? or (t.assignee is null and t.candidate_user = ?))", f.assignee(), f.assignee());
    }
    if (f.unassignedInGroups() != null) {
      w.term("t.assignee is null").in("t.candidate_group", f.unassignedInGroups());
    }
    if (f.area() != null) {
      w.scope(f.area());
    }
    w.equal("c.kind", f.kind())
        .equal("c.category_code", f.categoryCode())
        .equal("t.activity_id", f.activityId())
        .division(f.divisionCode())
        .before("t.due_at", f.dueBefore());
    if (f.state() != null && f.stateAt() != null) {
      Timestamp at = ts(f.stateAt());
      switch (f.state()) {
        case RED -> w.term("t.due_at <= ?", at);
        case YELLOW -> w.term("t.warn_at <= ? and (t.due_at is null or t.due_at > ?)", at, at);
        case GREEN -> w.term("(t.warn_at is null or t.warn_at > ?) and (t.due_at is null or t.due_at > ?)", at, at);
      }
    }
    return w.in("c.id", f.caseIds()).text(f.text());
  }

  private static Where where(CaseFilter f) {
    return new Where()
        .scope(Objects.requireNonNull(f.scope(), "a case list always has a scope"))
        .equal("c.status", f.status() == null ? null : f.status().name())
        .equal("c.kind", f.kind())
        .equal("c.category_code", f.categoryCode())
        .division(f.divisionCode())
        .before("c.step_due", f.dueBefore())
        .equal("c.deadline_state", f.deadlineState() == null ? null : f.deadlineState().name())
        .term(f.urged() == null ? null : f.urged() ? "c.urged_at is not null" : "c.urged_at is null")
        .term(f.everOverdue() == null ? null : f.everOverdue() ? "c.ever_overdue = true" : "c.ever_overdue = false")
        .equal("c.department_code", f.departmentCode())
        .dated(f.dated())
        .in("c.id", f.caseIds())
        .text(f.text());
  }

  /**
   * The open steps of the scope's cases per kind, process and activity, and how many of them are
   * past their due time: the same steps, counted, that the area queue lists narrowed by kind, step
   * and {@code dueBefore = now}.
   */
  public List<StepLoad> stepLoads(Scope scope, Instant now) {
    Where where = new Where().scope(scope);
    if (where.findsNothing()) {
      return List.of();
    }
    List<Object> params = new ArrayList<>();
    params.add(ts(now));
    params.addAll(where.params());
    return jdbc.sql("select c.kind, c.process_definition_key, t.activity_id, max(t.name), count(*),"
            + " sum(case when t.due_at < ? then 1 else 0 end)" + TASKS_WITH_CASES + where.sql()
            + " group by c.kind, c.process_definition_key, t.activity_id order by c.kind, t.activity_id")
        .params(params)
        .query((rs, i) -> new StepLoad(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
            rs.getLong(6)))
        .list();
  }

  /**
   * The conditions of a list, and-ed, with their bound parameters. Once a condition can match
   * nothing the list is empty, and later conditions are neither added nor checked.
   */
  static final class Where {

    private final List<String> terms = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();
    private boolean nothing;

    /** A condition with its parameters; null adds nothing. */
    Where term(String sql, Object... values) {
      if (sql != null && !nothing) {
        terms.add(sql);
        params.addAll(Arrays.asList(values));
      }
      return this;
    }

    /** {@code column = value}, unless the value is null. */
    Where equal(String column, Object value) {
      return value == null ? this : term(column + " = ?", value);
    }

    /** {@code column in (values)} unless null; no values match nothing. */
    Where in(String column, Collection<?> values) {
      if (values == null || nothing) {
        return this;
      }
      if (values.isEmpty()) {
        nothing = true;
        return this;
      }
      terms.add(column + " in (" + placeholders(values.size()) + ")");
      params.addAll(values);
      return this;
    }

    /**
     * A case number ({@code MH2026-123} finds {@code MH2026-000123}) or words of the title (each of
     * them), unless blank. The title's words are matched literally: {@code %}, {@code _} and the backslash are escaped.
     */
    Where text(String value) {
      if (value == null || value.isBlank()) {
        return this;
      }
      String text = value.strip();
      if (text.matches("[A-Za-z]{2}\\d{4}-\\d{1,6}")) {
        int dash = text.indexOf('-');
        return term("c.case_number = ?", text.substring(0, dash).toUpperCase(Locale.ROOT) + "-"
            + String.format("%06d", Integer.parseInt(text.substring(dash + 1))));
      }
      // each word must be in the title, in any order ("路灯 村口" finds "村口路灯不亮"); a few words at most
      Arrays.stream(text.split("[\\s\\u3000]+")).limit(5).forEach(word -> term("lower(c.title) like ? escape '\\'",
          "%" + word.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"));
      return this;
    }

    /**
     * Opened or closed within the range, or with an event of the type in it (the cases behind an
     * event count), unless null.
     */
    Where dated(CaseFilter.Dated d) {
      if (d == null) {
        return this;
      }
      String column = switch (d.type()) {
        case CREATED -> "c.opened_at";
        case CLOSED -> "c.closed_at";
        default -> null;
      };
      if (column != null) {
        if (d.from() != null) {
          term(column + " >= ?", ts(d.from()));
        }
        return d.to() == null ? this : term(column + " < ?", ts(d.to()));
      }
      List<Object> values = new ArrayList<>();
      values.add(d.type().name());
      StringBuilder sql = new StringBuilder("c.id in (select e.case_id from case_event e where e.type = ?");
      if (d.from() != null) {
        sql.append(" and e.occurred_at >= ?");
        values.add(ts(d.from()));
      }
      if (d.to() != null) {
        sql.append(" and e.occurred_at < ?");
        values.add(ts(d.to()));
      }
      return term(sql.append(")").toString(), values.toArray());
    }

    /** Strictly before the moment, unless it is null. */
    Where before(String column, Instant at) {
      return at == null ? this : term(column + " < ?", ts(at));
    }

    /** Cases at or below the division, unless the code is null. */
    Where division(String code) {
      if (code == null || nothing) {
        return this;
      }
      DivisionLevel level = DivisionLevel.ofCode(code);
      if (level == null) {
        throw new InvalidInputException("division", "must be a 6, 9 or 12-digit division code");
      }
      return term("c." + column(level) + " = ?", code);
    }

    /** The cases the scope sees. */
    Where scope(Scope scope) {
      Condition seen = ScopeSql.cases("c", scope);
      if (nothing || seen.isEverything()) {
        return this;
      }
      if (seen.isNothing()) {
        nothing = true;
        return this;
      }
      return term(seen.sql(), seen.params().toArray());
    }

    boolean findsNothing() {
      return nothing;
    }

    /** The WHERE clause with a leading space, or nothing when there are no conditions. */
    String sql() {
      return terms.isEmpty() ? "" : " where " + String.join(" and ", terms);
    }

    List<Object> params() {
      return params;
    }

    /** The case_file column that holds a case's division at this level. */
    private static String column(DivisionLevel level) {
      return switch (level) {
        case COUNTY -> "county_code";
        case TOWNSHIP -> "township_code";
        case VILLAGE -> "division_code";
      };
    }

    private static String placeholders(int n) {
      return String.join(", ", Collections.nCopies(n, "?"));
    }
  }
}
