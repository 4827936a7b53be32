package org.linli.casefile.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.linli.casefile.CaseEvent;
import org.linli.casefile.CaseEventType;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseLimits;
import org.linli.casefile.CaseOpening;
import org.linli.casefile.CaseFilter;
import org.linli.casefile.CaseStatus;
import org.linli.casefile.DeadlineState;
import org.linli.casefile.CaseTask;
import org.linli.casefile.Page;
import org.linli.casefile.TaskFilter;
import org.linli.organization.DivisionLevel;
import org.linli.organization.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class CaseFileRepository {

  private static final String CASE_COLUMNS =
      "id, case_number, kind, process_instance_id, title, category_code, county_code, township_code,"
          + " division_code, department_code, status, current_step, current_step_name, current_group,"
          + " current_assignee, step_due, case_due, rating, opened_at, closed_at, priority, warn_at,"
          + " deadline_state, urged_at, urged_by";

  private static final String TASK_COLUMNS =
      "t.task_id, t.activity_id, t.name, t.candidate_group, t.assignee, t.created_at, t.due_at, c.id,"
          + " c.case_number, c.kind, c.title, c.category_code, c.division_code, c.department_code,"
          + " c.process_instance_id, t.warn_at";

  private final JdbcClient jdbc;

  CaseFileRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A new case record, before its process starts; {@link #attach} links the process instance. */
  public long insert(String number, String processDefinitionKey, CaseOpening o, Instant openedAt) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into case_file (case_number, kind, process_definition_key, title, category_code, category_type,"
                + " county_code, township_code, division_code, department_code, status, priority, warn_at, case_due,"
                + " time_limits, severity, opened_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            number,
            o.kind(),
            processDefinitionKey,
            o.title(),
            o.categoryCode(),
            o.categoryType(),
            DivisionLevel.COUNTY.ancestorOf(o.divisionCode()),
            DivisionLevel.TOWNSHIP.ancestorOf(o.divisionCode()),
            o.divisionCode(),
            o.departmentCode(),
            CaseStatus.OPEN.name(),
            o.priority(),
            ts(o.caseWarnAt()),
            ts(o.caseDue()),
            o.timeLimits(),
            o.severity(),
            ts(openedAt))
        .update(key, "id");
    return key.getKey().longValue();
  }

  /** Links a case opened through Linli to its process instance; empty when there is no such case waiting. */
  Optional<Long> attach(String number, String kind, String processInstanceId) {
    Optional<Long> id = jdbc.sql("select id from case_file where case_number = ? and kind = ? and process_instance_id is null")
        .params(number, kind)
        .query(Long.class)
        .optional();
    id.ifPresent(caseId -> jdbc.sql("update case_file set process_instance_id = ? where id = ?")
        .params(processInstanceId, caseId).update());
    return id;
  }

  /** Moves a case to another place or department: lists, scopes and routing follow. */
  public void route(long caseId, String divisionCode, String departmentCode) {
    jdbc.sql("update case_file set county_code = ?, township_code = ?, division_code = ?, department_code = ? where id = ?")
        .params(DivisionLevel.COUNTY.ancestorOf(divisionCode), DivisionLevel.TOWNSHIP.ancestorOf(divisionCode), divisionCode,
            departmentCode, caseId)
        .update();
  }

  public void severity(long caseId, String severity) {
    jdbc.sql("update case_file set severity = ? where id = ?").params(severity, caseId).update();
  }

  public Optional<CaseLimits> limits(long caseId) {
    return jdbc.sql("select time_limits, kind, category_code, category_type, priority, severity from case_file where id = ?")
        .param(caseId)
        .query((rs, i) -> new CaseLimits(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6)))
        .optional();
  }

  /** Pins a time-limit table on a case opened before it pinned one. */
  public void pinTimeLimits(long caseId, String decisionId) {
    jdbc.sql("update case_file set time_limits = ? where id = ? and time_limits is null").params(decisionId, caseId).update();
  }

  Optional<Long> idByProcessInstance(String processInstanceId) {
    return jdbc.sql("select id from case_file where process_instance_id = ?")
        .param(processInstanceId)
        .query(Long.class)
        .optional();
  }

  public Optional<CaseFile> byNumber(String number) {
    return jdbc.sql("select " + CASE_COLUMNS + " from case_file where case_number = ?")
        .param(number)
        .query(CaseFileRepository::caseFile)
        .optional();
  }

  public Optional<CaseFile> byId(long id) {
    return jdbc.sql("select " + CASE_COLUMNS + " from case_file where id = ?")
        .param(id)
        .query(CaseFileRepository::caseFile)
        .optional();
  }

  void stepStarted(long caseId, String step, String stepName, String group, String assignee, Instant due) {
    jdbc.sql(
            "update case_file set current_step = ?, current_step_name = ?, current_group = ?,"
                + " current_assignee = ?, step_due = ? where id = ?")
        .params(step, stepName, group, assignee, ts(due), caseId)
        .update();
  }

  void currentAssignee(long caseId, String step, String assignee) {
    jdbc.sql("update case_file set current_assignee = ? where id = ? and current_step = ?")
        .params(assignee, caseId, step)
        .update();
  }

  /** After a step ends: the case shows the remaining open step with the earliest due time, or none. */
  public void stepEnded(long caseId) {
    Optional<CaseTask> next =
        jdbc.sql("select " + TASK_COLUMNS + " from case_task t join case_file c on c.id = t.case_id"
                + " where t.case_id = ? order by t.due_at, t.created_at")
            .param(caseId)
            .query(CaseFileRepository::task)
            .list()
            .stream()
            .findFirst();
    jdbc.sql(
            "update case_file set current_step = ?, current_step_name = ?, current_group = ?,"
                + " current_assignee = ?, step_due = ? where id = ?")
        .params(
            next.map(CaseTask::activityId).orElse(null),
            next.map(CaseTask::name).orElse(null),
            next.map(CaseTask::candidateGroup).orElse(null),
            next.map(CaseTask::assignee).orElse(null),
            next.map(t -> ts(t.dueAt())).orElse(null),
            caseId)
        .update();
  }

  void close(long caseId, CaseStatus status, Instant at) {
    jdbc.sql(
            "update case_file set status = ?, closed_at = ?, current_step = null, current_step_name = null,"
                + " current_group = null, current_assignee = null, step_due = null where id = ?")
        .params(status.name(), ts(at), caseId)
        .update();
  }

  void rating(long caseId, String rating) {
    jdbc.sql("update case_file set rating = ? where id = ?").params(rating, caseId).update();
  }

  void insertTask(
      String taskId, long caseId, String activityId, String name, String group, String assignee, Instant created, Instant warnAt, Instant due) {
    jdbc.sql(
            "insert into case_task (task_id, case_id, activity_id, name, candidate_group, assignee, created_at,"
                + " warn_at, due_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(taskId, caseId, activityId, name, group, assignee, ts(created), ts(warnAt), ts(due))
        .update();
  }

  /**
   * Recomputes an open case's colour from its own due and warning times and those of its open
   * steps; closed cases keep the colour they closed with.
   */
  public DeadlineState refreshDeadlineState(long caseId, Instant now) {
    Timestamp at = ts(now);
    DeadlineState state =
        jdbc.sql(
                "select case when c.case_due <= ? or exists (select 1 from case_task t where t.case_id = c.id and t.due_at <= ?)"
                    + " then 'RED' when c.warn_at <= ? or exists (select 1 from case_task t where t.case_id = c.id and t.warn_at <= ?)"
                    + " then 'YELLOW' else 'GREEN' end from case_file c where c.id = ? and c.status = 'OPEN'")
            .params(at, at, at, at, caseId)
            .query((rs, i) -> DeadlineState.valueOf(rs.getString(1)))
            .optional()
            .orElse(null);
    if (state != null) {
      jdbc.sql("update case_file set deadline_state = ? where id = ? and deadline_state <> ?")
          .params(state.name(), caseId, state.name())
          .update();
    }
    return state;
  }

  /** Locks an open case's record until the end of the transaction (false if it is closed). */
  public boolean lockOpen(long caseId) {
    return !jdbc.sql("select id from case_file where id = ? and status = 'OPEN' for update").param(caseId).query(Long.class)
        .list().isEmpty();
  }

  public void changeCaseDue(long caseId, Instant due, Instant warnAt) {
    jdbc.sql("update case_file set case_due = ?, warn_at = ? where id = ?").params(ts(due), ts(warnAt), caseId).update();
  }

  /** Open cases whose own warning or due time has passed but whose colour does not show it yet. */
  public List<Long> casesBehindTheClock(Instant now, int limit) {
    Timestamp at = ts(now);
    List<Long> ids = new ArrayList<>(
        jdbc.sql("select id from case_file where status = 'OPEN' and deadline_state = 'GREEN' and warn_at <= ? limit ?")
            .params(at, limit)
            .query(Long.class)
            .list());
    ids.addAll(
        jdbc.sql("select id from case_file where status = 'OPEN' and deadline_state in ('GREEN', 'YELLOW') and case_due <= ? limit ?")
            .params(at, limit)
            .query(Long.class)
            .list());
    return ids.stream().distinct().toList();
  }

  /** Flags the case as urged; false if it was urged at or after {@code since}. */
  public boolean urge(long caseId, String by, Instant at, Instant since) {
    return jdbc.sql("update case_file set urged_at = ?, urged_by = ? where id = ? and status = 'OPEN'"
                + " and (urged_at is null or urged_at < ?)")
            .params(ts(at), by, caseId, ts(since))
            .update() == 1;
  }

  void taskAssignee(String taskId, String assignee) {
    jdbc.sql("update case_task set assignee = ? where task_id = ?").params(assignee, taskId).update();
  }

  public void taskGroup(String taskId, String group) {
    jdbc.sql("update case_task set candidate_group = ? where task_id = ?").params(group, taskId).update();
  }

  void taskDue(String taskId, Instant warnAt, Instant due) {
    jdbc.sql("update case_task set warn_at = ?, due_at = ? where task_id = ?").params(ts(warnAt), ts(due), taskId).update();
  }


  void deleteTask(String taskId) {
    jdbc.sql("delete from case_task where task_id = ?").param(taskId).update();
  }

  public Optional<CaseTask> task(String taskId) {
    return jdbc.sql("select " + TASK_COLUMNS + " from case_task t join case_file c on c.id = t.case_id where t.task_id = ?")
        .param(taskId)
        .query(CaseFileRepository::task)
        .optional();
  }

  public List<CaseTask> openTasks(long caseId) {
    return jdbc.sql("select " + TASK_COLUMNS + " from case_task t join case_file c on c.id = t.case_id"
            + " where t.case_id = ? order by t.due_at, t.created_at")
        .param(caseId)
        .query(CaseFileRepository::task)
        .list();
  }

  public void insertEvent(long caseId, CaseEventType type, String step, String stepName, String actor, String group, String decision, String note, Instant at) {
    jdbc.sql(
            "insert into case_event (case_id, type, step, step_name, actor, actor_group, decision, note,"
                + " occurred_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(caseId, type.name(), step, stepName, actor, group, decision, truncate(note, 4000), ts(at))
        .update();
  }

  public List<CaseEvent> events(long caseId) {
    return jdbc.sql(
            "select id, type, step, step_name, actor, actor_group, decision, note, occurred_at from case_event"
                + " where case_id = ? order by id")
        .param(caseId)
        .query(
            (rs, i) ->
                new CaseEvent(
                    rs.getLong(1),
                    CaseEventType.valueOf(rs.getString(2)),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8),
                    instant(rs.getTimestamp(9))))
        .list();
  }

  public Page<CaseTask> tasks(TaskFilter f, int page, int size) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    List<Object> params = new ArrayList<>();
    if (!taskWhere(f, where, params)) {
      return new Page<>(List.of(), page, size, 0);
    }
    String from = " from case_task t join case_file c on c.id = t.case_id";
    long total = jdbc.sql("select count(*)" + from + where).params(params).query(Long.class).single();
    List<CaseTask> items =
        jdbc.sql("select " + TASK_COLUMNS + from + where + " order by t.due_at" + (f.latestDueFirst() ? " desc" : "") + ", t.task_id limit ? offset ?")
            .params(params)
            .param(size)
            .param((long) page * size)
            .query(CaseFileRepository::task)
            .list();
    return new Page<>(items, page, size, total);
  }

  /** How many open tasks the filter finds. */
  public long countTasks(TaskFilter f) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    List<Object> params = new ArrayList<>();
    if (!taskWhere(f, where, params)) {
      return 0;
    }
    return jdbc.sql("select count(*) from case_task t join case_file c on c.id = t.case_id" + where).params(params)
        .query(Long.class).single();
  }

  /** Appends the filter's conditions; false when it can find nothing. */
  private static boolean taskWhere(TaskFilter f, StringBuilder where, List<Object> params) {
    if (f.assignee() != null) {
      where.append(" and t.assignee = ?");
      params.add(f.assignee());
    }
    if (f.unassignedInGroups() != null) {
      if (f.unassignedInGroups().isEmpty()) {
        return false;
      }
      where.append(" and t.assignee is null and t.candidate_group in (")
          .append(placeholders(f.unassignedInGroups().size()))
          .append(")");
      params.addAll(f.unassignedInGroups());
    }
    if (f.area() != null) {
      StringBuilder scope = new StringBuilder();
      List<Object> scopeParams = new ArrayList<>();
      if (!appendScope(f.area(), scope, scopeParams)) {
        return false;
      }
      // the scope's columns are case_file's
      where.append(" and ").append(scope.toString().replaceAll("\\b(county_code|township_code|division_code|department_code)\\b", "c.$1"));
      params.addAll(scopeParams);
    }
    if (f.kind() != null) {
      where.append(" and c.kind = ?");
      params.add(f.kind());
    }
    if (f.categoryCode() != null) {
      where.append(" and c.category_code = ?");
      params.add(f.categoryCode());
    }
    if (f.activityId() != null) {
      where.append(" and t.activity_id = ?");
      params.add(f.activityId());
    }
    if (f.divisionCode() != null) {
      DivisionLevel level = DivisionLevel.ofCode(f.divisionCode());
      if (level == null) {
        throw new org.linli.system.InvalidInputException("division", "must be a 6, 9 or 12-digit division code");
      }
      where.append(" and c.").append(column(level)).append(" = ?");
      params.add(f.divisionCode());
    }
    if (f.dueBefore() != null) {
      where.append(" and t.due_at < ?");
      params.add(ts(f.dueBefore()));
    }
    if (f.state() != null && f.stateAt() != null) {
      Timestamp at = ts(f.stateAt());
      switch (f.state()) {
        case RED -> where.append(" and t.due_at <= ?");
        case YELLOW -> where.append(" and t.warn_at <= ? and (t.due_at is null or t.due_at > ?)");
        case GREEN -> where.append(" and (t.warn_at is null or t.warn_at > ?) and (t.due_at is null or t.due_at > ?)");
      }
      params.add(at);
      if (f.state() != DeadlineState.RED) {
        params.add(at);
      }
    }
    if (f.caseIds() != null) {
      if (f.caseIds().isEmpty()) {
        return false;
      }
      where.append(" and c.id in (").append(placeholders(f.caseIds().size())).append(")");
      params.addAll(f.caseIds());
    }
    if (f.text() != null && !f.text().isBlank()) {
      String text = f.text().strip();
      if (text.matches("[A-Za-z]{2}\\d{4}-\\d{1,6}")) {
        // MH2026-123 finds MH2026-000123
        int dash = text.indexOf('-');
        where.append(" and c.case_number = ?");
        params.add(text.substring(0, dash).toUpperCase(java.util.Locale.ROOT) + "-"
            + String.format("%06d", Integer.parseInt(text.substring(dash + 1))));
      } else {
        where.append(" and lower(c.title) like ? escape '\\'");
        params.add("%" + text.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
      }
    }
    return true;
  }

  public Page<CaseFile> cases(CaseFilter f, int page, int size) {
    StringBuilder where = new StringBuilder(" where ");
    List<Object> params = new ArrayList<>();
    if (!appendScope(f.scope(), where, params)) {
      return new Page<>(List.of(), page, size, 0);
    }
    if (f.status() != null) {
      where.append(" and status = ?");
      params.add(f.status().name());
    }
    if (f.kind() != null) {
      where.append(" and kind = ?");
      params.add(f.kind());
    }
    if (f.categoryCode() != null) {
      where.append(" and category_code = ?");
      params.add(f.categoryCode());
    }
    if (f.divisionCode() != null) {
      DivisionLevel level = DivisionLevel.ofCode(f.divisionCode());
      if (level == null) {
        throw new org.linli.system.InvalidInputException("division", "must be a 6, 9 or 12-digit division code");
      }
      where.append(" and ").append(column(level)).append(" = ?");
      params.add(f.divisionCode());
    }
    if (f.dueBefore() != null) {
      where.append(" and step_due < ?");
      params.add(ts(f.dueBefore()));
    }
    if (f.deadlineState() != null) {
      where.append(" and deadline_state = ?");
      params.add(f.deadlineState().name());
    }
    if (f.urged() != null) {
      where.append(f.urged() ? " and urged_at is not null" : " and urged_at is null");
    }
    long total = jdbc.sql("select count(*) from case_file" + where).params(params).query(Long.class).single();
    List<CaseFile> items =
        jdbc.sql("select " + CASE_COLUMNS + " from case_file" + where + " order by step_due, id limit ? offset ?")
            .params(params)
            .param(size)
            .param((long) page * size)
            .query(CaseFileRepository::caseFile)
            .list();
    return new Page<>(items, page, size, total);
  }

  /** Appends the scope as an OR of equality matches, each served by an index; false if it is empty. */
  private static boolean appendScope(Scope scope, StringBuilder where, List<Object> params) {
    if (scope.everything()) {
      where.append("1 = 1");
      return true;
    }
    List<String> terms = new ArrayList<>();
    for (DivisionLevel level : DivisionLevel.values()) {
      var codes = scope.codesAt(level);
      if (codes.isEmpty()) {
        continue;
      }
      terms.add(column(level) + " in (" + placeholders(codes.size()) + ")");
      params.addAll(codes);
    }
    for (Scope.DepartmentRef d : scope.departments()) {
      terms.add("(county_code = ? and department_code = ?)");
      params.add(d.countyCode());
      params.add(d.departmentCode());
    }
    if (terms.isEmpty()) {
      return false;
    }
    where.append("(").append(String.join(" or ", terms)).append(")");
    return true;
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
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  private static CaseFile caseFile(ResultSet rs, int i) throws SQLException {
    return new CaseFile(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        rs.getString(10),
        CaseStatus.valueOf(rs.getString(11)),
        rs.getString(12),
        rs.getString(13),
        rs.getString(14),
        rs.getString(15),
        instant(rs.getTimestamp(16)),
        instant(rs.getTimestamp(17)),
        rs.getString(18),
        instant(rs.getTimestamp(19)),
        instant(rs.getTimestamp(20)),
        rs.getString(21),
        instant(rs.getTimestamp(22)),
        DeadlineState.valueOf(rs.getString(23)),
        instant(rs.getTimestamp(24)),
        rs.getString(25));
  }

  private static CaseTask task(ResultSet rs, int i) throws SQLException {
    return new CaseTask(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        instant(rs.getTimestamp(6)),
        instant(rs.getTimestamp(7)),
        rs.getLong(8),
        rs.getString(9),
        rs.getString(10),
        rs.getString(11),
        rs.getString(12),
        rs.getString(13),
        rs.getString(14),
        rs.getString(15),
        instant(rs.getTimestamp(16)));
  }

  static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
