package org.linli.supervision.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.stream.Collectors;
import org.linli.calendar.WorkingCalendar;
import org.linli.organization.Division;
import org.linli.organization.OrganizationService;
import org.linli.organization.Scope;
import org.linli.security.CurrentUser;
import org.linli.security.LinliUser;
import org.linli.supervision.Period;
import org.linli.supervision.SupervisionAccess;
import org.linli.supervision.SupervisionAccess.PeriodName;
import org.linli.system.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What a request for figures (the JSON figures, the exports, the monthly report) asks for, read
 * through the one access rule, {@link SupervisionAccess}: the signed-in supervisor, the area and the
 * period; and what the exports and the report add to it, the month, the area's name and whether its
 * units are townships or villages.
 */
@Component
class FigureRequests {

  private final CurrentUser currentUser;
  private final SupervisionAccess access;
  private final WorkingCalendar calendar;
  private final OrganizationService organization;
  private final MessageSource messages;

  FigureRequests(CurrentUser currentUser, SupervisionAccess access, WorkingCalendar calendar, OrganizationService organization,
      MessageSource messages) {
    this.currentUser = currentUser;
    this.access = access;
    this.calendar = calendar;
    this.organization = organization;
    this.messages = messages;
  }

  /** The signed-in user, if they may read the figures; else 403. */
  LinliUser supervisor() {
    return SupervisionAccess.supervisor(currentUser.get());
  }

  /** The user's area, or a place under it: never a place outside, whatever is asked. */
  Scope area(LinliUser user, String division) {
    return SupervisionAccess.area(user, division);
  }

  /** The township whose villages a village break-down lists, when a township is asked for. */
  static String township(String division) {
    return division != null && division.length() == 9 ? division : null;
  }

  Period period(PeriodName name, LocalDate from, LocalDate to) {
    return access.period(name, from, to);
  }

  /** A month's days, up to today for this month; a month to come has no figures yet. */
  Period month(YearMonth month) {
    LocalDate today = calendar.today();
    if (month.isAfter(YearMonth.from(today))) {
      throw new InvalidInputException("month", "月份不能晚于本月 the month has not begun");
    }
    LocalDate last = month.atEndOfMonth();
    return new Period(month.atDay(1), last.isAfter(today) ? today : last);
  }

  YearMonth thisMonth() {
    return YearMonth.from(calendar.today());
  }

  /** The name of the area asked for: the place, or the user's own places, or 全部辖区 for everything. */
  String areaName(LinliUser user, String division, Locale locale) {
    if (division != null && !division.isBlank()) {
      return name(division);
    }
    if (user.scope().everything() || user.scope().divisionCodes().isEmpty()) {
      return messages.getMessage("report.allAreas", null, locale);
    }
    return user.scope().divisionCodes().stream().sorted().map(this::name).collect(Collectors.joining("、"));
  }

  /**
   * Whether the area's units are villages, not townships: a township supervisor's area, or a
   * township or village asked for, has one township, so its break-down lists its villages.
   */
  boolean byVillage(LinliUser user, String division) {
    if (division != null && !division.isBlank()) {
      return division.length() > 6;
    }
    Scope scope = user.scope();
    return !scope.everything() && !scope.divisionCodes().isEmpty() && scope.divisionCodes().stream().allMatch(c -> c.length() > 6);
  }

  private String name(String code) {
    return organization.division(code).map(Division::name).orElse(code);
  }
}
