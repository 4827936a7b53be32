package org.linli.organization;

/** A role held at a division (and, for department officers and heads, in a department of that county). */
public record RoleAssignment(Role role, String divisionCode, String departmentCode) {

  public static RoleAssignment of(Role role, String divisionCode) {
    return new RoleAssignment(role, divisionCode, null);
  }

  public static RoleAssignment department(String countyCode, String departmentCode) {
    return new RoleAssignment(Role.DEPARTMENT_OFFICER, countyCode, departmentCode);
  }

  /** The head (负责人) of a county department. */
  public static RoleAssignment departmentHead(String countyCode, String departmentCode) {
    return new RoleAssignment(Role.HEAD, countyCode, departmentCode);
  }

  public String candidateGroup() {
    return CandidateGroups.of(this);
  }
}
