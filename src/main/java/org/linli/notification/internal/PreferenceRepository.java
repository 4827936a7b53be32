package org.linli.notification.internal;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.linli.notification.NotificationType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users' choices; a type without a row is on. */
@Repository
public class PreferenceRepository {

  private final JdbcClient jdbc;

  PreferenceRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Map<NotificationType, Boolean> of(String username) {
    Map<NotificationType, Boolean> result = new EnumMap<>(NotificationType.class);
    jdbc.sql("select type, enabled from notification_preference where username = ?")
        .param(username)
        .query(rs -> {
          result.put(NotificationType.valueOf(rs.getString(1)), rs.getBoolean(2));
        });
    return result;
  }

  /** Those among the users who turned this type off. */
  public Set<String> disabled(NotificationType type, Collection<String> usernames) {
    if (usernames.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(jdbc.sql("""
            select username from notification_preference
            where type = :type and enabled = false and username in (:users)
            """)
        .param("type", type.name())
        .param("users", usernames)
        .query(String.class)
        .list());
  }

  public void save(String username, NotificationType type, boolean enabled) {
    int updated = jdbc.sql("update notification_preference set enabled = ? where username = ? and type = ?")
        .params(enabled, username, type.name())
        .update();
    if (updated == 0) {
      jdbc.sql("insert into notification_preference (username, type, enabled) values (?, ?, ?)")
          .params(username, type.name(), enabled)
          .update();
    }
  }
}
