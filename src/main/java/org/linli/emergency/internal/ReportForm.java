package org.linli.emergency.internal;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.linli.emergency.IncidentLevel;
import org.linli.emergency.IncidentReport;
import org.linli.emergency.IncidentSubtype;
import org.linli.system.InvalidInputException.FieldError;
import org.linli.system.TypedFields;

/** The workbench report page's fields as typed, so a refused report comes back unchanged. */
public class ReportForm {


  /** A report, or what could not be read. */
  record Conversion(IncidentReport report, List<FieldError> errors) {}

  private String phase = "INCIDENT";
  private String subtype;
  private String proposedLevel;
  private String divisionCode;
  private String location;
  private String latitude;
  private String longitude;
  private String occurredAt;
  private String description;
  private String dead;
  private String injured;
  private String missing;
  private String trapped;
  private String affected;
  private String estimatedLoss;
  private boolean drill;
  private List<String> participants = new ArrayList<>();

  /** @param zone the calendar's zone, in which the page shows and takes local times */
  Conversion toReport(ZoneId zone) {
    List<FieldError> errors = new ArrayList<>();
    IncidentSubtype sub = null;
    if (subtype != null && !subtype.isBlank()) {
      try {
        sub = IncidentSubtype.valueOf(subtype);
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("subtype", "无此事件类别 no such type"));
      }
    }
    IncidentLevel level = null;
    if (proposedLevel != null && !proposedLevel.isBlank()) {
      try {
        level = IncidentLevel.valueOf(proposedLevel);
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("proposedLevel", "级别应为 I、II、III 或 IV the level is one of I, II, III, IV"));
      }
    }
    IncidentReport.Phase p = "WARNING".equals(phase) ? IncidentReport.Phase.WARNING : IncidentReport.Phase.INCIDENT;
    java.time.Instant at = null;
    if (occurredAt != null && !occurredAt.isBlank()) {
      try {
        at = LocalDateTime.parse(occurredAt.strip()).atZone(zone).toInstant();
      } catch (DateTimeParseException e) {
        errors.add(new FieldError("occurredAt", "时间格式应为 2026-07-01T10:00 write the time as 2026-07-01T10:00"));
      }
    }
    // the picker posts one user name a value; a name typed with commas (an old page, a script) still reads
    List<String> people = participants == null ? List.of() : participants.stream().filter(s -> s != null)
        .flatMap(s -> Arrays.stream(s.split("[,，\\s]+"))).filter(s -> !s.isBlank()).distinct().toList();
    IncidentReport report = new IncidentReport(p, sub == null ? null : sub.type(), sub, TypedFields.text(divisionCode), TypedFields.text(location),
        decimal(latitude, "latitude", errors), decimal(longitude, "longitude", errors), at, TypedFields.text(description),
        count(dead, "dead", errors), count(injured, "injured", errors), count(missing, "missing", errors),
        count(trapped, "trapped", errors), count(affected, "affected", errors), money(estimatedLoss, errors), level, drill, people);
    return new Conversion(report, errors);
  }

  /** Counts left empty are not reported (null), which is not the same as none. */
  private static Integer count(String s, String field, List<FieldError> errors) {
    return TypedFields.whole(s, field, "应为整数 a whole number", errors);
  }

  private static Double decimal(String s, String field, List<FieldError> errors) {
    return TypedFields.decimal(s, field, "应为数字 a number", errors);
  }

  private static BigDecimal money(String s, List<FieldError> errors) {
    return TypedFields.amount(s, "estimatedLoss", "应为金额（元） an amount in CNY", errors);
  }

  public String getPhase() { return phase; }
  public void setPhase(String phase) { this.phase = phase; }
  public String getSubtype() { return subtype; }
  public void setSubtype(String subtype) { this.subtype = subtype; }
  public String getProposedLevel() { return proposedLevel; }
  public void setProposedLevel(String proposedLevel) { this.proposedLevel = proposedLevel; }
  public String getDivisionCode() { return divisionCode; }
  public void setDivisionCode(String divisionCode) { this.divisionCode = divisionCode; }
  public String getLocation() { return location; }
  public void setLocation(String location) { this.location = location; }
  public String getLatitude() { return latitude; }
  public void setLatitude(String latitude) { this.latitude = latitude; }
  public String getLongitude() { return longitude; }
  public void setLongitude(String longitude) { this.longitude = longitude; }
  public String getOccurredAt() { return occurredAt; }
  public void setOccurredAt(String occurredAt) { this.occurredAt = occurredAt; }
  public String getDescription() { return description; }
  public void setDescription(String description) { this.description = description; }
  public String getDead() { return dead; }
  public void setDead(String dead) { this.dead = dead; }
  public String getInjured() { return injured; }
  public void setInjured(String injured) { this.injured = injured; }
  public String getMissing() { return missing; }
  public void setMissing(String missing) { this.missing = missing; }
  public String getTrapped() { return trapped; }
  public void setTrapped(String trapped) { this.trapped = trapped; }
  public String getAffected() { return affected; }
  public void setAffected(String affected) { this.affected = affected; }
  public String getEstimatedLoss() { return estimatedLoss; }
  public void setEstimatedLoss(String estimatedLoss) { this.estimatedLoss = estimatedLoss; }
  public boolean isDrill() { return drill; }
  public void setDrill(boolean drill) { this.drill = drill; }
  public List<String> getParticipants() { return participants; }
  public void setParticipants(List<String> participants) { this.participants = participants == null ? new ArrayList<>() : participants; }
}
