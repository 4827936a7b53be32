package org.linli.emergency;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the emergency response ({@code linli.emergency.*}).
 *
 * @param typeDepartments the county department activated for each incident type next to emergency
 *     management from level III (default: housing for natural disasters, emergency management for
 *     accidents, health for public health, justice for social security)
 * @param upwardReportAddresses where a grave (II) or particularly grave (I) event is reported upward
 *     (the city's emergency bureau), and where a missed report of the county command escalates to
 */
@ConfigurationProperties("linli.emergency")
public record EmergencyProperties(
    Map<IncidentType, String> typeDepartments,
    @DefaultValue("duty@emergency.city.example") List<String> upwardReportAddresses) {

  public EmergencyProperties {
    typeDepartments = typeDepartments == null || typeDepartments.isEmpty()
        ? Map.of(IncidentType.NATURAL_DISASTER, "zj", IncidentType.ACCIDENT, "yj", IncidentType.PUBLIC_HEALTH, "wj",
            IncidentType.SOCIAL_SECURITY, "sf")
        : Map.copyOf(typeDepartments);
    upwardReportAddresses = upwardReportAddresses == null ? List.of() : List.copyOf(upwardReportAddresses);
  }
}
