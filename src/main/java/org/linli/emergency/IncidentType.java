package org.linli.emergency;

/**
 * The four classes of public emergencies in the national emergency response law (突发事件应对法), with
 * the CAP 1.2 {@code category} each maps to.
 */
public enum IncidentType {
  NATURAL_DISASTER("自然灾害", "Natural disaster", "Geo"),
  ACCIDENT("事故灾难", "Accident and production safety", "Safety"),
  PUBLIC_HEALTH("公共卫生事件", "Public health", "Health"),
  SOCIAL_SECURITY("社会安全事件", "Social security", "Security");

  private final String nameZh;
  private final String nameEn;
  private final String capCategory;

  IncidentType(String nameZh, String nameEn, String capCategory) {
    this.nameZh = nameZh;
    this.nameEn = nameEn;
    this.capCategory = capCategory;
  }

  public String nameZh() {
    return nameZh;
  }

  public String nameEn() {
    return nameEn;
  }

  /** CAP 1.2 {@code info/category}. */
  public String capCategory() {
    return capCategory;
  }
}
