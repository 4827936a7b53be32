package org.linli.casefile.internal;

import static org.linli.casefile.internal.CaseRows.instant;
import static org.linli.casefile.internal.CaseRows.ts;

import java.time.Instant;
import java.util.List;
import org.linli.casefile.CaseEvent;
import org.linli.casefile.CaseEventType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A case's timeline ({@code case_event}). */
@Repository
public class CaseEventRepository {

  private final JdbcClient jdbc;

  CaseEventRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(long caseId, CaseEventType type, String step, String stepName, String actor, String group, String decision, String note, Instant at) {
    insert(caseId, type, step, stepName, actor, group, decision, note, null, at, false);
  }

  /** An entry whose note Linli wrote, in Chinese and in English. */
  public void insert(long caseId, CaseEventType type, String step, String stepName, String actor, String group, String decision,
      String note, String noteEn, Instant at) {
    insert(caseId, type, step, stepName, actor, group, decision, note, noteEn, at, false);
  }

  /** An entry; {@code stepCompleted} marks the completion of a user task, which the actor's 已办 list shows. */
  void insert(long caseId, CaseEventType type, String step, String stepName, String actor, String group, String decision,
      String note, String noteEn, Instant at, boolean stepCompleted) {
    insert(caseId, type, step, stepName, actor, group, decision, note, noteEn, at, stepCompleted, null, null);
  }

  /**
   * A user task's completion, with when the step opened and the office minutes it took on the
   * working-day calendar: the supervision centre averages these per activity.
   */
  void completion(long caseId, CaseEventType type, String step, String stepName, String actor, String group, String decision,
      String note, Instant at, boolean byStaff, Instant startedAt, Integer workingMinutes) {
    insert(caseId, type, step, stepName, actor, group, decision, note, null, at, byStaff, startedAt, workingMinutes);
  }

  private void insert(long caseId, CaseEventType type, String step, String stepName, String actor, String group, String decision,
      String note, String noteEn, Instant at, boolean stepCompleted, Instant startedAt, Integer workingMinutes) {
    jdbc.sql(
            "insert into case_event (case_id, type, step, step_name, actor, actor_group, decision, note, note_en,"
                + " occurred_at, step_completed, step_started_at, working_minutes) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(caseId, type.name(), step, stepName, actor, group, decision, truncate(note, 4000), truncate(noteEn, 4000), ts(at),
            stepCompleted, ts(startedAt), workingMinutes)
        .update();
  }

  /** The case's timeline, first to last. */
  public List<CaseEvent> ofCase(long caseId) {
    return jdbc.sql(
            "select id, type, step, step_name, actor, actor_group, decision, note, note_en, occurred_at from case_event"
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
                    rs.getString(9),
                    instant(rs.getTimestamp(10))))
        .list();
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
