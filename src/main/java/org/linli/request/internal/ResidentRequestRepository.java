package org.linli.request.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

  public void insert(ResidentRequest r) {
    jdbc.sql("insert into resident_request (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(r.caseId(), r.caseNumber(), r.channel().name(), r.description(), r.address(), r.latitude(),
            r.longitude(), r.residentName(), r.residentPhone(), r.residentEmail(), r.reply(), ts(r.repliedAt()),
            r.ratingToken(), ts(r.createdAt()))
        .update();
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
