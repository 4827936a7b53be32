package org.linli.supervision.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.linli.calendar.WorkingCalendar;
import org.linli.supervision.Breakdown;
import org.linli.supervision.KeyFigures;
import org.linli.supervision.Period;
import org.linli.supervision.internal.FigureTables.Table;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The figure tables in a reader's language, with titles that name the area and the period, and their files' names. */
@Component
class ReportTables {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final MessageSource messages;
  private final ZoneId zone;

  ReportTables(MessageSource messages, WorkingCalendar calendar) {
    this.messages = messages;
    this.zone = calendar.zone();
  }

  /** A bundle key's text in the language, or null for a key the bundle lacks. */
  Function<String, String> labels(Locale locale) {
    return key -> messages.getMessage(key, null, null, locale);
  }

  Table keyFigures(KeyFigures f, String area, Locale locale) {
    String title = text("export.title", locale, area, f.period().from(), f.period().to());
    if (f.refreshedAt() != null) {
      title += text("export.refreshed", locale, time(f.refreshedAt()));
    }
    return FigureTables.keyFigures(text("export.sheet.figures", locale), title, f, FigureTables.KEY_FIGURES, labels(locale));
  }

  Table breakdown(Breakdown.By by, List<Breakdown> units, Period period, String area, Locale locale) {
    String byName = text("figure.by." + by.name(), locale);
    return FigureTables.breakdown(text("export.sheet.by", locale, byName),
        text("export.title.by", locale, area, period.from(), period.to(), byName), by, units, FigureTables.UNIT_FIGURES, labels(locale));
  }

  /** 督办统计_青溪县_2026-11-01_2026-11-30, with 按乡镇 after 督办统计 for a break-down. */
  String fileName(String area, Period period, Breakdown.By by, Locale locale) {
    String what = by == null ? text("export.file", locale) : text("export.file.by", locale, text("figure.by." + by.name(), locale));
    return fileName(what, area, period);
  }

  /** What, area and period as a file name: no path separators, quotes or characters a file system refuses. */
  String fileName(String what, String area, Period period) {
    String name = String.join("_", what, area, period.from().toString(), period.to().toString());
    name = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").replaceAll("\\s+", "_");
    return name.length() > 120 ? name.substring(0, 120) : name;
  }

  String time(Instant t) {
    return t == null ? "—" : TIME.format(t.atZone(zone));
  }

  String text(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args.length == 0 ? null : stringsOf(args), locale);
  }

  /** Dates and numbers as written, not in a locale's format. */
  private static Object[] stringsOf(Object[] args) {
    Object[] out = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      out[i] = args[i] == null ? "" : args[i].toString();
    }
    return out;
  }
}
