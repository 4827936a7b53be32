package org.linli.request;

/** Where a request came in. */
public enum Channel {
  PORTAL("居民门户", "Resident portal"),
  HOTLINE("热线电话", "Hotline"),
  GRID("网格员上报", "Grid worker"),
  API("系统接口", "Interface");

  private final String nameZh;
  private final String nameEn;

  Channel(String nameZh, String nameEn) {
    this.nameZh = nameZh;
    this.nameEn = nameEn;
  }

  public String nameZh() {
    return nameZh;
  }

  public String nameEn() {
    return nameEn;
  }
}
