package org.linli.hazard.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.linli.hazard.HazardPoint;
import org.linli.hazard.Inspection;
import org.linli.hazard.HazardType;
import org.linli.organization.Scope;
import org.linli.organization.ScopeSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code hazard_point} table. */
@Repository
public class HazardPointRepository {

  private static final String COLUMNS = "id, name, division_code, location, latitude, longitude, hazard_type, cycle_days,"
      + " next_inspection_on, active, inspection_instance_id, created_by, created_at";

  private final JdbcClient jdbc;

  HazardPointRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long insert(String name, String divisionCode, String location, Double latitude, Double longitude, HazardType type,
      int cycleDays, LocalDate next, String by, Instant at) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("insert into hazard_point (name, division_code, location, latitude, longitude, hazard_type, cycle_days,"
            + " next_inspection_on, active, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, true, ?, ?)")
        .params(name, divisionCode, location, latitude, longitude, type.name(), cycleDays, Date.valueOf(next), by,
            Timestamp.from(at))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  public void update(long id, String name, String location, Double latitude, Double longitude, int cycleDays, LocalDate next,
      boolean active, String by, Instant at) {
    jdbc.sql("update hazard_point set name = ?, location = ?, latitude = ?, longitude = ?, cycle_days = ?,"
            + " next_inspection_on = ?, active = ?, updated_by = ?, updated_at = ? where id = ?")
        .params(name, location, latitude, longitude, cycleDays, Date.valueOf(next), active, by, Timestamp.from(at), id)
        .update();
  }

  public Optional<HazardPoint> byId(long id) {
    return jdbc.sql("select " + COLUMNS + " from hazard_point where id = ?").param(id).query(HazardPointRepository::map)
        .optional();
  }

  /** The points in the scope's subtrees, optionally of one village and one type. */
  public List<HazardPoint> list(Scope scope, String villageCode, HazardType type) {
    ScopeSql.Condition area = ScopeSql.subtrees(null, scope);
    if (area.isNothing()) {
      return List.of();
    }
    StringBuilder sql = new StringBuilder("select " + COLUMNS + " from hazard_point where " + area.sql());
    List<Object> params = new ArrayList<>(area.params());
    if (villageCode != null) {
      sql.append(" and division_code = ?");
      params.add(villageCode);
    }
    if (type != null) {
      sql.append(" and hazard_type = ?");
      params.add(type.name());
    }
    sql.append(" order by division_code, id");
    return jdbc.sql(sql.toString()).params(params).query(HazardPointRepository::map).list();
  }

  /** Points marked as under inspection, with the process instance of that inspection. */
  public List<HazardPoint> underInspection() {
    return jdbc.sql("select " + COLUMNS + " from hazard_point where inspection_instance_id is not null order by id")
        .query(HazardPointRepository::map).list();
  }

  /**
   * The point's inspection {@code processInstanceId} ended without a finding (its case was cancelled):
   * the point is free again, and its open inspection row gets {@code finding}. False when the point
   * has moved on already (inspected, or another run freed it).
   */
  public boolean inspectionCancelled(long pointId, String processInstanceId, String finding) {
    int freed = jdbc.sql("update hazard_point set inspection_instance_id = null where id = ? and inspection_instance_id = ?")
        .params(pointId, processInstanceId).update();
    if (freed == 0) {
      return false;
    }
    jdbc.sql("update hazard_inspection set finding = ? where hazard_point_id = ? and finding is null")
        .params(finding, pointId).update();
    return true;
  }

  /** Active points due on or before the day with no inspection under way. */
  public List<HazardPoint> due(LocalDate day) {
    return jdbc.sql("select " + COLUMNS + " from hazard_point where active = true and next_inspection_on <= ?"
            + " and inspection_instance_id is null order by next_inspection_on, id")
        .param(Date.valueOf(day)).query(HazardPointRepository::map).list();
  }

  /**
   * Claims a due point's inspection for one starter: false when another run or node got it first,
   * or it is no longer due or active.
   */
  public boolean claim(long id, LocalDate day, String marker) {
    return jdbc.sql("update hazard_point set inspection_instance_id = ? where id = ? and inspection_instance_id is null"
            + " and active = true and next_inspection_on <= ?")
        .params(marker, id, Date.valueOf(day)).update() == 1;
  }

  public void started(long id, String processInstanceId) {
    jdbc.sql("update hazard_point set inspection_instance_id = ? where id = ?").params(processInstanceId, id).update();
  }

  /** The inspection is done: the next one is due on {@code next}. */
  public void inspected(long id, LocalDate next) {
    jdbc.sql("update hazard_point set inspection_instance_id = null, next_inspection_on = ? where id = ?")
        .params(Date.valueOf(next), id).update();
  }

  public void inspectionOpened(long caseId, long pointId, LocalDate dueOn) {
    jdbc.sql("insert into hazard_inspection (case_id, hazard_point_id, due_on) values (?, ?, ?)")
        .params(caseId, pointId, Date.valueOf(dueOn)).update();
  }

  public void inspectionDone(long caseId, String finding, String emergencyCaseNumber, String by, Instant at) {
    jdbc.sql("update hazard_inspection set finding = ?, emergency_case_number = ?, inspected_by = ?, inspected_at = ?"
            + " where case_id = ?")
        .params(finding, emergencyCaseNumber, by, Timestamp.from(at), caseId).update();
  }

  public Optional<Inspection> inspection(long caseId) {
    return jdbc.sql("select case_id, hazard_point_id, due_on, finding, emergency_case_number, inspected_by, inspected_at"
            + " from hazard_inspection where case_id = ?")
        .param(caseId)
        .query((rs, row) -> {
          Timestamp at = rs.getTimestamp("inspected_at");
          return new Inspection(rs.getLong("case_id"), rs.getLong("hazard_point_id"), rs.getDate("due_on").toLocalDate(),
              rs.getString("finding"), rs.getString("emergency_case_number"), rs.getString("inspected_by"),
              at == null ? null : at.toInstant());
        })
        .optional();
  }

  private static HazardPoint map(ResultSet rs, int row) throws SQLException {
    double lat = rs.getDouble("latitude");
    Double latitude = rs.wasNull() ? null : lat;
    double lon = rs.getDouble("longitude");
    Double longitude = rs.wasNull() ? null : lon;
    return new HazardPoint(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getString("division_code"),
        rs.getString("location"),
        latitude,
        longitude,
        HazardType.valueOf(rs.getString("hazard_type")),
        rs.getInt("cycle_days"),
        rs.getDate("next_inspection_on").toLocalDate(),
        rs.getBoolean("active"),
        rs.getString("inspection_instance_id"),
        rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant());
  }
}
