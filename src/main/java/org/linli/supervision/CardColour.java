package org.linli.supervision;

/** A card's colour: a yellow card (黄牌) warns; a red card (红牌) is the graver one. */
public enum CardColour {
  YELLOW("黄牌", "a yellow card"),
  RED("红牌", "a red card");

  private final String zh;
  private final String en;

  CardColour(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  /** 黄牌 or 红牌. */
  public String zh() {
    return zh;
  }

  /** "a yellow card" or "a red card", as a sentence names it. */
  public String en() {
    return en;
  }
}
