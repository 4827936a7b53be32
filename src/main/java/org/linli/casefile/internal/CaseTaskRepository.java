package org.linli.casefile.internal;

import static org.linli.casefile.internal.CaseRows.TASKS_WITH_CASES;
import static org.linli.casefile.internal.CaseRows.TASK_COLUMNS;
import static org.linli.casefile.internal.CaseRows.ts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.linli.casefile.CaseTask;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A case's open steps ({@code case_task}), one row per open user task. */
@Repository
public class CaseTaskRepository {

  private final JdbcClient jdbc;

  CaseTaskRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(String taskId, long caseId, String activityId, String name, String group, String candidateUser, String assignee,
      Instant created, Instant warnAt, Instant due) {
    jdbc.sql(
            "insert into case_task (task_id, case_id, activity_id, name, candidate_group, candidate_user, assignee, created_at,"
                + " warn_at, due_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(taskId, caseId, activityId, name, group, candidateUser, assignee, ts(created), ts(warnAt), ts(due))
        .update();
  }

  void assignee(String taskId, String assignee) {
    jdbc.sql("update case_task set assignee = ? where task_id = ?").params(assignee, taskId).update();
  }

  public void group(String taskId, String group) {
    jdbc.sql("update case_task set candidate_group = ? where task_id = ?").params(group, taskId).update();
  }

  void due(String taskId, Instant warnAt, Instant due) {
    jdbc.sql("update case_task set warn_at = ?, due_at = ? where task_id = ?").params(ts(warnAt), ts(due), taskId).update();
  }

  /** When the open step opened, as Linli recorded it. */
  Optional<Instant> createdAt(String taskId) {
    return jdbc.sql("select created_at from case_task where task_id = ?").param(taskId)
        .query((rs, i) -> rs.getTimestamp(1).toInstant()).optional();
  }

  void delete(String taskId) {
    jdbc.sql("delete from case_task where task_id = ?").param(taskId).update();
  }

  public Optional<CaseTask> byId(String taskId) {
    return jdbc.sql("select " + TASK_COLUMNS + TASKS_WITH_CASES + " where t.task_id = ?")
        .param(taskId)
        .query(CaseRows::task)
        .optional();
  }

  /** The case's open steps, the one due first first. */
  public List<CaseTask> openOf(long caseId) {
    return jdbc.sql("select " + TASK_COLUMNS + TASKS_WITH_CASES + " where t.case_id = ? order by t.due_at, t.created_at")
        .param(caseId)
        .query(CaseRows::task)
        .list();
  }
}
