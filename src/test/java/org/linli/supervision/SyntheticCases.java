package org.linli.supervision;

import java.sql.Timestamp;
import java.time.Instant;
import org.linli.support.ShanghaiTime;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Case records written straight into Linli's tables, with the events a figure counts: for figures
 * of a period no process could be driven through in a test. Numbers are {@code prefix-000001}…
 */
final class SyntheticCases {

  private final JdbcClient jdbc;
  private final String prefix;

  SyntheticCases(JdbcClient jdbc, String prefix) {
    this.jdbc = jdbc;
    this.prefix = prefix;
  }

  /**
   * One case; times are local (Asia/Shanghai) {@code 2026-10-08T10:00}; each event is "TYPE time"
   * or "TYPE time note" ({@code RATED 2026-10-09T12:00 SATISFIED}).
   */
  long insert(int i, String village, String department, String kind, String status, String opened, String closed, String due,
      Instant stepDue, String state, boolean everOverdue, String... events) {
    String number = prefix + "-" + String.format("%06d", i);
    jdbc.sql("insert into case_file (case_number, kind, process_definition_key, title, category_code, county_code, township_code,"
            + " division_code, department_code, status, opened_at, closed_at, case_due, step_due, deadline_state, ever_overdue)"
            + " values (?, ?, 'synthetic', '统计测试', 'streetlight', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(number, kind, village.substring(0, 6), village.substring(0, 9), village, department, status, ts(opened),
            closed == null ? null : ts(closed), ts(due), stepDue == null ? null : Timestamp.from(stepDue), state, everOverdue)
        .update();
    long id = jdbc.sql("select id from case_file where case_number = ?").param(number).query(Long.class).single();
    for (String e : events) {
      String[] p = e.split(" ", 3);
      jdbc.sql("insert into case_event (case_id, type, occurred_at, note) values (?, ?, ?, ?)")
          .params(id, p[0], ts(p[1]), p.length > 2 ? p[2] : null).update();
    }
    return id;
  }

  static Timestamp ts(String local) {
    return Timestamp.from(ShanghaiTime.at(local));
  }
}
