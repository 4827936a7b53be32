package org.linli.assistance.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.linli.assistance.Assets;
import org.linli.assistance.Employment;
import org.linli.assistance.EntryChannel;
import org.linli.assistance.HouseholdApplication;
import org.linli.assistance.HouseholdMember;
import org.linli.assistance.Programme;
import org.linli.assistance.Relation;
import org.linli.system.InvalidInputException.FieldError;
import org.linli.system.TypedFields;

/**
 * The workbench's application entry form as typed: every field a string, so that a value that is not
 * a number or a date comes back to the page exactly as typed, with its message. {@link #toApplication}
 * turns it into the {@link HouseholdApplication} that the REST API takes; the field paths are the same
 * ({@code members[1].idNumber}), so the checks' messages land next to the right inputs.
 */
class ApplicationForm {

  /** At most this many member rows are read; the application allows 20. */
  static final int MAX_ROWS = 30;
  private static final String NOT_AN_OPTION = "不是可选的值 not one of the options";

  private String programme;
  private boolean urgent;
  private String divisionCode;
  private String channel;
  private String reason;
  private String applicantPhone;
  private String applicantEmail;
  private List<MemberForm> members = new ArrayList<>();
  private AssetsForm assets = new AssetsForm();

  /** An empty form for a new application: one row for the applicant. */
  static ApplicationForm blank(String divisionCode) {
    ApplicationForm f = new ApplicationForm();
    f.divisionCode = divisionCode;
    f.channel = EntryChannel.APPLICANT_WITH_CASEWORKER.name();
    MemberForm self = new MemberForm();
    self.setRelation(Relation.SELF.name());
    f.members.add(self);
    f.assets.setBusiness("false");
    return f;
  }

  /** The application and the values that could not be read at all (not a number, not a date, no such option). */
  record Conversion(HouseholdApplication application, List<FieldError> errors) {}

  /** Leaves out rows the user added and left empty (and gaps in the numbering); keeps at least one row. */
  void dropEmptyRows() {
    List<MemberForm> kept = new ArrayList<>(members.stream().filter(m -> m != null && !m.isEmpty()).toList());
    if (kept.isEmpty()) {
      MemberForm self = new MemberForm();
      self.setRelation(Relation.SELF.name());
      kept.add(self);
    }
    members = kept;
  }

  Conversion toApplication() {
    List<FieldError> errors = new ArrayList<>();
    List<HouseholdMember> people = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      MemberForm m = members.get(i);
      String p = "members[" + i + "].";
      people.add(new HouseholdMember(TypedFields.text(m.name), m.idNumber == null ? null : m.idNumber.strip(),
          option(Relation.class, m.relation, p + "relation", errors), date(m.birthDate, p + "birthDate", errors),
          whole(m.disabilityGrade, p + "disabilityGrade", errors), option(Employment.class, m.employment, p + "employment", errors),
          amount(m.monthlyIncome, p + "monthlyIncome", errors)));
    }
    Assets a = new Assets(whole(assets.dwellings, "assets.dwellings", errors), amount(assets.housingArea, "assets.housingArea", errors),
        whole(assets.vehicles, "assets.vehicles", errors), amount(assets.vehicleValue, "assets.vehicleValue", errors),
        amount(assets.savings, "assets.savings", errors), yesNo(assets.business, "assets.business", errors),
        amount(assets.businessValue, "assets.businessValue", errors));
    HouseholdApplication application = new HouseholdApplication(option(Programme.class, programme, "programme", errors),
        TypedFields.text(divisionCode), option(EntryChannel.class, channel, "channel", errors), TypedFields.text(reason),
        TypedFields.text(applicantEmail), TypedFields.text(applicantPhone), people, a);
    return new Conversion(application, errors);
  }

  /** Every input's name, for telling which messages have a place next to an input. */
  List<String> inputNames() {
    List<String> names = new ArrayList<>(List.of("programme", "urgent", "divisionCode", "channel", "reason", "applicantPhone",
        "applicantEmail", "assets.dwellings", "assets.housingArea", "assets.vehicles", "assets.vehicleValue", "assets.savings",
        "assets.business", "assets.businessValue"));
    for (int i = 0; i < members.size(); i++) {
      String p = "members[" + i + "].";
      Stream.of("name", "idNumber", "relation", "birthDate", "disabilityGrade", "employment", "monthlyIncome")
          .forEach(f -> names.add(p + f));
    }
    return names;
  }

  private static <E extends Enum<E>> E option(Class<E> type, String value, String path, List<FieldError> errors) {
    return TypedFields.option(type, value, path, NOT_AN_OPTION, errors);
  }

  private static Integer whole(String value, String path, List<FieldError> errors) {
    return TypedFields.whole(value, path, "应为整数 must be a whole number", errors);
  }

  private static BigDecimal amount(String value, String path, List<FieldError> errors) {
    return TypedFields.amount(value, path, "应为数字 must be a number", errors);
  }

  private static LocalDate date(String value, String path, List<FieldError> errors) {
    return TypedFields.date(value, path, "日期应为 yyyy-MM-dd a date as yyyy-MM-dd", errors);
  }

  private static Boolean yesNo(String value, String path, List<FieldError> errors) {
    return TypedFields.yesNo(value, path, NOT_AN_OPTION, errors);
  }

  /** One member row. */
  public static class MemberForm {
    private String name;
    private String idNumber;
    private String relation;
    private String birthDate;
    private String disabilityGrade;
    private String employment;
    private String monthlyIncome;

    boolean isEmpty() {
      // a row the user added and never typed into: only the select defaults are set
      return Stream.of(name, idNumber, birthDate, monthlyIncome).allMatch(s -> s == null || s.isBlank());
    }

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getIdNumber() {
      return idNumber;
    }

    public void setIdNumber(String idNumber) {
      this.idNumber = idNumber;
    }

    public String getRelation() {
      return relation;
    }

    public void setRelation(String relation) {
      this.relation = relation;
    }

    public String getBirthDate() {
      return birthDate;
    }

    public void setBirthDate(String birthDate) {
      this.birthDate = birthDate;
    }

    public String getDisabilityGrade() {
      return disabilityGrade;
    }

    public void setDisabilityGrade(String disabilityGrade) {
      this.disabilityGrade = disabilityGrade;
    }

    public String getEmployment() {
      return employment;
    }

    public void setEmployment(String employment) {
      this.employment = employment;
    }

    public String getMonthlyIncome() {
      return monthlyIncome;
    }

    public void setMonthlyIncome(String monthlyIncome) {
      this.monthlyIncome = monthlyIncome;
    }
  }

  /** The household's assets. */
  public static class AssetsForm {
    private String dwellings;
    private String housingArea;
    private String vehicles;
    private String vehicleValue;
    private String savings;
    private String business;
    private String businessValue;

    public String getDwellings() {
      return dwellings;
    }

    public void setDwellings(String dwellings) {
      this.dwellings = dwellings;
    }

    public String getHousingArea() {
      return housingArea;
    }

    public void setHousingArea(String housingArea) {
      this.housingArea = housingArea;
    }

    public String getVehicles() {
      return vehicles;
    }

    public void setVehicles(String vehicles) {
      this.vehicles = vehicles;
    }

    public String getVehicleValue() {
      return vehicleValue;
    }

    public void setVehicleValue(String vehicleValue) {
      this.vehicleValue = vehicleValue;
    }

    public String getSavings() {
      return savings;
    }

    public void setSavings(String savings) {
      this.savings = savings;
    }

    public String getBusiness() {
      return business;
    }

    public void setBusiness(String business) {
      this.business = business;
    }

    public String getBusinessValue() {
      return businessValue;
    }

    public void setBusinessValue(String businessValue) {
      this.businessValue = businessValue;
    }
  }

  public String getProgramme() {
    return programme;
  }

  public void setProgramme(String programme) {
    this.programme = programme;
  }

  public boolean isUrgent() {
    return urgent;
  }

  public void setUrgent(boolean urgent) {
    this.urgent = urgent;
  }

  public String getDivisionCode() {
    return divisionCode;
  }

  public void setDivisionCode(String divisionCode) {
    this.divisionCode = divisionCode;
  }

  public String getChannel() {
    return channel;
  }

  public void setChannel(String channel) {
    this.channel = channel;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getApplicantPhone() {
    return applicantPhone;
  }

  public void setApplicantPhone(String applicantPhone) {
    this.applicantPhone = applicantPhone;
  }

  public String getApplicantEmail() {
    return applicantEmail;
  }

  public void setApplicantEmail(String applicantEmail) {
    this.applicantEmail = applicantEmail;
  }

  public List<MemberForm> getMembers() {
    return members;
  }

  public void setMembers(List<MemberForm> members) {
    this.members = members;
  }

  public AssetsForm getAssets() {
    return assets;
  }

  public void setAssets(AssetsForm assets) {
    this.assets = assets;
  }
}
