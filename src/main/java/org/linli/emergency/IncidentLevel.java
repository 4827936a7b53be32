package org.linli.emergency;

/**
 * Levels of a public emergency, I the gravest: 特别重大, 重大, 较大, 一般. Ordered from the gravest;
 * {@link #atLeast} compares gravity.
 */
public enum IncidentLevel {
  I("特别重大", "Particularly grave", "Extreme"),
  II("重大", "Grave", "Severe"),
  III("较大", "Major", "Moderate"),
  IV("一般", "General", "Minor");

  private final String nameZh;
  private final String nameEn;
  private final String capSeverity;

  IncidentLevel(String nameZh, String nameEn, String capSeverity) {
    this.nameZh = nameZh;
    this.nameEn = nameEn;
    this.capSeverity = capSeverity;
  }

  public String nameZh() {
    return nameZh;
  }

  public String nameEn() {
    return nameEn;
  }

  /** CAP 1.2 {@code info/severity}. */
  public String capSeverity() {
    return capSeverity;
  }

  /** True if this level is as grave as {@code other} or graver (I is at least III). */
  public boolean atLeast(IncidentLevel other) {
    return ordinal() <= other.ordinal();
  }

  /** The next graver level, or I itself. */
  public IncidentLevel up() {
    return this == I ? I : values()[ordinal() - 1];
  }
}
