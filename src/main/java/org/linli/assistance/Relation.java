package org.linli.assistance;

/** A household member's relation to the applicant; the applicant is {@code SELF}. */
public enum Relation {
  SELF, SPOUSE, CHILD, PARENT, GRANDCHILD, SIBLING, OTHER
}
