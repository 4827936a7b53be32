package org.linli.assistance;

/** Who typed the application in: the applicant at the caseworker's desk, or the caseworker for them (代办). */
public enum EntryChannel {
  APPLICANT_WITH_CASEWORKER, CASEWORKER_ON_BEHALF
}
