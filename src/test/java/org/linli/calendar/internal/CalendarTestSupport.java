package org.linli.calendar.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.linli.calendar.CalendarProperties;
import org.linli.calendar.WorkingCalendar;
import org.springframework.core.io.DefaultResourceLoader;

/** Builds the calendar exactly as the application does, from the shipped file. */
public final class CalendarTestSupport {

  private CalendarTestSupport() {}

  public static WorkingCalendar official(List<LocalDate> extraHolidays, List<LocalDate> extraWorkdays) {
    CalendarProperties props = new CalendarProperties(ZoneId.of("Asia/Shanghai"), List.of("08:30-12:00", "13:30-17:30"),
        "classpath:calendar/cn-official-holidays.json", extraHolidays, extraWorkdays);
    try {
      return new CalendarConfiguration().workingCalendar(props, new DefaultResourceLoader(), new ObjectMapper(),
          new org.springframework.mock.env.MockEnvironment());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
