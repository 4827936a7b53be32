package org.linli.request.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.linli.organization.StaffMember;
import org.linli.request.Channel;
import org.linli.request.IntakeForm;
import org.linli.system.InvalidInputException.FieldError;
import org.linli.system.TypedFields;

/**
 * The grid report page's fields as typed, so a refused report comes back unchanged. It has no
 * channel and no priority: the channel is GRID whatever is posted, and a grid worker does not mark
 * requests urgent.
 */
public class GridReportForm {

  /** Who told of the issue: the grid worker found it himself, or a resident told him. */
  static final String SELF = "SELF";
  static final String RESIDENT = "RESIDENT";

  /** An intake form, or what could not be read. */
  record Conversion(IntakeForm intake, List<FieldError> errors) {}

  private String categoryCode;
  private String divisionCode;
  private String title;
  private String description;
  private String address;
  private String latitude;
  private String longitude;
  private String reporter = SELF;
  private String residentName;
  private String residentPhone;

  boolean ownFinding() {
    return !RESIDENT.equals(reporter);
  }

  /**
   * The intake form: the grid worker's own name and phone stand for the resident's when he found
   * the issue himself (he is the one the village calls back).
   */
  Conversion toIntake(StaffMember self) {
    List<FieldError> errors = new ArrayList<>();
    BigDecimal lat = decimal(latitude, "latitude", "纬度应为数字 the latitude is a number", errors);
    BigDecimal lon = decimal(longitude, "longitude", "经度应为数字 the longitude is a number", errors);
    String name = TypedFields.text(residentName);
    String phone = TypedFields.text(residentPhone);
    if (ownFinding()) {
      name = self == null ? null : self.name();
      phone = self == null ? null : TypedFields.text(self.phone());
      if (phone == null) {
        errors.add(new FieldError("reporter", "您的账号没有登记联系电话，请选择“居民反映”并填写联系电话"
            + " your account has no phone number: choose a resident and give theirs"));
      }
    }
    IntakeForm form = new IntakeForm(TypedFields.text(categoryCode), TypedFields.text(title), TypedFields.text(description),
        TypedFields.text(divisionCode), TypedFields.text(address), lat, lon, name, phone, null, Channel.GRID,
        null);
    return new Conversion(form, errors);
  }

  /** A coordinate as typed; "NaN" and "Infinity" are no numbers here either. */
  private static BigDecimal decimal(String text, String field, String message, List<FieldError> errors) {
    Double d = TypedFields.decimal(text, field, message, errors);
    if (d != null && !Double.isFinite(d)) {
      errors.add(new FieldError(field, message));
      return null;
    }
    return d == null ? null : BigDecimal.valueOf(d);
  }

  public String getCategoryCode() { return categoryCode; }
  public void setCategoryCode(String v) { categoryCode = v; }
  public String getDivisionCode() { return divisionCode; }
  public void setDivisionCode(String v) { divisionCode = v; }
  public String getTitle() { return title; }
  public void setTitle(String v) { title = v; }
  public String getDescription() { return description; }
  public void setDescription(String v) { description = v; }
  public String getAddress() { return address; }
  public void setAddress(String v) { address = v; }
  public String getLatitude() { return latitude; }
  public void setLatitude(String v) { latitude = v; }
  public String getLongitude() { return longitude; }
  public void setLongitude(String v) { longitude = v; }
  public String getReporter() { return reporter; }
  public void setReporter(String v) { reporter = RESIDENT.equals(v) ? RESIDENT : SELF; }
  public String getResidentName() { return residentName; }
  public void setResidentName(String v) { residentName = v; }
  public String getResidentPhone() { return residentPhone; }
  public void setResidentPhone(String v) { residentPhone = v; }
}
