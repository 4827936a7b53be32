package org.linli.calendar.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.linli.calendar.CalendarProperties;
import org.linli.calendar.WorkingCalendar;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

  @Bean
  WorkingCalendar workingCalendar(CalendarProperties props, ResourceLoader resources, ObjectMapper mapper)
      throws IOException {
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
}
