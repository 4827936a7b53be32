package org.linli.emergency;

/** Sub-types a report may name, each within one {@link IncidentType}. */
public enum IncidentSubtype {
  FLOOD(IncidentType.NATURAL_DISASTER, "洪涝", "Flood"),
  LANDSLIDE(IncidentType.NATURAL_DISASTER, "地质灾害", "Landslide or debris flow"),
  TYPHOON(IncidentType.NATURAL_DISASTER, "台风", "Typhoon"),
  EARTHQUAKE(IncidentType.NATURAL_DISASTER, "地震", "Earthquake"),
  FOREST_FIRE(IncidentType.NATURAL_DISASTER, "森林火灾", "Forest fire"),
  PRODUCTION_SAFETY(IncidentType.ACCIDENT, "生产安全事故", "Production safety accident"),
  FIRE(IncidentType.ACCIDENT, "火灾", "Fire"),
  TRAFFIC(IncidentType.ACCIDENT, "道路交通事故", "Road traffic accident"),
  BUILDING_COLLAPSE(IncidentType.ACCIDENT, "房屋倒塌", "Building collapse"),
  HAZMAT(IncidentType.ACCIDENT, "危险化学品事故", "Hazardous chemicals"),
  EPIDEMIC(IncidentType.PUBLIC_HEALTH, "传染病疫情", "Infectious disease outbreak"),
  FOOD_POISONING(IncidentType.PUBLIC_HEALTH, "食物中毒", "Food poisoning"),
  MASS_INCIDENT(IncidentType.SOCIAL_SECURITY, "群体性事件", "Mass incident"),
  PUBLIC_ORDER(IncidentType.SOCIAL_SECURITY, "公共安全事件", "Public order");

  private final IncidentType type;
  private final String nameZh;
  private final String nameEn;

  IncidentSubtype(IncidentType type, String nameZh, String nameEn) {
    this.type = type;
    this.nameZh = nameZh;
    this.nameEn = nameEn;
  }

  public IncidentType type() {
    return type;
  }

  public String nameZh() {
    return nameZh;
  }

  public String nameEn() {
    return nameEn;
  }
}
