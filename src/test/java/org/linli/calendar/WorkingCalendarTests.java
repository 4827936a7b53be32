package org.linli.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.calendar.internal.CalendarTestSupport;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(OutputCaptureExtension.class)
class WorkingCalendarTests {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  final WorkingCalendar calendar = CalendarTestSupport.official(List.of(), List.of());

  static Instant at(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
  }

  static LocalDate d(String s) {
    return LocalDate.parse(s);
  }

  @Test
  void knowsTheOfficialSchedulesOf2025And2026() {
    // 2025
    assertThat(calendar.isWorkingDay(d("2025-01-01"))).isFalse();
    assertThat(calendar.isWorkingDay(d("2025-01-26"))).as("Sunday make-up day before Spring Festival").isTrue();
    assertThat(calendar.isWorkingDay(d("2025-01-28"))).isFalse();
    assertThat(calendar.isWorkingDay(d("2025-02-04"))).isFalse();
    assertThat(calendar.isWorkingDay(d("2025-02-05"))).isTrue();
    assertThat(calendar.isWorkingDay(d("2025-02-08"))).as("Saturday make-up day").isTrue();
    assertThat(calendar.isWorkingDay(d("2025-04-04"))).isFalse();
    assertThat(calendar.isWorkingDay(d("2025-04-27"))).isTrue();
    assertThat(calendar.isWorkingDay(d("2025-05-05"))).isFalse();
    assertThat(calendar.isWorkingDay(d("2025-06-02"))).isFalse();
    assertThat(calendar.isWorkingDay(d("2025-09-28"))).isTrue();
    assertThat(calendar.isWorkingDay(d("2025-10-08"))).isFalse();
    assertThat(calendar.isWorkingDay(d("2025-10-11"))).isTrue();
    // 2026
    assertThat(calendar.isWorkingDay(d("2026-01-02"))).isFalse();
    assertThat(calendar.isWorkingDay(d("2026-01-04"))).as("Sunday make-up day after New Year").isTrue();
    assertThat(calendar.isWorkingDay(d("2026-02-14"))).isTrue();
    assertThat(calendar.isWorkingDay(d("2026-02-15"))).isFalse();
    assertThat(calendar.isWorkingDay(d("2026-02-23"))).isFalse();
    assertThat(calendar.isWorkingDay(d("2026-02-24"))).isTrue();
    assertThat(calendar.isWorkingDay(d("2026-02-28"))).isTrue();
    assertThat(calendar.isWorkingDay(d("2026-04-06"))).isFalse();
    assertThat(calendar.isWorkingDay(d("2026-05-05"))).isFalse();
    assertThat(calendar.isWorkingDay(d("2026-05-09"))).isTrue();
    assertThat(calendar.isWorkingDay(d("2026-06-19"))).isFalse();
    assertThat(calendar.isWorkingDay(d("2026-09-20"))).isTrue();
    assertThat(calendar.isWorkingDay(d("2026-09-25"))).isFalse();
    assertThat(calendar.isWorkingDay(d("2026-10-07"))).isFalse();
    assertThat(calendar.isWorkingDay(d("2026-10-10"))).isTrue();
    // an ordinary weekend and weekday
    assertThat(calendar.isWorkingDay(d("2026-11-28"))).isFalse();
    assertThat(calendar.isWorkingDay(d("2026-11-30"))).isTrue();
  }

  @Test
  void workingDaysCountFromTheNextDayAndEndAtCloseOfOffice() {
    // Friday before the 2026 Spring Festival: Sat 14 Feb is a make-up working day
    assertThat(calendar.plusWorkingDays(at("2026-02-13T10:00"), 1)).isEqualTo(at("2026-02-14T17:30"));
    // then 15-23 Feb are off: the 2nd working day is Tue 24 Feb
    assertThat(calendar.plusWorkingDays(at("2026-02-13T10:00"), 2)).isEqualTo(at("2026-02-24T17:30"));
    // 24, 25, 26, 27, Sat 28 (make-up)
    assertThat(calendar.plusWorkingDays(at("2026-02-14T09:00"), 5)).isEqualTo(at("2026-02-28T17:30"));
    // National Day 2026: Wed 30 Sep, then 1-7 Oct off, Thu 8, Fri 9, Sat 10 (make-up)
    assertThat(calendar.plusWorkingDays(at("2026-09-29T16:00"), 1)).isEqualTo(at("2026-09-30T17:30"));
    assertThat(calendar.plusWorkingDays(at("2026-09-29T16:00"), 4)).isEqualTo(at("2026-10-10T17:30"));
    // Sunday 20 Sep 2026 is a make-up day: from Saturday the first working day is that Sunday
    assertThat(calendar.plusWorkingDays(at("2026-09-19T12:00"), 1)).isEqualTo(at("2026-09-20T17:30"));
    // 0 working days: close of today, or of the next working day
    assertThat(calendar.plusWorkingDays(at("2026-11-30T09:00"), 0)).isEqualTo(at("2026-11-30T17:30"));
    assertThat(calendar.plusWorkingDays(at("2026-11-28T09:00"), 0)).isEqualTo(at("2026-11-30T17:30"));
  }

  @Test
  void workingHoursFollowOfficeHoursAcrossLunchNightsAndHolidays() {
    assertThat(calendar.plusWorkingHours(at("2026-11-30T09:00"), 2)).isEqualTo(at("2026-11-30T11:00"));
    // 11:00 + 2h: one hour before lunch, one after 13:30
    assertThat(calendar.plusWorkingHours(at("2026-11-30T11:00"), 2)).isEqualTo(at("2026-11-30T14:30"));
    // 17:00 + 1h: half an hour today, half an hour tomorrow from 08:30
    assertThat(calendar.plusWorkingHours(at("2026-11-30T17:00"), 1)).isEqualTo(at("2026-12-01T09:00"));
    // a night before: counting starts at 08:30
    assertThat(calendar.plusWorkingHours(at("2026-11-30T06:00"), 1)).isEqualTo(at("2026-11-30T09:30"));
    // from the last working day before Spring Festival 2026 (Sat 14 Feb) into Tue 24 Feb
    assertThat(calendar.plusWorkingHours(at("2026-02-14T16:30"), 2)).isEqualTo(at("2026-02-24T09:30"));
    // a whole working day is 7.5 office hours
    assertThat(calendar.workingTimeBetween(at("2026-11-30T00:00"), at("2026-12-01T00:00")))
        .isEqualTo(Duration.ofMinutes(450));
    assertThat(calendar.workingTimeBetween(at("2026-02-14T00:00"), at("2026-02-24T00:00")))
        .as("one make-up day, then the holiday").isEqualTo(Duration.ofMinutes(450));
  }

  @Test
  void configurationAddsHolidaysAndMakeUpDaysAndOverridesTheFile() {
    WorkingCalendar local = CalendarTestSupport.official(List.of(d("2026-12-01"), d("2026-02-14")), List.of(d("2026-12-05")));
    assertThat(local.isWorkingDay(d("2026-12-01"))).isFalse();
    assertThat(local.isWorkingDay(d("2026-12-05"))).as("a configured Saturday make-up day").isTrue();
    assertThat(local.isWorkingDay(d("2026-02-14"))).as("configuration wins over the file").isFalse();
  }

  @Test
  void unknownYearsFallBackToWeekendsOnlyAndWarnOnce(CapturedOutput output) {
    assertThat(calendar.isKnownYear(2027)).isFalse();
    assertThat(calendar.isWorkingDay(d("2027-01-01"))).as("a Friday, not known as a holiday").isTrue();
    assertThat(calendar.isWorkingDay(d("2027-01-02"))).isFalse();
    assertThat(calendar.plusWorkingDays(at("2027-01-01T10:00"), 1)).isEqualTo(at("2027-01-04T17:30"));
    assertThat(output.getOut().split("No official holiday schedule for 2027", -1)).hasSize(2);
  }

  @Test
  void refusesNegativeAmounts() {
    assertThatThrownBy(() -> calendar.plusWorkingDays(Instant.now(), -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> calendar.plusWorkingTime(Instant.now(), Duration.ofHours(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }


  @Test
  void countsOfficeTimeBackFromADueTime() {
    assertThat(calendar.workingDayLength()).isEqualTo(java.time.Duration.ofMinutes(450));
    // one working day before the close of Saturday 14 Feb 2026 (a make-up day) is its opening
    assertThat(calendar.minusWorkingTime(at("2026-02-14T17:30"), java.time.Duration.ofMinutes(450)))
        .isEqualTo(at("2026-02-14T08:30"));
    // two working days back from the close of Tuesday 24 Feb crosses the Spring Festival break
    assertThat(calendar.minusWorkingTime(at("2026-02-24T17:30"), java.time.Duration.ofMinutes(900)))
        .isEqualTo(at("2026-02-14T08:30"));
    // across lunch: 4.5 office hours before 15:30 is 09:30
    assertThat(calendar.minusWorkingTime(at("2026-03-03T15:30"), java.time.Duration.ofMinutes(270)))
        .isEqualTo(at("2026-03-03T09:30"));
    assertThat(calendar.workingTimeBetween(at("2026-03-03T09:30"), at("2026-03-03T15:30")))
        .isEqualTo(java.time.Duration.ofMinutes(270));
  }
}
