package org.linli.request.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.linli.organization.Routing;
import org.linli.request.ResidentRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ResidentRequestRepository {

  private static final String COLUMNS =
      "case_id, case_number, channel, description, address, latitude, longitude, resident_name, resident_phone,"
          + " resident_email, reply, replied_at, rating_token, created_at";

  private final JdbcClient jdbc;

  ResidentRequestRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Who owns a request now and since when; what its steps read instead of process variables. */
  public record Ownership(Routing.Level level, String handler, Instant handleDue, Instant handleStart, Instant receivedAt,
      Integer extensionDays, int reopenCount) {}

  /** A new request, owned at first by the category's handling level. */
  public void insert(ResidentRequest r, Routing.Level level) {
    jdbc.sql("insert into resident_request (" + COLUMNS + ", handling_level) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(r.caseId(), r.caseNumber(), r.channel().name(), r.description(), r.address(), r.latitude(),
            r.longitude(), r.residentName(), r.residentPhone(), r.residentEmail(), r.reply(), ts(r.repliedAt()),
            r.ratingToken(), ts(r.createdAt()), level.name())
        .update();
  }

  public Ownership ownership(long caseId) {
    return jdbc.sql("select handling_level, handler, handle_due, handle_start, received_at, extension_days, reopen_count"
            + " from resident_request where case_id = ?")
        .param(caseId)
        .query((rs, i) -> new Ownership(rs.getString(1) == null ? null : Routing.Level.valueOf(rs.getString(1)), rs.getString(2),
            instant(rs.getTimestamp(3)), instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)),
            (Integer) rs.getObject(6, Integer.class), rs.getInt(7)))
        .optional()
        .orElseThrow(() -> new IllegalStateException("case " + caseId + " is no resident request"));
  }

  /** Another unit takes the request on: its own handler (or none yet) and a fresh handling limit. */
  public void reroute(long caseId, Routing.Level level, String handler) {
    jdbc.sql("update resident_request set handling_level = coalesce(?, handling_level), handler = ?, handle_due = null,"
            + " handle_start = null where case_id = ?")
        .params(level == null ? null : level.name(), handler, caseId)
        .update();
  }

  public void handler(long caseId, String handler) {
    jdbc.sql("update resident_request set handler = ? where case_id = ?").params(handler, caseId).update();
  }

  public void handleDue(long caseId, Instant due, Instant start) {
    jdbc.sql("update resident_request set handle_due = ?, handle_start = coalesce(?, handle_start) where case_id = ?")
        .params(ts(due), ts(start), caseId)
        .update();
  }

  public void received(long caseId, Instant at) {
    jdbc.sql("update resident_request set received_at = ? where case_id = ?").params(ts(at), caseId).update();
  }

  public void extensionAsked(long caseId, Integer days) {
    jdbc.sql("update resident_request set extension_days = ? where case_id = ?").params(days, caseId).update();
  }

  /** Another round after a "not satisfied": the count goes up and the handler gets a fresh limit. */
  public int reopened(long caseId) {
    jdbc.sql("update resident_request set reopen_count = reopen_count + 1, handle_due = null, handle_start = null"
            + " where case_id = ?")
        .param(caseId)
        .update();
    return ownership(caseId).reopenCount();
  }

  public Optional<ResidentRequest> byCaseNumber(String number) {
    return jdbc.sql("select " + COLUMNS + " from resident_request where case_number = ?").param(number)
        .query(ResidentRequestRepository::map).optional();
  }

  public Optional<ResidentRequest> byRatingToken(String token) {
    return jdbc.sql("select " + COLUMNS + " from resident_request where rating_token = ?").param(token)
        .query(ResidentRequestRepository::map).optional();
  }

  public void reply(long caseId, String reply, Instant at, String ratingToken) {
    jdbc.sql("update resident_request set reply = ?, replied_at = ?, rating_token = ? where case_id = ?")
        .params(reply, ts(at), ratingToken, caseId)
        .update();
  }

  public java.util.Set<Long> caseIdsByPhone(String phone) {
    // landlines are taken with or without the dash after the area code: find either form
    String digits = phone.replace("-", "");
    java.util.Set<String> forms = new java.util.LinkedHashSet<>(java.util.List.of(phone, digits));
    if (digits.startsWith("0") && digits.length() >= 10) {
      forms.add(digits.substring(0, digits.length() - 8) + "-" + digits.substring(digits.length() - 8));
      forms.add(digits.substring(0, digits.length() - 7) + "-" + digits.substring(digits.length() - 7));
    }
    return new java.util.HashSet<>(jdbc.sql("select case_id from resident_request where resident_phone in ("
            + String.join(", ", java.util.Collections.nCopies(forms.size(), "?")) + ")")
        .params(List.copyOf(forms)).query(Long.class).list());
  }

  public Optional<ResidentRequest> byCaseId(long caseId) {
    return jdbc.sql("select " + COLUMNS + " from resident_request where case_id = ?").param(caseId)
        .query(ResidentRequestRepository::map).optional();
  }

  private static ResidentRequest map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    return new ResidentRequest(rs.getLong(1), rs.getString(2), org.linli.request.Channel.valueOf(rs.getString(3)),
        rs.getString(4), rs.getString(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getString(8),
        rs.getString(9), rs.getString(10), rs.getString(11), instant(rs.getTimestamp(12)),
        rs.getString(13), instant(rs.getTimestamp(14)));
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

}
