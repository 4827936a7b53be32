package org.linli.organization;

/** A county, township/street or village/community with its national statistical code. */
public record Division(String code, String name, DivisionKind kind, String parentCode) {

  public DivisionLevel level() {
    return kind.level();
  }

  public String countyCode() {
    return DivisionLevel.COUNTY.ancestorOf(code);
  }

  public String townshipCode() {
    return DivisionLevel.TOWNSHIP.ancestorOf(code);
  }
}
