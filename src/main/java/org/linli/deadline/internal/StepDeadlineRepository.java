package org.linli.deadline.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The deadline record of each step. Marks are claimed with conditional updates, so that a timer
 * and a sweep, or two nodes, racing for the same mark find exactly one winner.
 */
@Repository
class StepDeadlineRepository {

  record Step(
      String taskId,
      long caseId,
      String activityId,
      String stepName,
      String candidateGroup,
      String assignee,
      String divisionCode,
      Instant openedAt,
      Instant warnAt,
      Instant dueAt,
      Instant closedAt) {}

  private static final String COLUMNS =
      "task_id, case_id, activity_id, step_name, candidate_group, assignee, division_code, opened_at, warn_at, due_at, closed_at";

  private final JdbcClient jdbc;

  StepDeadlineRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void open(String taskId, long caseId, String activityId, String stepName, String group, String assignee, String division,
      Instant openedAt, Instant warnAt, Instant dueAt) {
    jdbc.sql("insert into step_deadline (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null)")
        .params(taskId, caseId, activityId, stepName, group, assignee, division, ts(openedAt), ts(warnAt), ts(dueAt))
        .update();
  }

  void close(String taskId, Instant at) {
    jdbc.sql("update step_deadline set closed_at = ? where task_id = ? and closed_at is null").params(ts(at), taskId).update();
  }

  void reschedule(String taskId, Instant warnAt, Instant dueAt, Instant now) {
    jdbc.sql("update step_deadline set warn_at = ?, due_at = ?,"
            + " reminded_at = case when cast(? as timestamp) > cast(? as timestamp) then null else reminded_at end,"
            + " overdue_at = case when cast(? as timestamp) > cast(? as timestamp) then null else overdue_at end"
            + " where task_id = ? and closed_at is null")
        .params(ts(warnAt), ts(dueAt), ts(warnAt), ts(now), ts(dueAt), ts(now), taskId)
        .update();
  }

  /** Open steps past their warning time and not yet reminded; of one case, or of all when null. */
  List<Step> toRemind(Long caseId, Instant now, int limit) {
    return jdbc.sql("select " + COLUMNS + " from step_deadline where closed_at is null and reminded_at is null"
            + " and warn_at <= ?" + (caseId == null ? "" : " and case_id = " + caseId) + " order by warn_at limit ?")
        .params(ts(now), limit)
        .query(StepDeadlineRepository::step)
        .list();
  }

  /** Open steps past their due time and not yet marked overdue; of one case, or of all when null. */
  List<Step> overdue(Long caseId, Instant now, int limit) {
    return jdbc.sql("select " + COLUMNS + " from step_deadline where closed_at is null and overdue_at is null"
            + " and due_at <= ?" + (caseId == null ? "" : " and case_id = " + caseId) + " order by due_at limit ?")
        .params(ts(now), limit)
        .query(StepDeadlineRepository::step)
        .list();
  }

  /** Open steps of the case past their due time that were not moved up yet. */
  List<Step> overdueNotEscalated(long caseId, Instant now) {
    return jdbc.sql("select " + COLUMNS + " from step_deadline where case_id = ? and closed_at is null"
            + " and escalated_at is null and due_at <= ? order by due_at")
        .params(caseId, ts(now))
        .query(StepDeadlineRepository::step)
        .list();
  }

  /** The step of this case that its due time just cancelled: closed at or after its due, not yet escalated. */
  Optional<Step> cancelledAtDue(long caseId, Instant now) {
    return jdbc.sql("select " + COLUMNS + " from step_deadline where case_id = ? and closed_at is not null"
            + " and escalated_at is null and due_at <= closed_at and closed_at <= ? order by closed_at desc, opened_at desc")
        .params(caseId, ts(now))
        .query(StepDeadlineRepository::step)
        .list()
        .stream()
        .findFirst();
  }

  boolean claimReminder(String taskId, Instant now) {
    return jdbc.sql("update step_deadline set reminded_at = ? where task_id = ? and reminded_at is null and closed_at is null")
        .params(ts(now), taskId).update() == 1;
  }

  /** Marks overdue once; a step cancelled at its due time (by an escalation) may still be marked. */
  boolean claimOverdue(String taskId, Instant now) {
    return jdbc.sql("update step_deadline set overdue_at = ? where task_id = ? and overdue_at is null and due_at <= ?")
        .params(ts(now), taskId, ts(now)).update() == 1;
  }

  void regroup(String taskId, String candidateGroup) {
    jdbc.sql("update step_deadline set candidate_group = ? where task_id = ?").params(candidateGroup, taskId).update();
  }

  boolean claimEscalation(String taskId, Instant now) {
    return jdbc.sql("update step_deadline set escalated_at = ? where task_id = ? and escalated_at is null")
        .params(ts(now), taskId).update() == 1;
  }

  int purgeClosedBefore(Instant before) {
    return jdbc.sql("delete from step_deadline where closed_at < ?").param(ts(before)).update();
  }

  private static Step step(ResultSet rs, int i) throws SQLException {
    return new Step(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
        rs.getString(7), instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9)), instant(rs.getTimestamp(10)),
        instant(rs.getTimestamp(11)));
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
