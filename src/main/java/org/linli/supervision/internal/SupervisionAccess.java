package org.linli.supervision.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.linli.calendar.WorkingCalendar;
import org.linli.organization.Division;
import org.linli.organization.OrganizationService;
import org.linli.organization.Role;
import org.linli.organization.Scope;
import org.linli.security.CurrentUser;
import org.linli.security.LinliUser;
import org.linli.supervision.Period;
import org.linli.system.ForbiddenException;
import org.linli.system.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The supervision centre's rules as the JSON figures, the exports and the report page use them: who
 * and which area from {@link org.linli.supervision.SupervisionAccess} (the page's too), and the
 * months, names and levels the exports and the report add.
 */
@Component("supervisionFigureAccess") // beside the public SupervisionAccess it builds on
class SupervisionAccess {

  /** Which period: today, this week (from Monday), this month, or from/to. */
  enum PeriodName { TODAY, WEEK, MONTH, CUSTOM }

  private final CurrentUser currentUser;
  private final WorkingCalendar calendar;
  private final OrganizationService organization;
  private final MessageSource messages;

  SupervisionAccess(CurrentUser currentUser, WorkingCalendar calendar, OrganizationService organization, MessageSource messages) {
    this.currentUser = currentUser;
    this.calendar = calendar;
    this.organization = organization;
    this.messages = messages;
  }

  /** Supervisors watch; staff who act on steps have their task lists (the rule the page applies too). */
  LinliUser supervisor() {
    return org.linli.supervision.SupervisionAccess.supervisor(currentUser.get());
  }

  /** The user's area, or a place under it: never a place outside, whatever is asked. */
  Scope area(LinliUser user, String division) {
    return org.linli.supervision.SupervisionAccess.area(user, division);
  }

  /** The township whose villages a village break-down lists, when a township is asked for. */
  static String township(String division) {
    return division != null && division.length() == 9 ? division : null;
  }

  Period period(PeriodName name, LocalDate from, LocalDate to) {
    LocalDate today = calendar.today();
    return switch (name) {
      case TODAY -> Period.today(today);
      case WEEK -> Period.thisWeek(today);
      case MONTH -> Period.thisMonth(today);
      case CUSTOM -> new Period(from, to);
    };
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
