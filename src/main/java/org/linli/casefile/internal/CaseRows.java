package org.linli.casefile.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseStatus;
import org.linli.casefile.CaseTask;
import org.linli.casefile.DeadlineState;

/** The columns and row mappers of a case ({@code case_file c}) and an open step ({@code case_task t}). */
final class CaseRows {

  /** Read by {@link #caseFile}, in this order. */
  static final String CASE_COLUMNS =
      "c.id, c.case_number, c.kind, c.process_instance_id, c.title, c.category_code, c.county_code, c.township_code,"
          + " c.division_code, c.department_code, c.status, c.current_step, c.current_step_name, c.current_group,"
          + " c.current_assignee, c.step_due, c.case_due, c.rating, c.opened_at, c.closed_at, c.priority, c.warn_at,"
          + " c.deadline_state, c.urged_at, c.urged_by, c.ever_overdue";

  /** Read by {@link #task}, in this order; needs case_task t joined with case_file c. */
  static final String TASK_COLUMNS =
      "t.task_id, t.activity_id, t.name, t.candidate_group, t.assignee, t.created_at, t.due_at, c.id,"
          + " c.case_number, c.kind, c.title, c.category_code, c.division_code, c.department_code,"
          + " c.process_instance_id, t.warn_at, c.priority, c.urged_at, c.opened_at, t.candidate_user";

  static final String TASKS_WITH_CASES = " from case_task t join case_file c on c.id = t.case_id";

  private CaseRows() {}

  static CaseFile caseFile(ResultSet rs, int i) throws SQLException {
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
        rs.getString(25),
        rs.getBoolean(26));
  }

  static CaseTask task(ResultSet rs, int i) throws SQLException {
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
        instant(rs.getTimestamp(16)),
        rs.getString(17),
        instant(rs.getTimestamp(18)),
        instant(rs.getTimestamp(19)),
        rs.getString(20));
  }

  static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
