package org.linli.organization;

/** Levels of the administrative hierarchy, told apart by the length of their statistical code. */
public enum DivisionLevel {
  COUNTY(6),
  TOWNSHIP(9),
  VILLAGE(12);

  private final int codeLength;

  DivisionLevel(int codeLength) {
    this.codeLength = codeLength;
  }

  public int codeLength() {
    return codeLength;
  }

  /** The level a statistical code denotes, or null if it is not a well-formed code. */
  public static DivisionLevel ofCode(String code) {
    if (code == null || !code.chars().allMatch(Character::isDigit)) {
      return null;
    }
    for (DivisionLevel level : values()) {
      if (code.length() == level.codeLength) {
        return level;
      }
    }
    return null;
  }

  /** The code of the division at this level that contains the given code (prefix of the code). */
  public String ancestorOf(String code) {
    DivisionLevel own = ofCode(code);
    if (own == null || own.codeLength < codeLength) {
      return null;
    }
    return code.substring(0, codeLength);
  }
}
