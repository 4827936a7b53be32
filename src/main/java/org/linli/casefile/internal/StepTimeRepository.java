package org.linli.casefile.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.linli.casefile.StepTime;
import org.linli.organization.Scope;
import org.linli.organization.ScopeSql;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The office time of completed steps, summed per day, kind, activity and unit ({@code
 * step_time_day}): the supervision centre's averages per activity read these sums, never the
 * engine's history nor every completion.
 */
@Repository
public class StepTimeRepository {

  private final JdbcClient jdbc;
  private final TransactionTemplate separate;

  StepTimeRepository(JdbcClient jdbc, PlatformTransactionManager txManager) {
    this.jdbc = jdbc;
    this.separate = new TransactionTemplate(txManager);
    this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Adds one completion of the case's step on the day, in the completion's transaction. */
  void add(long caseId, String activityId, LocalDate day, int workingMinutes) {
    Unit u = jdbc.sql("select kind, county_code, coalesce(township_code, ''), division_code, coalesce(department_code, '')"
            + " from case_file where id = ?").param(caseId)
        .query((rs, i) -> new Unit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
        .single();
    if (increment(u, activityId, day, workingMinutes) == 0) {
      // the day's first completion there: the empty row is made apart, so that a completion which
      // made it at the same moment is no error in this one's transaction (PostgreSQL would abort it)
      try {
        separate.executeWithoutResult(s -> jdbc.sql("insert into step_time_day (stat_day, kind, activity_id, county_code,"
                + " township_code, division_code, department_code) values (?, ?, ?, ?, ?, ?, ?)")
            .params(Date.valueOf(day), u.kind(), activityId, u.county(), u.township(), u.division(), u.department()).update());
      } catch (DuplicateKeyException raced) {
        // made by another completion first: fine
      }
      if (increment(u, activityId, day, workingMinutes) == 0) {
        throw new IllegalStateException("no step_time_day row for " + activityId + " on " + day);
      }
    }
  }

  private int increment(Unit u, String activityId, LocalDate day, int workingMinutes) {
    return jdbc.sql("update step_time_day set completed = completed + 1, working_minutes = working_minutes + ?"
            + " where stat_day = ? and kind = ? and activity_id = ? and division_code = ? and department_code = ?")
        .params(workingMinutes, Date.valueOf(day), u.kind(), activityId, u.division(), u.department())
        .update();
  }

  /** The sums per activity of the scope's steps of a kind completed on the days, both included. */
  public List<StepTime> sums(Scope scope, String kind, LocalDate from, LocalDate to) {
    ScopeSql.Condition seen = ScopeSql.cases("s", scope);
    if (seen.isNothing()) {
      return List.of();
    }
    List<Object> params = new ArrayList<>(List.of(kind, Date.valueOf(from), Date.valueOf(to)));
    params.addAll(seen.params());
    return jdbc.sql("select s.kind, s.activity_id, sum(s.completed), sum(s.working_minutes) from step_time_day s"
            + " where s.kind = ? and s.stat_day >= ? and s.stat_day <= ?" + (seen.isEverything() ? "" : " and " + seen.sql())
            + " group by s.kind, s.activity_id order by s.activity_id")
        .params(params)
        .query((rs, i) -> new StepTime(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
        .list();
  }

  private record Unit(String kind, String county, String township, String division, String department) {}
}
