package org.linli.casefile;

import java.util.Set;

/**
 * Finds the cases of a kind by the phone number of the resident behind them. Each kind that records
 * a resident's phone publishes one; {@link CaseSearch} asks them all and logs what it shows.
 */
public interface CasePhoneLookup {

  /** The ids of the cases whose resident gave this phone number, in any area: the caller narrows. */
  Set<Long> caseIdsByPhone(String phone);
}
