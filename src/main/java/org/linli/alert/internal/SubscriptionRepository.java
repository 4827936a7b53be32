package org.linli.alert.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.linli.emergency.IncidentLevel;
import org.linli.alert.AlertSubscription;
import org.linli.organization.Scope;
import org.linli.organization.ScopeSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Who receives alerts of which area ({@code alert_subscription}). */
@Repository
public class SubscriptionRepository {

  private static final String COLUMNS =
      "id, email, display_name, division_code, min_level, created_by, created_at, active, ended_by, ended_at";

  private final JdbcClient jdbc;

  SubscriptionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long insert(String email, String displayName, String divisionCode, IncidentLevel minLevel, String createdBy,
      Instant now) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into alert_subscription (email, display_name, division_code, min_level, created_by, created_at, active)
            values (?, ?, ?, ?, ?, ?, true)
            """)
        .params(email, displayName, divisionCode, minLevel.name(), createdBy, Timestamp.from(now))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  public Optional<AlertSubscription> byId(long id) {
    return jdbc.sql("select " + COLUMNS + " from alert_subscription where id = ?").param(id)
        .query(SubscriptionRepository::row).optional();
  }

  public boolean activeExists(String email, String divisionCode) {
    return jdbc.sql("select count(*) from alert_subscription where email = ? and division_code = ? and active")
        .params(email, divisionCode).query(Long.class).single() > 0;
  }

  /** Active subscriptions in the scope's subtrees. */
  public List<AlertSubscription> active(Scope scope) {
    ScopeSql.Condition area = ScopeSql.subtrees(null, scope);
    if (area.isNothing()) {
      return List.of();
    }
    return jdbc.sql("select " + COLUMNS + " from alert_subscription where active and " + area.sql()
            + " order by division_code, email, id")
        .params(area.params())
        .query(SubscriptionRepository::row)
        .list();
  }

  /** Active subscriptions to exactly these divisions. */
  public List<AlertSubscription> activeAt(Collection<String> divisionCodes) {
    if (divisionCodes.isEmpty()) {
      return List.of();
    }
    String in = String.join(", ", divisionCodes.stream().map(c -> "?").toList());
    return jdbc.sql("select " + COLUMNS + " from alert_subscription where active and division_code in (" + in + ")"
            + " order by id")
        .params(new ArrayList<Object>(divisionCodes))
        .query(SubscriptionRepository::row)
        .list();
  }

  public boolean end(long id, String by, Instant now) {
    return jdbc.sql("update alert_subscription set active = false, ended_by = ?, ended_at = ? where id = ? and active")
        .params(by, Timestamp.from(now), id).update() == 1;
  }

  private static AlertSubscription row(ResultSet rs, int i) throws SQLException {
    Timestamp ended = rs.getTimestamp("ended_at");
    return new AlertSubscription(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
        rs.getString("division_code"), IncidentLevel.valueOf(rs.getString("min_level")), rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant(), rs.getBoolean("active"), rs.getString("ended_by"),
        ended == null ? null : ended.toInstant());
  }
}
