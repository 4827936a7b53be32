package org.linli.organization;

/** What a division is: a county, a township (乡镇) or street (街道), a rural village (村) or an urban community (社区). */
public enum DivisionKind {
  COUNTY(DivisionLevel.COUNTY),
  TOWN(DivisionLevel.TOWNSHIP),
  STREET(DivisionLevel.TOWNSHIP),
  VILLAGE(DivisionLevel.VILLAGE),
  COMMUNITY(DivisionLevel.VILLAGE);

  private final DivisionLevel level;

  DivisionKind(DivisionLevel level) {
    this.level = level;
  }

  public DivisionLevel level() {
    return level;
  }
}
