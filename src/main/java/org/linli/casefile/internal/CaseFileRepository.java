package org.linli.casefile.internal;

import static org.linli.casefile.internal.CaseRows.CASE_COLUMNS;
import static org.linli.casefile.internal.CaseRows.ts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseLimits;
import org.linli.casefile.CaseOpening;
import org.linli.casefile.CaseStatus;
import org.linli.casefile.CaseTask;
import org.linli.casefile.DeadlineState;
import org.linli.organization.DivisionLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The case records ({@code case_file}); lists by filter are in {@link CaseQueries}. */
@Repository
public class CaseFileRepository {

  private final JdbcClient jdbc;
  private final CaseTaskRepository tasks;

  CaseFileRepository(JdbcClient jdbc, CaseTaskRepository tasks) {
    this.jdbc = jdbc;
    this.tasks = tasks;
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
    return jdbc.sql("select " + CASE_COLUMNS + " from case_file c where c.case_number = ?")
        .param(number)
        .query(CaseRows::caseFile)
        .optional();
  }

  public Optional<CaseFile> byId(long id) {
    return jdbc.sql("select " + CASE_COLUMNS + " from case_file c where c.id = ?")
        .param(id)
        .query(CaseRows::caseFile)
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
    Optional<CaseTask> next = tasks.openOf(caseId).stream().findFirst();
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
    // closed after its own due time: late, whatever the steps said
    jdbc.sql(
            "update case_file set status = ?, closed_at = ?, current_step = null, current_step_name = null,"
                + " current_group = null, current_assignee = null, step_due = null,"
                + " ever_overdue = case when case_due is not null and case_due < ? then true else ever_overdue end where id = ?")
        .params(status.name(), ts(at), ts(at), caseId)
        .update();
  }

  /** A step of the case ran past its due time: kept, whatever happens to the step afterwards. */
  public void markEverOverdue(long caseId) {
    jdbc.sql("update case_file set ever_overdue = true where id = ? and ever_overdue = false").param(caseId).update();
  }

  void rating(long caseId, String rating) {
    jdbc.sql("update case_file set rating = ? where id = ?").params(rating, caseId).update();
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
}
