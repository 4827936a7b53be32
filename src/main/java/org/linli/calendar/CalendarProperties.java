package org.linli.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Working-day calendar settings.
 *
 * @param zone the zone in which days and office hours are counted
 * @param officeHours office periods of a working day, as "HH:mm-HH:mm"
 * @param holidaysFile the official schedule shipped with Linli
 * @param extraHolidays further days off (local decisions, a new year's schedule before a release)
 * @param extraWorkdays further make-up working days (调休) that fall on a weekend
 */
@ConfigurationProperties("linli.calendar")
public record CalendarProperties(
    @DefaultValue("Asia/Shanghai") ZoneId zone,
    @DefaultValue({"08:30-12:00", "13:30-17:30"}) List<String> officeHours,
    @DefaultValue("classpath:calendar/cn-official-holidays.json") String holidaysFile,
    @DefaultValue List<LocalDate> extraHolidays,
    @DefaultValue List<LocalDate> extraWorkdays) {

  /** One office period of a working day. */
  public record Period(LocalTime start, LocalTime end) {}

  public List<Period> periods() {
    return officeHours.stream()
        .map(
            s -> {
              String[] parts = s.split("-");
              if (parts.length != 2) {
                throw new IllegalArgumentException("linli.calendar.office-hours: expected HH:mm-HH:mm, got " + s);
              }
              Period p = new Period(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()));
              if (!p.end().isAfter(p.start())) {
                throw new IllegalArgumentException("linli.calendar.office-hours: period ends before it starts: " + s);
              }
              return p;
            })
        .sorted((a, b) -> a.start().compareTo(b.start()))
        .toList();
  }
}
