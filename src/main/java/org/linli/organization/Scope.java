package org.linli.organization;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The cases a user may see: those in the subtrees of the divisions they hold roles at, and those
 * handled by their department. Administrators see everything.
 */
public record Scope(boolean everything, Set<String> divisionCodes, Set<DepartmentRef> departments) {

  /** A department of a county. */
  public record DepartmentRef(String countyCode, String departmentCode) {}

  public static final Scope NOTHING = new Scope(false, Set.of(), Set.of());
  public static final Scope EVERYTHING = new Scope(true, Set.of(), Set.of());

  public static Scope of(List<RoleAssignment> roles) {
    Set<String> divisions = new HashSet<>();
    Set<DepartmentRef> departments = new HashSet<>();
    for (RoleAssignment a : roles) {
      switch (a.role()) {
        case ADMIN -> {
          return EVERYTHING;
        }
        case DESIGNER, INTEGRATION -> {}
        case DEPARTMENT_OFFICER -> departments.add(new DepartmentRef(a.divisionCode(), a.departmentCode()));
        // a department's head sees its cases, as its officers do; a township's or village's head its area
        case HEAD -> {
          if (a.departmentCode() != null) {
            departments.add(new DepartmentRef(a.divisionCode(), a.departmentCode()));
          } else {
            divisions.add(a.divisionCode());
          }
        }
        default -> divisions.add(a.divisionCode());
      }
    }
    return new Scope(false, Set.copyOf(divisions), Set.copyOf(departments));
  }

  /** One department of a county, and no division. */
  public static Scope ofDepartment(String countyCode, String departmentCode) {
    return new Scope(false, Set.of(), Set.of(new DepartmentRef(countyCode, departmentCode)));
  }

  /** The subtrees of these divisions, and no department. */
  public static Scope ofDivisions(Collection<String> divisionCodes) {
    return new Scope(false, Set.copyOf(divisionCodes), Set.of());
  }

  public boolean isEmpty() {
    return !everything && divisionCodes.isEmpty() && departments.isEmpty();
  }

  /** Whether a case at the given village (or township) code, handled by the given department, is in scope. */
  public boolean covers(String divisionCode, String departmentCode) {
    if (everything) {
      return true;
    }
    for (String code : divisionCodes) {
      if (divisionCode != null && divisionCode.startsWith(code)) {
        return true;
      }
    }
    if (departmentCode != null && divisionCode != null) {
      String county = DivisionLevel.COUNTY.ancestorOf(divisionCode);
      return departments.contains(new DepartmentRef(county, departmentCode));
    }
    return false;
  }

  /**
   * Whether a place lies in the user's area: under one of their divisions, or in the county of one
   * of their departments.
   */
  public boolean includesPlace(String divisionCode) {
    if (everything) {
      return true;
    }
    if (divisionCode == null) {
      return false;
    }
    return divisionCodes.stream().anyMatch(divisionCode::startsWith)
        || departments.stream().anyMatch(d -> divisionCode.startsWith(d.countyCode()));
  }

  public Set<String> codesAt(DivisionLevel level) {
    Set<String> out = new HashSet<>();
    for (String code : divisionCodes) {
      if (DivisionLevel.ofCode(code) == level) {
        out.add(code);
      }
    }
    return out;
  }
}
