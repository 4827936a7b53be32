package org.linli.supervision;

import java.time.Instant;
import java.util.List;
import org.linli.organization.Unit;

/**
 * A card (黄牌/红牌) a supervisor issued to a unit for its overdue work, with the cases it names.
 *
 * @param divisionCode the unit's village or township, or the county of its department
 * @param departmentCode the unit's department, or null
 */
public record Card(
    long id,
    CardColour colour,
    String divisionCode,
    String departmentCode,
    String unitName,
    String reason,
    String issuedBy,
    String issuedByName,
    Instant issuedAt,
    List<CardCase> cases) {

  /** A case a card names, as it was when the card was issued. */
  public record CardCase(String caseNumber, String title) {}

  public Unit unit() {
    return new Unit(divisionCode, departmentCode);
  }
}
