package org.linli.calendar.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * The official schedule file: per year, each holiday with its days off ("from".."to") and its
 * make-up working days ("work").
 */
record HolidaySchedule(Set<LocalDate> holidays, Set<LocalDate> workdays, Set<Integer> years) {

  static HolidaySchedule read(InputStream in, ObjectMapper mapper) throws IOException {
    JsonNode root = mapper.readTree(in);
    Set<LocalDate> off = new HashSet<>();
    Set<LocalDate> work = new HashSet<>();
    Set<Integer> years = new HashSet<>();
    for (JsonNode year : root.path("years")) {
      years.add(year.path("year").asInt());
      for (JsonNode holiday : year.path("holidays")) {
        LocalDate from = LocalDate.parse(holiday.path("from").asText());
        LocalDate to = holiday.hasNonNull("to") ? LocalDate.parse(holiday.path("to").asText()) : from;
        if (to.isBefore(from)) {
          throw new IllegalStateException("holiday ends before it starts: " + holiday);
        }
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
          off.add(d);
        }
        for (JsonNode w : holiday.path("work")) {
          work.add(LocalDate.parse(w.asText()));
        }
      }
    }
    Set<LocalDate> clash = new HashSet<>(off);
    clash.retainAll(work);
    if (!clash.isEmpty()) {
      throw new IllegalStateException("days both off and make-up working days: " + clash);
    }
    return new HolidaySchedule(off, work, years);
  }
}
