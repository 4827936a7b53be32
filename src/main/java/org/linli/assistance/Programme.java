package org.linli.assistance;

/** The assistance programmes a household applies for. */
public enum Programme {
  /** 最低生活保障: a monthly top-up to the local minimum living standard. */
  DIBAO("最低生活保障", "Minimum living allowance"),
  /** 特困人员供养: support of extremely poor people without ability to work, income or carers. */
  TEKUN("特困人员供养", "Support for the extremely poor"),
  /** 临时救助: one-off help after an emergency or a sudden burden. */
  LINSHI("临时救助", "Temporary assistance");

  private final String nameZh;
  private final String nameEn;

  Programme(String nameZh, String nameEn) {
    this.nameZh = nameZh;
    this.nameEn = nameEn;
  }

  public String nameZh() {
    return nameZh;
  }

  public String nameEn() {
    return nameEn;
  }

  public String name(boolean english) {
    return english ? nameEn() : nameZh();
  }

  /** The programme's name for a case category code; an unknown code as it is. */
  public static String nameOf(String code, boolean english) {
    for (Programme p : values()) {
      if (p.name().equals(code)) {
        return p.name(english);
      }
    }
    return code;
  }
}
