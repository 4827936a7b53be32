package org.linli.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.organization.Division;
import org.linli.organization.DivisionKind;
import org.linli.organization.OrganizationService;
import org.linli.supervision.internal.FigureTables;
import org.linli.supervision.internal.FigureTables.Figure;
import org.linli.support.LinliIntegrationTest;
import org.linli.system.EngineClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ContentDisposition;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The exports hold what the JSON says: each figure of the key figures and of each break-down, read
 * back from the CSV and from the .xlsx with Apache POI. Unit names that look like formulas stay
 * text. Only the supervisors of the area (and the administrator) get the files.
 */
@LinliIntegrationTest
class SupervisionExportTests {

  static final String PERIOD = "period=CUSTOM&from=2026-10-01&to=2026-10-31";
  /**
   * A county of the run's own, whose township and villages are named like formulas, as someone could
   * type them. Made once: the portal lists every village, so its names have no Latin words either.
   */
  static final String county = String.format("37%04d", Math.floorMod(System.nanoTime(), 10000));
  static final String formulaTownship = county + "001";
  static final String FORMULA_TOWNSHIP_NAME = "=1+2 \"点我\",镇";
  static boolean made;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired OrganizationService organization;
  @Autowired SupervisionFigures figures;
  final ObjectMapper json = new ObjectMapper();

  /** What a download brought. */
  record Download(int status, String contentType, String disposition, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    String fileName() {
      return ContentDisposition.parse(disposition).getFilename();
    }
  }

  Download get(String user, String path, String language) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (user != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    if (language != null) {
      b.header("Accept-Language", language);
    }
    HttpResponse<byte[]> r = HttpClient.newHttpClient().send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    return new Download(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
        r.headers().firstValue("Content-Disposition").orElse(""), r.body());
  }

  Download ok(String path) throws Exception {
    Download d = get("admin", path, null);
    assertThat(d.status()).as(path + " " + d.text()).isEqualTo(200);
    return d;
  }

  JsonNode figuresJson(String path) throws Exception {
    return json.readTree(ok(path).text());
  }

  @BeforeEach
  void countyWithCases() {
    if (made) {
      return;
    }
    made = true;
    organization.addDivision(new Division(county, "测试县", DivisionKind.COUNTY, null));
    organization.addDivision(new Division(formulaTownship, FORMULA_TOWNSHIP_NAME, DivisionKind.TOWN, county));
    organization.addDivision(new Division(county + "002", "清河镇", DivisionKind.TOWN, county));
    organization.addDivision(new Division(formulaTownship + "001", "+1村", DivisionKind.VILLAGE, formulaTownship));
    organization.addDivision(new Division(formulaTownship + "002", "@求和村", DivisionKind.VILLAGE, formulaTownship));
    organization.addDivision(new Division(county + "002001", "-2村", DivisionKind.VILLAGE, county + "002"));
    organization.addDivision(new Division(county + "002002", "河东村", DivisionKind.VILLAGE, county + "002"));
    Instant now = EngineClock.now();
    // six cases of October: three closed (one late), one cancelled, two open; ratings, returns, urging
    insert(1, county + "001001", "mz", "REQUEST", "CLOSED", "2026-10-08T10:00", "2026-10-09T10:00", "2026-10-10T17:30", null, "GREEN", false,
        "CREATED 2026-10-08T10:00", "RATED 2026-10-09T12:00 SATISFIED");
    insert(2, county + "001001", "mz", "REQUEST", "CLOSED", "2026-10-12T09:00", "2026-10-20T16:00", "2026-10-15T17:30", null, "GREEN", true,
        "CREATED 2026-10-12T09:00", "OVERDUE 2026-10-15T17:30", "RATED 2026-10-21T09:00 NOT_SATISFIED: 还是不亮");
    insert(3, county + "001002", "zj", "ASSISTANCE", "OPEN", "2026-10-13T11:00", null, "2026-10-30T17:30", now.minusSeconds(3600), "RED",
        true, "CREATED 2026-10-13T11:00", "OVERDUE 2026-10-14T17:30", "URGED 2026-10-14T18:00");
    insert(4, county + "002001", null, "EMERGENCY", "CLOSED", "2026-10-09T08:00", "2026-10-09T13:00", "2026-10-10T08:00", null, "GREEN",
        false, "CREATED 2026-10-09T08:00", "RETURNED 2026-10-09T09:00", "EXTENDED 2026-10-09T10:00");
    insert(5, county + "002002", "mz", "REQUEST", "OPEN", "2026-10-20T15:00", null, "2026-10-27T17:30", now.plusSeconds(7200), "YELLOW",
        false, "CREATED 2026-10-20T15:00", "REOPENED 2026-10-21T10:00");
    insert(6, county + "002001", "zj", "REQUEST", "CANCELLED", "2026-10-22T10:00", "2026-10-23T10:00", "2026-10-29T17:30", null, "GREEN",
        false, "CREATED 2026-10-22T10:00");
    figures.refresh(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-31"));
  }

  void insert(int i, String village, String department, String kind, String status, String opened, String closed, String due,
      Instant stepDue, String state, boolean everOverdue, String... events) {
    new SyntheticCases(jdbc, "EX" + county).insert(i, village, department, kind, status, opened, closed, due, stepDue, state,
        everOverdue, events);
  }

  @Test
  void theKeyFiguresInBothFilesAreTheJsonFigures() throws Exception {
    String query = "?" + PERIOD + "&division=" + county;
    JsonNode f = figuresJson("/api/supervision/figures" + query);
    assertThat(f.get("received").asLong()).isEqualTo(6);
    assertThat(f.get("closed").asLong()).isEqualTo(3);
    assertThat(f.get("onTimeRate").asDouble()).isEqualTo(2.0 / 3);

    Download csv = ok("/api/supervision/figures.csv" + query);
    assertThat(csv.contentType()).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
    assertThat(csv.fileName()).isEqualTo("督办统计_测试县_2026-10-01_2026-10-31.csv");
    assertThat(csv.disposition()).startsWith("attachment").contains("filename*=UTF-8''");
    assertThat(java.util.Arrays.copyOf(csv.body(), 3)).as("a byte-order mark for Excel").containsExactly(0xEF, 0xBB, 0xBF);
    List<List<String>> lines = parseCsv(csv.text().substring(1));
    assertThat(lines.get(0)).singleElement().asString().contains("测试县", "督办统计", "2026-10-01", "2026-10-31");
    assertThat(lines.get(1)).startsWith("受理量", "办结量", "办结率", "按期办结率", "超期办结量", "超期件次");
    assertThat(lines).hasSize(3);
    assertThat(lines.get(2)).containsSequence("6", "3", "50.0%", "66.7%");

    Download xlsx = ok("/api/supervision/figures.xlsx" + query);
    assertThat(xlsx.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(xlsx.fileName()).isEqualTo("督办统计_测试县_2026-10-01_2026-10-31.xlsx");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getSheetName()).isEqualTo("主要指标");
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(lines.get(0).get(0));
      assertThat(texts(sheet.getRow(1))).isEqualTo(lines.get(1));
      for (int i = 0; i < FigureTables.KEY_FIGURES.size(); i++) {
        Figure figure = FigureTables.KEY_FIGURES.get(i);
        same(figure, f.get(figure.key()), lines.get(2).get(i), sheet.getRow(2).getCell(i));
      }
    }
  }

  @Test
  void eachBreakDownInBothFilesIsTheJsonBreakDown() throws Exception {
    for (String by : List.of("TOWNSHIP", "VILLAGE", "DEPARTMENT", "KIND", "CATEGORY")) {
      String query = "?by=" + by + "&" + PERIOD + "&division=" + county;
      JsonNode rows = figuresJson("/api/supervision/breakdown" + query);
      assertThat(rows.size()).as(by).isPositive();
      Map<String, JsonNode> byKey = new HashMap<>();
      rows.forEach(r -> byKey.put(r.get("key").asText(), r));

      Download csv = ok("/api/supervision/breakdown.csv" + query);
      List<List<String>> lines = parseCsv(csv.text().substring(1));
      Download xlsx = ok("/api/supervision/breakdown.xlsx" + query);
      try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
        Sheet sheet = book.getSheetAt(0);
        assertThat(texts(sheet.getRow(1))).isEqualTo(lines.get(1));
        assertThat(lines.get(1).subList(0, 4)).as(by).containsExactly("代码", byLabel(by), "受理量", "办结量");
        assertThat(lines).as(by + ": a title, the header and a row per unit").hasSize(rows.size() + 2);
        for (int r = 0; r < rows.size(); r++) {
          List<String> line = lines.get(r + 2);
          Row row = sheet.getRow(r + 2);
          JsonNode unit = byKey.get(line.get(0));
          assertThat(unit).as(by + " " + line).isNotNull();
          assertThat(row.getCell(0).getStringCellValue()).isEqualTo(line.get(0));
          String name = row.getCell(1).getStringCellValue();
          assertThat(name).isEqualTo(by.equals("KIND") ? kindName(unit.get("key").asText()) : unit.get("name").asText());
          for (int i = 0; i < FigureTables.UNIT_FIGURES.size(); i++) {
            Figure figure = FigureTables.UNIT_FIGURES.get(i);
            same(figure, unit.get(figure.key()), line.get(i + 2), row.getCell(i + 2));
          }
        }
      }
    }
    // a township's villages
    JsonNode villages = figuresJson("/api/supervision/breakdown?by=VILLAGE&" + PERIOD + "&division=" + formulaTownship);
    List<List<String>> lines = parseCsv(ok("/api/supervision/breakdown.csv?by=VILLAGE&" + PERIOD + "&division=" + formulaTownship)
        .text().substring(1));
    assertThat(lines).hasSize(villages.size() + 2);
    assertThat(lines.stream().skip(2).map(l -> l.get(0))).containsExactlyInAnyOrder(formulaTownship + "001", formulaTownship + "002");
  }

  @Test
  void namesThatLookLikeFormulasStayText() throws Exception {
    String query = "?" + PERIOD + "&division=" + county;
    List<List<String>> townships = parseCsv(ok("/api/supervision/breakdown.csv?by=TOWNSHIP&" + query.substring(1)).text().substring(1));
    assertThat(townships.stream().skip(2).map(l -> l.get(1))).contains("'" + FORMULA_TOWNSHIP_NAME, "清河镇");
    List<List<String>> villages = parseCsv(ok("/api/supervision/breakdown.csv?by=VILLAGE&" + query.substring(1)).text().substring(1));
    assertThat(villages.stream().skip(2).map(l -> l.get(1))).contains("'+1村", "'@求和村", "'-2村", "河东村");
    // the raw text: the quoted name keeps its comma and doubled quotes inside one field
    assertThat(ok("/api/supervision/breakdown.csv?by=TOWNSHIP&" + query.substring(1)).text())
        .contains(",\"'=1+2 \"\"点我\"\",镇\",");

    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(ok("/api/supervision/breakdown.xlsx?by=VILLAGE&" + query.substring(1)).body()))) {
      Sheet sheet = book.getSheetAt(0);
      List<Cell> names = new ArrayList<>();
      for (int r = 2; r <= sheet.getLastRowNum(); r++) {
        names.add(sheet.getRow(r).getCell(1));
      }
      assertThat(names).allSatisfy(c -> assertThat(c.getCellType()).isEqualTo(CellType.STRING));
      assertThat(names).filteredOn(c -> "+-@=".indexOf(c.getStringCellValue().charAt(0)) >= 0).hasSize(3)
          .allSatisfy(c -> assertThat(c.getCellStyle().getQuotePrefixed()).as(c.getStringCellValue()).isTrue());
    }
  }

  @Test
  void englishHeadersWhenTheClientAsks() throws Exception {
    Download csv = get("admin", "/api/supervision/figures.csv?" + PERIOD + "&division=" + county, "en");
    List<List<String>> lines = parseCsv(csv.text().substring(1));
    assertThat(lines.get(1)).startsWith("Received", "Closed", "Closed rate", "On-time rate");
    assertThat(csv.fileName()).isEqualTo("supervision-figures_测试县_2026-10-01_2026-10-31.csv");
  }

  @Test
  void onlyTheAreasSupervisorsGetTheFiles() throws Exception {
    for (String path : List.of("/api/supervision/figures.csv", "/api/supervision/figures.xlsx", "/api/supervision/breakdown.csv",
        "/api/supervision/breakdown.xlsx")) {
      assertThat(get("huang.hua", path + "?period=MONTH", null).status()).as(path).isEqualTo(200);
      assertThat(get("xu.ming", path + "?division=330106002002", null).status()).as(path).isEqualTo(200);
      assertThat(get("xu.ming", path + "?division=330106003", null).status()).as(path + " another township").isEqualTo(403);
      assertThat(get("xu.ming", path + "?division=" + county, null).status()).as(path + " another county").isEqualTo(403);
      assertThat(get("wang.fang", path, null).status()).as(path + " a caseworker").isEqualTo(403);
      assertThat(get("wu.lei", path, null).status()).as(path + " a department officer").isEqualTo(403);
      assertThat(get(null, path, null).status()).as(path + " nobody signed in").isEqualTo(401);
      assertThat(get("huang.hua", path + "?period=CUSTOM&from=2026-11-30&to=2026-11-01", null).status()).isEqualTo(400);
      assertThat(get("huang.hua", path + "?division=3301", null).status()).isEqualTo(400);
    }
    assertThat(get("huang.hua", "/api/supervision/breakdown.csv?by=PLANET", null).status()).isEqualTo(400);
    Download county = get("huang.hua", "/api/supervision/breakdown.xlsx?by=TOWNSHIP&period=MONTH", null);
    assertThat(county.fileName()).startsWith("督办统计-按乡镇_青溪县_").endsWith(".xlsx");
  }

  /** The same figure in JSON, in the CSV and in the sheet: counts as numbers, rates as fractions shown as percentages. */
  static void same(Figure figure, JsonNode value, String csv, Cell cell) {
    String what = figure.key();
    if (value == null || value.isNull()) {
      assertThat(csv).as(what).isEmpty();
      assertThat(cell.getCellType()).as(what).isEqualTo(CellType.BLANK);
      return;
    }
    assertThat(cell.getCellType()).as(what).isEqualTo(CellType.NUMERIC);
    String shown = new DataFormatter(Locale.ROOT).formatCellValue(cell);
    switch (figure.name()) {
      case "CLOSED_RATE", "ON_TIME_RATE", "SATISFACTION_RATE", "REOPEN_RATE" -> {
        assertThat(cell.getNumericCellValue()).as(what).isEqualTo(value.asDouble());
        assertThat(cell.getCellStyle().getDataFormatString()).as(what).isEqualTo("0.0%");
        assertThat(csv).as(what).isEqualTo(String.format(Locale.ROOT, "%.1f%%", value.asDouble() * 100)).isEqualTo(shown);
      }
      case "AVERAGE_HANDLING_HOURS" -> {
        assertThat(cell.getNumericCellValue()).as(what).isEqualTo(value.asDouble());
        assertThat(csv).as(what).isEqualTo(String.format(Locale.ROOT, "%.1f", value.asDouble())).isEqualTo(shown);
      }
      default -> {
        assertThat(cell.getNumericCellValue()).as(what).isEqualTo((double) value.asLong());
        assertThat(csv).as(what).isEqualTo(Long.toString(value.asLong())).isEqualTo(shown);
      }
    }
  }

  static String byLabel(String by) {
    return Map.of("TOWNSHIP", "乡镇", "VILLAGE", "村社区", "DEPARTMENT", "部门", "KIND", "案件类型", "CATEGORY", "类别").get(by);
  }

  static String kindName(String kind) {
    return Map.of("REQUEST", "民呼我为", "ASSISTANCE", "社会救助", "EMERGENCY", "突发事件").getOrDefault(kind, kind);
  }

  static List<String> texts(Row row) {
    List<String> out = new ArrayList<>();
    row.forEach(c -> out.add(c.getStringCellValue()));
    return out;
  }

  /** RFC 4180, as a spreadsheet reads it: quoted fields may hold commas, doubled quotes and line breaks. */
  static List<List<String>> parseCsv(String text) {
    List<List<String>> lines = new ArrayList<>();
    List<String> line = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        line.add(field.toString());
        field.setLength(0);
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        line.add(field.toString());
        field.setLength(0);
        lines.add(line);
        line = new ArrayList<>();
        i++;
      } else {
        field.append(c);
      }
    }
    assertThat(field.toString()).as("the last record ends with CRLF").isEmpty();
    assertThat(line).isEmpty();
    return lines;
  }
}
