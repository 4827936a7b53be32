package org.linli.organization;

import java.util.List;
import java.util.Optional;

/**
 * A unit that answers for its work (责任单位): a village or community, a township or street, or a
 * department of a county. What is said to a unit goes to its heads (负责人), or to its officers where
 * it has no head.
 *
 * @param divisionCode the village's or township's code, or the county's for a department
 * @param departmentCode the department's code, or null
 */
public record Unit(String divisionCode, String departmentCode) {

  public Unit {
    DivisionLevel level = DivisionLevel.ofCode(divisionCode);
    if (departmentCode != null) {
      if (level != DivisionLevel.COUNTY || !departmentCode.matches("[a-z0-9]{1,16}")) {
        throw new IllegalArgumentException("not a county department: " + divisionCode + ":" + departmentCode);
      }
    } else if (level != DivisionLevel.TOWNSHIP && level != DivisionLevel.VILLAGE) {
      throw new IllegalArgumentException("not a township or village code: " + divisionCode);
    }
  }

  /**
   * Reads a unit's key back: a township's or village's code ({@code 330106002}), or a county's code
   * and a department's ({@code 330106:mz}); empty for anything else.
   */
  public static Optional<Unit> parse(String key) {
    if (key == null) {
      return Optional.empty();
    }
    String[] parts = key.strip().split(":", -1);
    try {
      return Optional.of(parts.length == 2 ? new Unit(parts[0], parts[1]) : parts.length == 1 ? new Unit(parts[0], null) : null);
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }

  /** The key {@link #parse} reads: {@code 330106002}, or {@code 330106:mz}. */
  public String key() {
    return departmentCode == null ? divisionCode : divisionCode + ":" + departmentCode;
  }

  public boolean isDepartment() {
    return departmentCode != null;
  }

  /** VILLAGE, TOWNSHIP, or COUNTY for a department. */
  public DivisionLevel level() {
    return DivisionLevel.ofCode(divisionCode);
  }

  public String countyCode() {
    return DivisionLevel.COUNTY.ancestorOf(divisionCode);
  }

  /** The township of a township or village unit, null for a department. */
  public String townshipCode() {
    return DivisionLevel.TOWNSHIP.ancestorOf(divisionCode);
  }

  /** Its heads' group: {@code head@330106002}, {@code head-mz@330106}. */
  public String headGroup() {
    return isDepartment() ? CandidateGroups.departmentHeads(departmentCode, divisionCode) : CandidateGroups.heads(divisionCode);
  }

  /** Who stands for the unit where it has no head: a village's caseworkers, a township's or a department's officers. */
  public String officerGroup() {
    return switch (level()) {
      case VILLAGE -> CandidateGroups.caseworkers(divisionCode);
      case TOWNSHIP -> CandidateGroups.township(divisionCode);
      case COUNTY -> CandidateGroups.department(departmentCode, divisionCode);
    };
  }

  /** The groups whose steps are the unit's own work (a village's grid workers visit and inspect for it). */
  public List<String> workGroups() {
    return level() == DivisionLevel.VILLAGE
        ? List.of(CandidateGroups.caseworkers(divisionCode), CandidateGroups.gridWorkers(divisionCode))
        : List.of(officerGroup());
  }

  /** The unit's cases: those of its place, or those its department handles in the county. */
  public Scope cases() {
    return isDepartment() ? Scope.ofDepartment(divisionCode, departmentCode) : Scope.ofDivisions(List.of(divisionCode));
  }
}
