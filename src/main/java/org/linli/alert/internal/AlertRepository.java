package org.linli.alert.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.linli.emergency.IncidentAlert;
import org.linli.emergency.IncidentLevel;
import org.linli.alert.AlertSummary;
import org.linli.organization.Scope;
import org.linli.organization.ScopeSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored CAP alerts ({@code emergency_alert}). */
@Repository
public class AlertRepository {

  private static final String COLUMNS = "identifier, case_id, case_number, seq, msg_type, status, scope, change_kind,"
      + " phase, incident_level, division_code, headline, sent, sent_text, refs";

  /** A row to insert: the summary plus what only the store needs. */
  record NewAlert(AlertSummary summary, String countyCode, String townshipCode, String description, String xml) {}

  private final JdbcClient jdbc;

  AlertRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(NewAlert a, Instant now) {
    AlertSummary s = a.summary();
    jdbc.sql("""
            insert into emergency_alert (identifier, case_id, case_number, seq, msg_type, status, scope, change_kind,
              phase, incident_level, division_code, township_code, county_code, headline, summary, sent_text, sent,
              refs, xml, created_at)
            values (:identifier, :caseId, :caseNumber, :seq, :msgType, :status, :scope, :change, :phase, :level,
              :division, :township, :county, :headline, :summary, :sentText, :sent, :refs, :xml, :now)
            """)
        .param("identifier", s.identifier())
        .param("caseId", s.caseId())
        .param("caseNumber", s.caseNumber())
        .param("seq", s.seq())
        .param("msgType", s.msgType())
        .param("status", s.status())
        .param("scope", s.scope())
        .param("change", s.change().name())
        .param("phase", s.phase().name())
        .param("level", s.level().name())
        .param("division", s.divisionCode())
        .param("township", a.townshipCode())
        .param("county", a.countyCode())
        .param("headline", truncate(s.headline(), 500))
        .param("summary", truncate(a.description(), 4000))
        .param("sentText", s.sentText())
        .param("sent", Timestamp.from(s.sent()))
        .param("refs", s.references())
        .param("xml", a.xml())
        .param("now", Timestamp.from(now))
        .update();
  }

  /** The alerts of a case, first to last. */
  public List<AlertSummary> ofCase(long caseId) {
    return jdbc.sql("select " + COLUMNS + " from emergency_alert where case_id = ? order by seq")
        .param(caseId)
        .query(AlertRepository::summary)
        .list();
  }

  public Optional<AlertSummary> byIdentifier(String identifier) {
    return jdbc.sql("select " + COLUMNS + " from emergency_alert where identifier = ?")
        .param(identifier)
        .query(AlertRepository::summary)
        .optional();
  }

  public Optional<String> xml(String identifier) {
    return jdbc.sql("select xml from emergency_alert where identifier = ?").param(identifier).query(String.class).optional();
  }

  /** The zh-CN description stored beside the document, for the feed. */
  public Optional<String> description(String identifier) {
    return jdbc.sql("select summary from emergency_alert where identifier = ?").param(identifier).query(String.class)
        .optional();
  }

  /**
   * Newest first, of the area: the scope's divisions and everything below them, and for county
   * departments their county. Null filters are ignored.
   */
  public List<AlertSummary> list(Scope scope, String caseNumber, Instant since, boolean actualOnly, int limit) {
    StringBuilder where = new StringBuilder("1 = 1");
    List<Object> params = new ArrayList<>();
    if (scope != null) {
      ScopeSql.Condition area = ScopeSql.places(null, scope);
      if (area.isNothing()) {
        return List.of();
      }
      where.append(" and ").append(area.sql());
      params.addAll(area.params());
    }
    if (caseNumber != null) {
      where.append(" and case_number = ?");
      params.add(caseNumber);
    }
    if (since != null) {
      where.append(" and sent >= ?");
      params.add(Timestamp.from(since));
    }
    if (actualOnly) {
      where.append(" and status = 'Actual'");
    }
    params.add(limit);
    return jdbc.sql("select " + COLUMNS + " from emergency_alert where " + where
            + " order by sent desc, case_id desc, seq desc fetch first ? rows only")
        .params(params)
        .query(AlertRepository::summary)
        .list();
  }

  private static AlertSummary summary(ResultSet rs, int i) throws SQLException {
    return new AlertSummary(rs.getString("identifier"), rs.getLong("case_id"), rs.getString("case_number"),
        rs.getInt("seq"), rs.getString("msg_type"), rs.getString("status"), rs.getString("scope"),
        IncidentAlert.Change.valueOf(rs.getString("change_kind")), IncidentAlert.Phase.valueOf(rs.getString("phase")),
        IncidentLevel.valueOf(rs.getString("incident_level")), rs.getString("division_code"), rs.getString("headline"),
        rs.getTimestamp("sent").toInstant(), rs.getString("sent_text"), rs.getString("refs"));
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
