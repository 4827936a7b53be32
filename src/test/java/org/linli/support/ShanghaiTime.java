package org.linli.support;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Local times in Asia/Shanghai, as the calendar counts them, and the engine clock set to one. */
public final class ShanghaiTime {

  public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private ShanghaiTime() {}

  /** {@code at("2026-02-14T17:30")}: that local time as an instant. */
  public static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
  }

  /** Moves the engine clock to that local time. */
  public static void clock(String local) {
    ClockUtil.setCurrentTime(Date.from(at(local)));
  }
}
