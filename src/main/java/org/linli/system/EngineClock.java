package org.linli.system;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one source of "now" for Linli: the engine's clock, so that tests which move the engine
 * clock move every deadline, list and dashboard with it.
 */
public final class EngineClock {

  private EngineClock() {}

  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
