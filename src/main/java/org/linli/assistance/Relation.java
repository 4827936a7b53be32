package org.linli.assistance;

/** A household member's relation to the applicant; the applicant is {@code SELF}. */
public enum Relation {
  SELF("本人", "applicant"),
  SPOUSE("配偶", "spouse"),
  CHILD("子女", "child"),
  PARENT("父母", "parent"),
  GRANDCHILD("孙子女", "grandchild"),
  SIBLING("兄弟姐妹", "sibling"),
  OTHER("其他", "other");

  private final String nameZh;
  private final String nameEn;

  Relation(String nameZh, String nameEn) {
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
