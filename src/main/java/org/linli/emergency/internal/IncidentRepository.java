package org.linli.emergency.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.linli.emergency.Incident;
import org.linli.emergency.IncidentLevel;
import org.linli.emergency.IncidentReport;
import org.linli.emergency.IncidentSubtype;
import org.linli.emergency.IncidentType;
import org.linli.emergency.Incidents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class IncidentRepository implements Incidents {

  private static final String COLUMNS = "case_id, phase, incident_type, subtype, level, graded_level, grading_basis,"
      + " division_code, location, latitude, longitude, occurred_at, description, dead, injured, missing, trapped, affected,"
      + " estimated_loss, drill, participants, reported_by, reported_at, all_clear_at, withdrawn_at";

  private final JdbcClient jdbc;

  IncidentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(long caseId, IncidentReport r, IncidentLevel level, IncidentLevel graded, String basis, String reportedBy,
      Instant at) {
    jdbc.sql("insert into emergency_incident (" + COLUMNS + ") values"
            + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, null)")
        .params(caseId, r.phase().name(), r.type().name(), r.subtype().name(), level.name(), graded.name(), basis,
            r.divisionCode(), r.location().strip(), r.latitude(), r.longitude(), Timestamp.from(r.occurredAt()),
            r.description().strip(), r.dead(), r.injured(), r.missing(), r.trapped(), r.affected(),
            r.estimatedLoss(), r.drill(),
            r.participants().isEmpty() ? null : String.join(",", r.participants()), reportedBy, Timestamp.from(at))
        .update();
  }

  Optional<Incident> byCase(long caseId) {
    return jdbc.sql("select " + COLUMNS + " from emergency_incident where case_id = ?").param(caseId)
        .query(IncidentRepository::map).optional();
  }

  @Override
  public Optional<Incident> of(long caseId) {
    return byCase(caseId);
  }

  void level(long caseId, IncidentLevel level) {
    jdbc.sql("update emergency_incident set level = ? where case_id = ?").params(level.name(), caseId).update();
  }

  void phase(long caseId, IncidentReport.Phase phase) {
    jdbc.sql("update emergency_incident set phase = ? where case_id = ?").params(phase.name(), caseId).update();
  }

  /** The figures as last reported; null where none was ever reported. */
  void figures(long caseId, Integer dead, Integer injured, Integer missing, Integer trapped, Integer affected, BigDecimal loss) {
    jdbc.sql("update emergency_incident set dead = ?, injured = ?, missing = ?, trapped = ?, affected = ?, estimated_loss = ?"
            + " where case_id = ?")
        .params(dead, injured, missing, trapped, affected, loss, caseId)
        .update();
  }

  void allClear(long caseId, Instant at) {
    jdbc.sql("update emergency_incident set all_clear_at = ? where case_id = ?").params(Timestamp.from(at), caseId).update();
  }

  void withdrawn(long caseId, Instant at) {
    jdbc.sql("update emergency_incident set withdrawn_at = ? where case_id = ?").params(Timestamp.from(at), caseId).update();
  }

  /** Whether the case is a drill; false for cases that are not emergencies. */
  boolean isDrill(long caseId) {
    return jdbc.sql("select drill from emergency_incident where case_id = ?").param(caseId).query(Boolean.class)
        .optional().orElse(false);
  }

  private static Incident map(ResultSet rs, int i) throws SQLException {
    String participants = rs.getString(21);
    return new Incident(rs.getLong(1), IncidentReport.Phase.valueOf(rs.getString(2)), IncidentType.valueOf(rs.getString(3)),
        IncidentSubtype.valueOf(rs.getString(4)), IncidentLevel.valueOf(rs.getString(5)), IncidentLevel.valueOf(rs.getString(6)),
        rs.getString(7), rs.getString(8), rs.getString(9), (Double) rs.getObject(10, Double.class),
        (Double) rs.getObject(11, Double.class), instant(rs.getTimestamp(12)), rs.getString(13), count(rs, 14), count(rs, 15),
        count(rs, 16), count(rs, 17), count(rs, 18), rs.getBigDecimal(19), rs.getBoolean(20),
        participants == null ? List.of() : Arrays.asList(participants.split(",")), rs.getString(22),
        instant(rs.getTimestamp(23)), instant(rs.getTimestamp(24)), instant(rs.getTimestamp(25)));
  }

  /** A figure, or null where it was left blank (not reported). */
  private static Integer count(ResultSet rs, int column) throws SQLException {
    int n = rs.getInt(column);
    return rs.wasNull() ? null : n;
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
