package org.linli.organization;

import org.linli.system.ModelBean;
import org.springframework.stereotype.Component;

/**
 * Turns a case's place, department and step level into the candidate group that owns the step.
 * BPMN models call it, e.g. {@code camunda:candidateGroups="${routing.forLevel(level,
 * divisionCode, departmentCode)}"}, and never name a group literally.
 */
@Component("routing")
@ModelBean
public class Routing {

  /** The handling levels a step can be routed to. */
  public enum Level {
    VILLAGE,
    TOWNSHIP,
    DEPARTMENT
  }

  /** Caseworkers of the village or community. */
  public String village(String villageCode) {
    return CandidateGroups.caseworkers(villageCode);
  }

  /** Officers of the township or street that contains the place. */
  public String township(String divisionCode) {
    return CandidateGroups.township(DivisionLevel.TOWNSHIP.ancestorOf(divisionCode));
  }

  /** Officers of a department of the county that contains the place. */
  public String department(String departmentCode, String divisionCode) {
    return CandidateGroups.department(departmentCode, DivisionLevel.COUNTY.ancestorOf(divisionCode));
  }

  /** Supervisors of the county that contains the place. */
  public String supervisor(String divisionCode) {
    return CandidateGroups.supervisors(DivisionLevel.COUNTY.ancestorOf(divisionCode));
  }

  public String forLevel(String level, String divisionCode, String departmentCode) {
    return switch (Level.valueOf(level)) {
      case VILLAGE -> village(divisionCode);
      case TOWNSHIP -> township(divisionCode);
      case DEPARTMENT -> department(departmentCode, divisionCode);
    };
  }
}
