package org.linli.calendar.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The zone settings the features once kept: another zone than the calendar's stops the start. */
class RetiredZonesTests {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Test
  void anotherZoneThanTheCalendarsStopsTheStartAndSaysWhatToDo() {
    MockEnvironment env = new MockEnvironment().withProperty("linli.emergency.alert.zone", "Asia/Urumqi");
    assertThatThrownBy(() -> CalendarConfiguration.refuseRetiredZones(env, SHANGHAI))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("linli.emergency.alert.zone=Asia/Urumqi is no longer read")
        .hasMessageContaining("linli.calendar.zone");
  }

  @Test
  void theSameZoneOrNoneStarts() {
    assertThatCode(() -> CalendarConfiguration.refuseRetiredZones(new MockEnvironment(), SHANGHAI)).doesNotThrowAnyException();
    MockEnvironment same = new MockEnvironment().withProperty("linli.notification.zone", "Asia/Shanghai")
        .withProperty("linli.assistance.payment.zone", " Asia/Shanghai ");
    assertThatCode(() -> CalendarConfiguration.refuseRetiredZones(same, SHANGHAI)).doesNotThrowAnyException();
  }
}
