package org.linli.emergency;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Reports in the demo county: 桃源村 330106002001 of 桃源镇 330106002, county 青溪县 330106. */
final class EmergencyFixtures {

  static final String VILLAGE = "330106002001";

  private EmergencyFixtures() {}

  static IncidentReport accident(int dead, int injured, long loss, Instant at) {
    return report(IncidentReport.Phase.INCIDENT, IncidentType.ACCIDENT, IncidentSubtype.PRODUCTION_SAFETY, dead, injured, 0, 0,
        BigDecimal.valueOf(loss), null, at, false, List.of());
  }

  static IncidentReport report(IncidentReport.Phase phase, IncidentType type, IncidentSubtype subtype, int dead, int injured,
      int missing, int affected, BigDecimal loss, IncidentLevel proposed, Instant at, boolean drill, List<String> participants) {
    return new IncidentReport(phase, type, subtype, VILLAGE, "桃源村砖厂东侧", 30.12, 120.08, at,
        "砖厂窑体局部坍塌，有人员被压 part of a kiln collapsed on workers", dead, injured, missing, 0, affected, loss, proposed,
        drill, participants);
  }
}
