package org.linli.supervision;

import java.time.LocalDate;
import java.util.Set;
import org.linli.calendar.WorkingCalendar;
import org.linli.organization.Role;
import org.linli.organization.Scope;
import org.linli.security.LinliUser;
import org.linli.system.ForbiddenException;
import org.linli.system.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Who may read the supervision centre, which area and which period: the one rule its API and its
 * page both apply. Supervisors watch their area; staff who act on steps have their task lists.
 */
@Component
public class SupervisionAccess {

  /** Which period: today, this week (from Monday), this month, or from/to. */
  public enum PeriodName { TODAY, WEEK, MONTH, CUSTOM }

  private final WorkingCalendar calendar;

  SupervisionAccess(WorkingCalendar calendar) {
    this.calendar = calendar;
  }

  /**
   * Supervisors, the heads of townships, villages and departments (each their own area or
   * department), and users who see everything.
   */
  public static boolean mayWatch(LinliUser user) {
    return user != null && (user.holds(Role.SUPERVISOR) || user.holds(Role.HEAD) || user.scope().everything());
  }

  /** The user, if they may read the centre; else 403. */
  public static LinliUser supervisor(LinliUser user) {
    if (!mayWatch(user)) {
      throw new ForbiddenException("督办中心仅对督查人员和单位负责人开放 the supervision centre is for supervisors and heads of units");
    }
    return user;
  }

  /** The user's area, or a place under it: never a place outside, whatever is asked. */
  public static Scope area(LinliUser user, String division) {
    if (division == null || division.isBlank()) {
      return user.scope();
    }
    if (!division.matches("\\d{6}|\\d{9}|\\d{12}")) {
      throw new InvalidInputException("division", "应为县、乡镇或村社区代码 a county, township or village code");
    }
    Scope scope = user.scope();
    boolean under = scope.everything() || scope.divisionCodes().stream().anyMatch(division::startsWith);
    if (!under) {
      throw new ForbiddenException("不在您的辖区 " + division + " is not in your area");
    }
    return Scope.ofDivisions(Set.of(division));
  }

  /** The days of a named period, today by the calendar; CUSTOM needs both days. */
  public Period period(PeriodName name, LocalDate from, LocalDate to) {
    LocalDate today = calendar.today();
    return switch (name == null ? PeriodName.TODAY : name) {
      case TODAY -> Period.today(today);
      case WEEK -> Period.thisWeek(today);
      case MONTH -> Period.thisMonth(today);
      case CUSTOM -> new Period(from, to);
    };
  }
}
