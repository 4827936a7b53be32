package org.linli.supervision.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.linli.supervision.internal.FigureTables.Cell;
import org.linli.supervision.internal.FigureTables.Table;

/**
 * Writes figure tables as CSV (UTF-8 with a byte-order mark, so that Excel reads the Chinese) and as
 * .xlsx through Apache POI. Each starts with a title row that names the area and the period.
 */
final class SheetWriter {

  static final String CSV = "text/csv;charset=UTF-8";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private SheetWriter() {}

  /** RFC 4180: fields quoted where needed, CRLF between records; text that a spreadsheet would run as a formula is defused. */
  static byte[] csv(Table table) {
    StringBuilder out = new StringBuilder("\uFEFF");
    line(out, List.of(new Cell(FigureTables.Kind.TEXT, table.title())));
    line(out, table.header().stream().map(h -> new Cell(FigureTables.Kind.TEXT, h)).toList());
    table.rows().forEach(row -> line(out, row));
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void line(StringBuilder out, List<Cell> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      Cell c = cells.get(i);
      out.append(quoted(c.numeric() ? c.text() : defused(c.text())));
    }
    out.append("\r\n");
  }

  /**
   * A unit's name is typed by someone: one that starts like a formula (= + - @, or a tab or carriage
   * return before one) gets a leading apostrophe, so a spreadsheet shows it as text and runs nothing.
   */
  static String defused(String text) {
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return text;
  }

  private static String quoted(String field) {
    if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }

  /** One sheet per table: title row across the columns, a frozen header, rates as percentages, hours with one decimal. */
  static byte[] xlsx(List<Table> tables) {
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
      Styles styles = new Styles(book);
      for (Table table : tables) {
        sheet(book, styles, table);
      }
      book.write(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sheet(XSSFWorkbook book, Styles styles, Table table) {
    Sheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName(table.name()));
    int columns = Math.max(1, table.header().size());
    int[] widths = new int[columns];

    Row title = sheet.createRow(0);
    title.setHeightInPoints(24);
    org.apache.poi.ss.usermodel.Cell t = title.createCell(0);
    t.setCellValue(table.title());
    t.setCellStyle(styles.title);
    if (columns > 1) {
      sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns - 1));
    }

    Row header = sheet.createRow(1);
    for (int i = 0; i < table.header().size(); i++) {
      org.apache.poi.ss.usermodel.Cell h = header.createCell(i);
      h.setCellValue(table.header().get(i));
      h.setCellStyle(styles.header);
      widths[i] = Math.max(widths[i], width(table.header().get(i)));
    }

    int r = 2;
    for (List<Cell> cells : table.rows()) {
      Row row = sheet.createRow(r++);
      for (int i = 0; i < cells.size(); i++) {
        Cell c = cells.get(i);
        org.apache.poi.ss.usermodel.Cell x = row.createCell(i);
        if (c.value() == null) {
          x.setCellStyle(styles.text);
        } else if (c.value() instanceof Number n) {
          x.setCellValue(n.doubleValue());
          x.setCellStyle(switch (c.kind()) {
            case RATE -> styles.percent;
            case HOURS -> styles.decimal;
            default -> styles.count;
          });
        } else {
          // a string cell is never a formula; the quote prefix keeps it text when someone edits it
          String text = c.value().toString();
          x.setCellValue(text);
          x.setCellStyle(defused(text).equals(text) ? styles.text : styles.quoted);
        }
        widths[i] = Math.max(widths[i], width(c.text()));
      }
    }
    for (int i = 0; i < columns; i++) {
      sheet.setColumnWidth(i, Math.min(60, Math.max(8, widths[i] + 2)) * 256);
    }
    sheet.createFreezePane(0, 2);
    sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
    sheet.getPrintSetup().setLandscape(columns > 8);
    sheet.setFitToPage(true);
    sheet.getPrintSetup().setFitWidth((short) 1);
    sheet.getPrintSetup().setFitHeight((short) 0);
    sheet.setRepeatingRows(new CellRangeAddress(1, 1, -1, -1));
  }

  /** Characters a column needs: a Chinese character takes two. */
  private static int width(String text) {
    int w = 0;
    for (int i = 0; i < text.length(); i++) {
      w += text.charAt(i) > 0x2E80 ? 2 : 1;
    }
    return w;
  }

  private static final class Styles {
    final CellStyle title;
    final CellStyle header;
    final CellStyle text;
    final CellStyle quoted;
    final CellStyle count;
    final CellStyle percent;
    final CellStyle decimal;

    Styles(XSSFWorkbook book) {
      Font bold = book.createFont();
      bold.setBold(true);
      Font big = book.createFont();
      big.setBold(true);
      big.setFontHeightInPoints((short) 14);
      title = book.createCellStyle();
      title.setFont(big);
      title.setVerticalAlignment(VerticalAlignment.CENTER);
      header = bordered(book);
      header.setFont(bold);
      header.setWrapText(true);
      header.setVerticalAlignment(VerticalAlignment.CENTER);
      header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      text = bordered(book);
      quoted = bordered(book);
      quoted.setQuotePrefixed(true);
      count = bordered(book);
      count.setDataFormat(book.createDataFormat().getFormat("0"));
      percent = bordered(book);
      percent.setDataFormat(book.createDataFormat().getFormat("0.0%"));
      decimal = bordered(book);
      decimal.setDataFormat(book.createDataFormat().getFormat("0.0"));
    }

    private static CellStyle bordered(XSSFWorkbook book) {
      CellStyle s = book.createCellStyle();
      s.setBorderTop(BorderStyle.THIN);
      s.setBorderBottom(BorderStyle.THIN);
      s.setBorderLeft(BorderStyle.THIN);
      s.setBorderRight(BorderStyle.THIN);
      return s;
    }
  }
}
