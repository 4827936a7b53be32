package org.linli.organization;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The names of every division and department, read once: for a list, a page or a mail that names
 * many places, so that it does not ask the database once per name. Unknown codes read as themselves,
 * as {@link OrganizationService#unitName} reads them.
 */
public final class PlaceNames {

  private final Map<String, String> divisions = new HashMap<>();
  private final Map<String, String> departments = new HashMap<>();
  private final Map<String, String> byCode = new HashMap<>();

  PlaceNames(List<Division> divisions, List<Department> departments) {
    divisions.forEach(d -> this.divisions.put(d.code(), d.name()));
    departments.forEach(d -> {
      this.departments.put(d.countyCode() + ":" + d.code(), d.name());
      byCode.putIfAbsent(d.code(), d.name());
    });
  }

  /** 桃源村, or the code of a place that does not exist. */
  public String division(String code) {
    return code == null ? null : divisions.getOrDefault(code, code);
  }

  /** 民政局, or the code of a department that does not exist in the county. */
  public String department(String countyCode, String code) {
    return departments.getOrDefault(countyCode + ":" + code, code);
  }

  /** A department's name by its code in any county (民政局), or the code when no county has it. */
  public String departmentAnywhere(String code) {
    return byCode.getOrDefault(code, code);
  }

  /** 桃源村, 桃源镇, or 青溪县民政局. */
  public String unit(Unit unit) {
    String place = division(unit.divisionCode());
    return unit.isDepartment() ? place + department(unit.divisionCode(), unit.departmentCode()) : place;
  }
}
