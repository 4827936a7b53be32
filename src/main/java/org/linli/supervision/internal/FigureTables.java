package org.linli.supervision.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.linli.supervision.Breakdown;
import org.linli.supervision.KeyFigures;

/**
 * The figures laid out as tables of labelled, typed cells: the one layout the CSV and .xlsx exports,
 * the printable report and the weekly mail share, so that each shows the same figure under the same
 * label. Labels come from the message bundle ({@code figure.*}); names of units as the figures give them.
 */
public final class FigureTables {

  private FigureTables() {}

  /** What a cell holds, which decides how it is written: a rate is a fraction shown as a percentage. */
  public enum Kind { TEXT, COUNT, RATE, HOURS }

  /** One cell; {@code value} is a String, a Long or a Double, or null when there is nothing to show. */
  public record Cell(Kind kind, Object value) {

    /** As a person reads it: 95.3%, 12.5, 42 or the text; empty for none. */
    public String text() {
      if (value == null) {
        return "";
      }
      return switch (kind) {
        case RATE -> percent((Double) value);
        case HOURS -> String.format(Locale.ROOT, "%.1f", (Double) value);
        case COUNT, TEXT -> value.toString();
      };
    }

    public boolean numeric() {
      return kind != Kind.TEXT;
    }
  }

  /** A table: its name (a sheet's), a title naming area and period, the header and the rows. */
  public record Table(String name, String title, List<String> header, List<List<Cell>> rows) {}

  /** A figure as a column, with where each record holds it; open-now counts are the area's, not a unit's. */
  public enum Figure {
    RECEIVED("received", Kind.COUNT, KeyFigures::received, Breakdown::received),
    CLOSED("closed", Kind.COUNT, KeyFigures::closed, Breakdown::closed),
    CLOSED_RATE("closedRate", Kind.RATE, KeyFigures::closedRate, Breakdown::closedRate),
    ON_TIME_RATE("onTimeRate", Kind.RATE, KeyFigures::onTimeRate, Breakdown::onTimeRate),
    CLOSED_LATE("closedLate", Kind.COUNT, KeyFigures::closedLate, Breakdown::closedLate),
    OVERDUE_STEPS("overdueSteps", Kind.COUNT, KeyFigures::overdueSteps, Breakdown::overdueSteps),
    OVERDUE_NOW("overdueNow", Kind.COUNT, KeyFigures::overdueNow, null),
    YELLOW_NOW("yellowNow", Kind.COUNT, KeyFigures::yellowNow, null),
    RED_NOW("redNow", Kind.COUNT, KeyFigures::redNow, null),
    EVER_OVERDUE_OPEN("everOverdueOpen", Kind.COUNT, KeyFigures::everOverdueOpen, null),
    RATED("rated", Kind.COUNT, KeyFigures::rated, Breakdown::rated),
    SATISFACTION_RATE("satisfactionRate", Kind.RATE, KeyFigures::satisfactionRate, Breakdown::satisfactionRate),
    REOPENED("reopened", Kind.COUNT, KeyFigures::reopened, Breakdown::reopened),
    REOPEN_RATE("reopenRate", Kind.RATE, KeyFigures::reopenRate, null),
    RETURNS("returns", Kind.COUNT, KeyFigures::returns, Breakdown::returns),
    EXTENSIONS("extensions", Kind.COUNT, KeyFigures::extensions, Breakdown::extensions),
    URGINGS("urgings", Kind.COUNT, KeyFigures::urgings, Breakdown::urgings),
    AVERAGE_HANDLING_HOURS("averageHandlingHours", Kind.HOURS, KeyFigures::averageHandlingHours, Breakdown::averageHandlingHours);

    private final String key;
    private final Kind kind;
    private final Function<KeyFigures, ?> ofArea;
    private final Function<Breakdown, ?> ofUnit;

    Figure(String key, Kind kind, Function<KeyFigures, ?> ofArea, Function<Breakdown, ?> ofUnit) {
      this.key = key;
      this.kind = kind;
      this.ofArea = ofArea;
      this.ofUnit = ofUnit;
    }

    /** The JSON field of the figure, as in {@code GET /api/supervision/figures}. */
    public String key() {
      return key;
    }

    public String labelKey() {
      return "figure." + key;
    }

    public boolean perUnit() {
      return ofUnit != null;
    }

    Cell of(KeyFigures f) {
      return cell(kind, ofArea.apply(f));
    }

    Cell of(Breakdown b) {
      return cell(kind, ofUnit.apply(b));
    }
  }

  /** Every figure of the key figures, in the order of the JSON. */
  public static final List<Figure> KEY_FIGURES = List.of(Figure.values());
  /** Every figure a break-down has. */
  public static final List<Figure> UNIT_FIGURES = java.util.Arrays.stream(Figure.values()).filter(Figure::perUnit).toList();

  /**
   * The key figures as one row under a header of the figures' labels. {@code label} gives a bundle
   * key's text, or null for a key it does not have.
   */
  public static Table keyFigures(String name, String title, KeyFigures f, List<Figure> figures, Function<String, String> label) {
    List<String> header = figures.stream().map(x -> label.apply(x.labelKey())).toList();
    List<Cell> row = figures.stream().map(x -> x.of(f)).toList();
    return new Table(name, title, header, List.of(row));
  }

  /** A break-down: code and name of each unit, then its figures; open-now figures are left out. */
  public static Table breakdown(String name, String title, Breakdown.By by, List<Breakdown> units, List<Figure> figures,
      Function<String, String> label) {
    List<Figure> shown = figures.stream().filter(Figure::perUnit).toList();
    List<String> header = new ArrayList<>(List.of(label.apply("figure.code"), label.apply("figure.by." + by.name())));
    shown.forEach(x -> header.add(label.apply(x.labelKey())));
    List<List<Cell>> rows = new ArrayList<>();
    for (Breakdown b : units) {
      List<Cell> row = new ArrayList<>();
      row.add(new Cell(Kind.TEXT, b.key()));
      row.add(new Cell(Kind.TEXT, unitName(by, b, label)));
      shown.forEach(x -> row.add(x.of(b)));
      rows.add(row);
    }
    return new Table(name, title, header, rows);
  }

  /** A kind reads as its name (民呼我为), not its code; every other unit as the figures name it. */
  private static String unitName(Breakdown.By by, Breakdown b, Function<String, String> label) {
    if (by == Breakdown.By.KIND && !b.key().isEmpty()) {
      String name = label.apply("kind." + b.key());
      return name == null ? b.name() : name;
    }
    return b.name();
  }

  /** A rate as a percentage with one decimal: 0.9534 → 95.3%. */
  public static String percent(Double rate) {
    return rate == null ? "" : String.format(Locale.ROOT, "%.1f%%", rate * 100);
  }

  private static Cell cell(Kind kind, Object value) {
    if (value == null) {
      return new Cell(kind, null);
    }
    return switch (kind) {
      case COUNT -> new Cell(kind, ((Number) value).longValue());
      case RATE, HOURS -> new Cell(kind, ((Number) value).doubleValue());
      case TEXT -> new Cell(kind, value.toString());
    };
  }
}
