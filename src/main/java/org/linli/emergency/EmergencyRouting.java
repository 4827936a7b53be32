package org.linli.emergency;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.linli.organization.CandidateGroups;
import org.linli.organization.DivisionLevel;
import org.linli.organization.OrganizationService;
import org.springframework.stereotype.Component;

/**
 * Who answers an emergency at each level (分级响应). Level IV: the village and its township, led by
 * the township; III: the county's emergency-management department leads, with the department of the
 * incident type and the county's supervisors; II and I: the county command leads and the event is
 * reported upward. Models reach it through the {@code emergencyRouting} bean, e.g.
 * {@code ${emergencyRouting.lead(execution)}}, which reads the level and place from the incident's record.
 */
// the bean name "emergencyRouting" belongs to the models' adapter (emergency.internal.EmergencyRoutingExpressions)
@Component("emergencyRoutes")
public class EmergencyRouting {

  /** The emergency-management department's code. */
  public static final String EMERGENCY_DEPARTMENT = "yj";

  private final EmergencyProperties properties;
  private final OrganizationService organization;

  EmergencyRouting(EmergencyProperties properties, OrganizationService organization) {
    this.properties = properties;
    this.organization = organization;
  }

  /** The group that leads the response: arrival, reports and disposal. */
  public String lead(IncidentLevel level, String divisionCode) {
    String county = DivisionLevel.COUNTY.ancestorOf(divisionCode);
    return switch (level) {
      case IV -> DivisionLevel.ofCode(divisionCode) == DivisionLevel.COUNTY
          ? CandidateGroups.department(EMERGENCY_DEPARTMENT, county)
          : CandidateGroups.township(DivisionLevel.TOWNSHIP.ancestorOf(divisionCode));
      case III -> CandidateGroups.department(EMERGENCY_DEPARTMENT, county);
      case II, I -> CandidateGroups.command(county);
    };
  }

  /**
   * Who may record the arrival on site besides the lead: the grid worker who reported the event,
   * while he is an (active) grid worker of its village, for he is usually there first; only at level
   * IV, where the township leads and he is its eyes on site. At a graver level the step measures the
   * county's own arrival, which nobody else may record. A report by anybody else, or at a township,
   * offers the step to nobody by name.
   *
   * @param reportedBy the reporter as the incident's record holds it, never a variable
   */
  public List<String> arrivalReporter(String reportedBy, String divisionCode, IncidentLevel level) {
    if (reportedBy == null || level != IncidentLevel.IV || DivisionLevel.ofCode(divisionCode) != DivisionLevel.VILLAGE) {
      return List.of();
    }
    boolean gridWorkerThere = organization.membersOf(CandidateGroups.gridWorkers(divisionCode)).stream()
        .anyMatch(s -> s.username().equals(reportedBy));
    return gridWorkerThere ? List.of(reportedBy) : List.of();
  }

  /** The group that holds the after-action review (复盘): the township for IV, else emergency management. */
  public String reviewer(IncidentLevel level, String divisionCode) {
    return level == IncidentLevel.IV ? lead(level, divisionCode)
        : CandidateGroups.department(EMERGENCY_DEPARTMENT, DivisionLevel.COUNTY.ancestorOf(divisionCode));
  }

  /** The next level up from the lead, told at once when a report or the arrival is missed. */
  public String above(IncidentLevel level, String divisionCode) {
    String county = DivisionLevel.COUNTY.ancestorOf(divisionCode);
    return switch (level) {
      case IV -> CandidateGroups.department(EMERGENCY_DEPARTMENT, county);
      case III -> CandidateGroups.command(county);
      case II, I -> CandidateGroups.supervisors(county);
    };
  }

  /** Everyone activated, and told at once, at a level. */
  public Set<String> activated(IncidentLevel level, IncidentType type, String divisionCode) {
    Set<String> groups = new LinkedHashSet<>();
    String county = DivisionLevel.COUNTY.ancestorOf(divisionCode);
    if (DivisionLevel.ofCode(divisionCode) == DivisionLevel.VILLAGE) {
      groups.add(CandidateGroups.caseworkers(divisionCode));
      groups.add(CandidateGroups.gridWorkers(divisionCode));
    }
    if (DivisionLevel.ofCode(divisionCode) != DivisionLevel.COUNTY) {
      groups.add(CandidateGroups.township(DivisionLevel.TOWNSHIP.ancestorOf(divisionCode)));
    }
    if (level.atLeast(IncidentLevel.III) || DivisionLevel.ofCode(divisionCode) == DivisionLevel.COUNTY) {
      groups.add(CandidateGroups.department(EMERGENCY_DEPARTMENT, county));
    }
    if (level.atLeast(IncidentLevel.III)) {
      String typeDepartment = properties.typeDepartments().get(type);
      if (typeDepartment != null) {
        groups.add(CandidateGroups.department(typeDepartment, county));
      }
      groups.add(CandidateGroups.supervisors(county));
    }
    if (level.atLeast(IncidentLevel.II)) {
      groups.add(CandidateGroups.command(county));
    }
    return groups;
  }

  /** Grave and particularly grave events are reported upward at once. */
  public boolean reportsUpward(IncidentLevel level) {
    return level.atLeast(IncidentLevel.II);
  }
}
