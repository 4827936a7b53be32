package org.linli.portal.internal;

import org.linli.request.Channel;
import org.linli.request.IntakeForm;
import org.springframework.web.multipart.MultipartFile;

/** The request form as the page binds it; validated as an {@link IntakeForm}. */
class RequestFormData {

  private String categoryCode;
  private String description;
  private String divisionCode;
  private String address;
  private String residentName;
  private String residentPhone;
  private String residentEmail;
  private MultipartFile photo;

  IntakeForm toIntake() {
    return new IntakeForm(trim(categoryCode), null, trim(description), trim(divisionCode), trim(address), null, null,
        trim(residentName), trim(residentPhone), trim(residentEmail), Channel.PORTAL, null);
  }

  private static String trim(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  public String getCategoryCode() { return categoryCode; }
  public void setCategoryCode(String v) { categoryCode = v; }
  public String getDescription() { return description; }
  public void setDescription(String v) { description = v; }
  public String getDivisionCode() { return divisionCode; }
  public void setDivisionCode(String v) { divisionCode = v; }
  public String getAddress() { return address; }
  public void setAddress(String v) { address = v; }
  public String getResidentName() { return residentName; }
  public void setResidentName(String v) { residentName = v; }
  public String getResidentPhone() { return residentPhone; }
  public void setResidentPhone(String v) { residentPhone = v; }
  public String getResidentEmail() { return residentEmail; }
  public void setResidentEmail(String v) { residentEmail = v; }
  public MultipartFile getPhoto() { return photo; }
  public void setPhoto(MultipartFile v) { photo = v; }
}
