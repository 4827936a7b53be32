package org.linli.casefile;

import java.time.Instant;

/**
 * When a step or case that runs from {@code start} to {@code due} turns yellow, for steps whose
 * model gives no {@code stepWarnAt} of its own. The deadline feature provides it.
 */
public interface WarningTimes {
  Instant warnAt(Instant start, Instant due);
}
