package org.linli.supervision;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.linli.calendar.WorkingCalendar;
import org.linli.notification.NotificationType;
import org.linli.notification.Notifications;
import org.linli.organization.Division;
import org.linli.organization.DivisionLevel;
import org.linli.organization.Scope;
import org.linli.supervision.internal.FigureTables;
import org.linli.supervision.internal.FigureTables.Cell;
import org.linli.supervision.internal.FigureTables.Figure;
import org.linli.supervision.internal.FigureTables.Table;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * 每周督查: on the first working day of a week, each county and township supervisor gets the last
 * week's (Monday to Sunday) key figures of their area and its break-down by township (a township's
 * by village). Once per area, supervisor and week, however often it runs: a later working day of the
 * same week sends only what a missed run left unsent.
 */
@Service
public class WeeklyReport {

  /** The break-down's columns in a mail: what fits 600 pixels. */
  static final List<Figure> UNIT_COLUMNS = List.of(Figure.RECEIVED, Figure.CLOSED, Figure.CLOSED_RATE, Figure.ON_TIME_RATE,
      Figure.OVERDUE_STEPS, Figure.SATISFACTION_RATE);

  private final SupervisionFigures figures;
  private final Notifications notifications;
  private final WorkingCalendar calendar;
  private final MessageSource messages;
  private final SupervisorMailings mailings;

  WeeklyReport(SupervisionFigures figures, Notifications notifications, WorkingCalendar calendar, MessageSource messages,
      SupervisorMailings mailings) {
    this.figures = figures;
    this.notifications = notifications;
    this.calendar = calendar;
    this.messages = messages;
    this.mailings = mailings;
  }

  /** Last week's report by the engine clock, on working days only. Returns the mails queued. */
  public int send() {
    LocalDate today = calendar.today();
    if (!calendar.isWorkingDay(today)) {
      return 0;
    }
    return send(today);
  }

  /** The report of the week before the one {@code day} falls in. */
  public int send(LocalDate day) {
    LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    Period week = new Period(monday.minusWeeks(1), monday.minusDays(1));
    return mailings.toEachArea("Weekly report of " + week.from() + " to " + week.to(),
        (area, supervisors) -> sendTo(area, supervisors, week));
  }

  private int sendTo(Division area, List<String> supervisors, Period week) {
    Scope scope = new Scope(false, Set.of(area.code()), Set.of());
    KeyFigures key = figures.keyFigures(scope, week);
    Breakdown.By by = area.level() == DivisionLevel.COUNTY ? Breakdown.By.TOWNSHIP : Breakdown.By.VILLAGE;
    List<Breakdown> units = figures.breakdown(scope, week, by, by == Breakdown.By.VILLAGE ? area.code() : null);
    return notifications.toUsers(NotificationType.WEEKLY, "weekly:" + week.from() + ":" + area.code(), supervisors,
        model(area, week, key, by, units), null);
  }

  /** The mail's model: labels in both languages from the bundle, values as the exports write them. */
  private Map<String, Object> model(Division area, Period week, KeyFigures key, Breakdown.By by, List<Breakdown> units) {
    Function<String, String> zh = k -> messages.getMessage(k, null, null, Locale.SIMPLIFIED_CHINESE);
    Function<String, String> en = k -> messages.getMessage(k, null, null, Locale.ENGLISH);
    Map<String, Object> m = new HashMap<>();
    m.put("areaName", area.name());
    m.put("weekFrom", week.from());
    m.put("weekTo", week.to());

    Table keyZh = FigureTables.keyFigures("", "", key, FigureTables.KEY_FIGURES, zh);
    Table keyEn = FigureTables.keyFigures("", "", key, FigureTables.KEY_FIGURES, en);
    List<Map<String, Object>> lines = new ArrayList<>();
    Map<String, Object> summary = new LinkedHashMap<>();
    for (int i = 0; i < FigureTables.KEY_FIGURES.size(); i++) {
      Cell cell = keyZh.rows().get(0).get(i);
      String value = cell.text().isEmpty() ? "—" : cell.text();
      lines.add(Map.of("zh", keyZh.header().get(i), "en", keyEn.header().get(i), "value", value));
      summary.put(FigureTables.KEY_FIGURES.get(i).key(), value);
    }
    m.put("keyFigures", lines);
    m.put("week", summary);

    Table unitsZh = FigureTables.breakdown("", "", by, units, UNIT_COLUMNS, zh);
    Table unitsEn = FigureTables.breakdown("", "", by, units, UNIT_COLUMNS, en);
    List<Map<String, Object>> columns = new ArrayList<>();
    for (int i = 1; i < unitsZh.header().size(); i++) { // the code column is for machines
      columns.add(Map.of("zh", unitsZh.header().get(i), "en", unitsEn.header().get(i)));
    }
    m.put("columns", columns);
    m.put("units", unitsZh.rows().stream()
        .map(row -> row.subList(1, row.size()).stream().map(c -> c.text().isEmpty() ? "—" : c.text()).toList())
        .toList());
    m.put("reportLink", notifications.link("/supervision/report?month=" + java.time.YearMonth.from(week.to())
        + (area.level() == DivisionLevel.COUNTY ? "" : "&division=" + area.code())));
    return m;
  }
}
