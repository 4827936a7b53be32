package org.linli.assistance;

/** A member's employment status as declared. */
public enum Employment {
  EMPLOYED, UNEMPLOYED, STUDENT, RETIRED, UNABLE_TO_WORK
}
