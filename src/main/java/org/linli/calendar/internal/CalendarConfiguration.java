package org.linli.calendar.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.linli.calendar.CalendarProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.linli.calendar.WorkingCalendar;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

  private static final Logger log = LoggerFactory.getLogger(CalendarConfiguration.class);

  /** Zones the features once kept of their own; Linli now counts everything in linli.calendar.zone. */
  static final List<String> RETIRED_ZONES =
      List.of("linli.notification.zone", "linli.assistance.payment.zone", "linli.emergency.alert.zone");

  @Bean
  WorkingCalendar workingCalendar(CalendarProperties props, ResourceLoader resources, ObjectMapper mapper, Environment env)
      throws IOException {
    refuseRetiredZones(env, props.zone());
    HolidaySchedule schedule;
    try (InputStream in = resources.getResource(props.holidaysFile()).getInputStream()) {
      schedule = HolidaySchedule.read(in, mapper);
    }
    Set<LocalDate> holidays = new HashSet<>(schedule.holidays());
    Set<LocalDate> workdays = new HashSet<>(schedule.workdays());
    // configuration wins over the file: a day named in both moves to the configured side
    holidays.removeAll(props.extraWorkdays());
    workdays.removeAll(props.extraHolidays());
    holidays.addAll(props.extraHolidays());
    workdays.addAll(props.extraWorkdays());
    Set<Integer> years = new HashSet<>(schedule.years());
    return new WorkingCalendar(props.zone(), props.periods(), holidays, workdays, years);
  }

  /**
   * An install that set one of the retired zones to another zone than the calendar's would quietly
   * move mail times, CAP times, "this month" and its jobs: it does not start until that is settled.
   */
  static void refuseRetiredZones(Environment env, ZoneId zone) {
    for (String key : RETIRED_ZONES) {
      String value = env.getProperty(key);
      if (value == null || value.isBlank()) {
        continue;
      }
      if (!ZoneId.of(value.strip()).equals(zone)) {
        throw new IllegalStateException(key + "=" + value + " is no longer read: Linli keeps one zone, linli.calendar.zone ("
            + zone + "). Set linli.calendar.zone to the zone you mean and remove " + key + ".");
      }
      log.warn("{} is no longer read; linli.calendar.zone ({}) is the one zone. Remove the setting.", key, zone);
    }
  }
}
