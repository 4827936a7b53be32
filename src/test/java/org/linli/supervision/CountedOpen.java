package org.linli.supervision;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.linli.system.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What is open is counted by the figures job, as of its time; a case list shows what is open now.
 * Between the two, the suite's other cases move on in the background.
 */
final class CountedOpen {

  private CountedOpen() {}

  /**
   * The cases of a case-list link's area and opening window that were open when the figures were
   * last counted and have closed since.
   */
  static long closedSince(JdbcClient jdbc, String href) {
    Map<String, String> q = new HashMap<>();
    for (String kv : href.substring(href.indexOf('?') + 1).split("&")) {
      q.put(kv.substring(0, kv.indexOf('=')), URLDecoder.decode(kv.substring(kv.indexOf('=') + 1), StandardCharsets.UTF_8));
    }
    Timestamp countedAt = jdbc.sql("select refreshed_at from supervision_refresh where id = 1").query(Timestamp.class).single();
    // closed between the count and now (a test that moved the clock may leave cases closed "later")
    return jdbc.sql("select count(*) from case_file where division_code like ? and status <> 'OPEN' and closed_at > ? and closed_at <= ?"
            + " and opened_at <= ? and opened_at > ?")
        .params(q.getOrDefault("division", "330106") + "%", countedAt, Timestamp.from(EngineClock.now()),
            q.containsKey("openedBy") ? Timestamp.from(Instant.parse(q.get("openedBy"))) : countedAt,
            Timestamp.from(q.containsKey("openedAfter") ? Instant.parse(q.get("openedAfter")) : Instant.EPOCH))
        .query(Long.class).single();
  }
}
