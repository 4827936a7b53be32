package org.linli.hazard;

import org.linli.emergency.IncidentSubtype;
import org.linli.emergency.IncidentType;

/**
 * Kinds of hazard point (隐患点), each with the incident a finding of danger there is reported as.
 */
public enum HazardType {
  LANDSLIDE_SLOPE("滑坡隐患", "Landslide-prone slope", IncidentSubtype.LANDSLIDE),
  FLOOD_UNDERPASS("易涝点", "Flood-prone underpass or low ground", IncidentSubtype.FLOOD),
  RIVER_EMBANKMENT("河道堤防险段", "Weak river embankment", IncidentSubtype.FLOOD),
  OLD_BUILDING("危旧房", "Dilapidated building", IncidentSubtype.BUILDING_COLLAPSE),
  FOREST_FIRE_AREA("森林火险区", "Forest fire risk area", IncidentSubtype.FOREST_FIRE),
  HAZMAT_SITE("危险化学品场所", "Hazardous chemicals site", IncidentSubtype.HAZMAT),
  FIRE_RISK_PLACE("消防隐患场所", "Fire risk place", IncidentSubtype.FIRE);

  private final String nameZh;
  private final String nameEn;
  private final IncidentSubtype subtype;

  HazardType(String nameZh, String nameEn, IncidentSubtype subtype) {
    this.nameZh = nameZh;
    this.nameEn = nameEn;
    this.subtype = subtype;
  }

  public String nameZh() {
    return nameZh;
  }

  public String nameEn() {
    return nameEn;
  }

  /** The incident sub-type a danger found here is reported as. */
  public IncidentSubtype incidentSubtype() {
    return subtype;
  }

  public IncidentType incidentType() {
    return subtype.type();
  }
}
