package org.linli.supervision;

import org.linli.organization.Unit;

/** How many cards of each colour a unit got over a period. */
public record UnitCardCount(String divisionCode, String departmentCode, long yellow, long red) {

  public Unit unit() {
    return new Unit(divisionCode, departmentCode);
  }

  public long total() {
    return yellow + red;
  }
}
