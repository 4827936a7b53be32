package org.linli.hazard.internal;

import static org.linli.system.TypedFields.blank;
import static org.linli.system.TypedFields.date;
import static org.linli.system.TypedFields.decimal;
import static org.linli.system.TypedFields.whole;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.linli.hazard.HazardPointInput;
import org.linli.hazard.HazardType;
import org.linli.system.InvalidInputException.FieldError;

/**
 * The workbench's hazard-point forms as typed, so that a refused registration or change comes back
 * unchanged: registration uses every field, the per-row change only cycle, next date and active.
 */
public class HazardForm {

  static final String NUMBER = "应为数字 a number";
  static final String CYCLE = "巡查周期应为 1 至 365 的整数 the cycle is a whole number of days from 1 to 365";
  static final String DATE = "日期格式应为 2026-07-01 write the date as 2026-07-01";


  /** The input for {@code HazardPoints}, or what could not be read. */
  record Conversion(HazardPointInput input, List<FieldError> errors) {}

  private String name;
  private String divisionCode;
  private String location;
  private String latitude;
  private String longitude;
  private String hazardType;
  private String cycleDays;
  private String nextInspectionOn;
  private String active = "true";

  /** A registration; blank fields are left to the service's checks. */
  Conversion toRegistration() {
    List<FieldError> errors = new ArrayList<>();
    HazardType type = null;
    if (!blank(hazardType)) {
      try {
        type = HazardType.valueOf(hazardType.strip());
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("hazardType", "无此隐患类型 no such hazard type"));
      }
    }
    HazardPointInput in = new HazardPointInput(name, blank(divisionCode) ? null : divisionCode.strip(), location,
        decimal(latitude, "latitude", NUMBER, errors), decimal(longitude, "longitude", NUMBER, errors), type,
        whole(cycleDays, "cycleDays", CYCLE, errors), date(nextInspectionOn, "nextInspectionOn", DATE, errors), null);
    return new Conversion(in, errors);
  }

  /**
   * A change of cycle, next date and active. The next date is passed on only when it differs from
   * {@code current}, so a point whose day has passed can still have its cycle changed.
   */
  Conversion toChange(LocalDate current) {
    List<FieldError> errors = new ArrayList<>();
    Integer cycle = whole(cycleDays, "cycleDays", CYCLE, errors);
    if (cycle == null && errors.isEmpty()) {
      errors.add(new FieldError("cycleDays", "请填写巡查周期（天） give the inspection cycle in days"));
    }
    LocalDate next = date(nextInspectionOn, "nextInspectionOn", DATE, errors);
    Boolean on = null;
    if ("true".equals(active) || "false".equals(active)) {
      on = Boolean.valueOf(active);
    } else {
      errors.add(new FieldError("active", "请选择启用或停用 choose active or inactive"));
    }
    HazardPointInput in = new HazardPointInput(null, null, null, null, null, null, cycle,
        next == null || next.equals(current) ? null : next, on);
    return new Conversion(in, errors);
  }

  /** A change form filled with the point's values. */
  static HazardForm of(org.linli.hazard.HazardPoint p) {
    HazardForm f = new HazardForm();
    f.setCycleDays(String.valueOf(p.cycleDays()));
    f.setNextInspectionOn(p.nextInspectionOn().toString());
    f.setActive(String.valueOf(p.active()));
    return f;
  }

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getDivisionCode() { return divisionCode; }
  public void setDivisionCode(String divisionCode) { this.divisionCode = divisionCode; }
  public String getLocation() { return location; }
  public void setLocation(String location) { this.location = location; }
  public String getLatitude() { return latitude; }
  public void setLatitude(String latitude) { this.latitude = latitude; }
  public String getLongitude() { return longitude; }
  public void setLongitude(String longitude) { this.longitude = longitude; }
  public String getHazardType() { return hazardType; }
  public void setHazardType(String hazardType) { this.hazardType = hazardType; }
  public String getCycleDays() { return cycleDays; }
  public void setCycleDays(String cycleDays) { this.cycleDays = cycleDays; }
  public String getNextInspectionOn() { return nextInspectionOn; }
  public void setNextInspectionOn(String nextInspectionOn) { this.nextInspectionOn = nextInspectionOn; }
  public String getActive() { return active; }
  public void setActive(String active) { this.active = active; }
}
