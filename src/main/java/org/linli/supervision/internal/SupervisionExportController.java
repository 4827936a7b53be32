package org.linli.supervision.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.linli.security.LinliUser;
import org.linli.supervision.Breakdown;
import org.linli.supervision.Period;
import org.linli.supervision.SupervisionAccess.PeriodName;
import org.linli.supervision.SupervisionFigures;
import org.linli.supervision.internal.FigureTables.Table;
import org.linli.system.Bilingual;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The figures of {@code /api/supervision/figures} and {@code /breakdown} as files to download: the
 * same users, area and period rules and parameters, the format named by the path's ending. Headers
 * in Chinese unless the client asks for English (Accept-Language).
 */
@RestController
@RequestMapping({"/api/supervision", "/supervision"}) // the API by Basic, and the centre page's links on its session
@Tag(name = "Supervision")
class SupervisionExportController {

  private final SupervisionFigures figures;
  private final FigureRequests access;
  private final ReportTables tables;

  SupervisionExportController(SupervisionFigures figures, FigureRequests access, ReportTables tables) {
    this.figures = figures;
    this.access = access;
    this.tables = tables;
  }

  @GetMapping("/figures.csv")
  @Operation(summary = "The key figures as CSV (UTF-8 with BOM): a title row, the labels, the figures",
      responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv")))
  ResponseEntity<byte[]> figuresCsv(
      @RequestParam(defaultValue = "TODAY") PeriodName period,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) @Parameter(description = "a township or village of your area") String division,
      @RequestHeader(name = "Accept-Language", required = false) String language) {
    Export e = keyFigures(period, from, to, division, language);
    return file(SheetWriter.csv(e.table()), SheetWriter.CSV, e.fileName() + ".csv");
  }

  @GetMapping("/figures.xlsx")
  @Operation(summary = "The key figures as an Excel workbook (.xlsx)",
      responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = SheetWriter.XLSX)))
  ResponseEntity<byte[]> figuresXlsx(
      @RequestParam(defaultValue = "TODAY") PeriodName period,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) @Parameter(description = "a township or village of your area") String division,
      @RequestHeader(name = "Accept-Language", required = false) String language) {
    Export e = keyFigures(period, from, to, division, language);
    return file(SheetWriter.xlsx(List.of(e.table())), SheetWriter.XLSX, e.fileName() + ".xlsx");
  }

  @GetMapping("/breakdown.csv")
  @Operation(summary = "A break-down as CSV (UTF-8 with BOM): a title row, the labels, a row per unit",
      responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv")))
  ResponseEntity<byte[]> breakdownCsv(
      @RequestParam(defaultValue = "TOWNSHIP") Breakdown.By by,
      @RequestParam(defaultValue = "TODAY") PeriodName period,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) @Parameter(description = "a township or village of your area") String division,
      @RequestHeader(name = "Accept-Language", required = false) String language) {
    Export e = breakdown(by, period, from, to, division, language);
    return file(SheetWriter.csv(e.table()), SheetWriter.CSV, e.fileName() + ".csv");
  }

  @GetMapping("/breakdown.xlsx")
  @Operation(summary = "A break-down as an Excel workbook (.xlsx)",
      responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = SheetWriter.XLSX)))
  ResponseEntity<byte[]> breakdownXlsx(
      @RequestParam(defaultValue = "TOWNSHIP") Breakdown.By by,
      @RequestParam(defaultValue = "TODAY") PeriodName period,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) @Parameter(description = "a township or village of your area") String division,
      @RequestHeader(name = "Accept-Language", required = false) String language) {
    Export e = breakdown(by, period, from, to, division, language);
    return file(SheetWriter.xlsx(List.of(e.table())), SheetWriter.XLSX, e.fileName() + ".xlsx");
  }

  /** A table and the name of its file. */
  private record Export(Table table, String fileName) {}

  private Export keyFigures(PeriodName name, LocalDate from, LocalDate to, String division, String language) {
    LinliUser user = access.supervisor();
    Period period = access.period(name, from, to);
    Locale locale = locale(language);
    String area = access.areaName(user, division, locale);
    return new Export(tables.keyFigures(figures.keyFigures(access.area(user, division), period), area, locale),
        tables.fileName(area, period, null, locale));
  }

  private Export breakdown(Breakdown.By by, PeriodName name, LocalDate from, LocalDate to, String division,
      String language) {
    LinliUser user = access.supervisor();
    Period period = access.period(name, from, to);
    Locale locale = locale(language);
    List<Breakdown> units = figures.breakdown(access.area(user, division), period, by, FigureRequests.township(division));
    String area = access.areaName(user, division, locale);
    return new Export(tables.breakdown(by, units, period, area, locale), tables.fileName(area, period, by, locale));
  }

  /** Chinese, the service's language, unless the client asks for English. */
  private static Locale locale(String acceptLanguage) {
    return Bilingual.named(acceptLanguage).orElse(Locale.SIMPLIFIED_CHINESE);
  }

  /** The file to download, its name in UTF-8 (RFC 5987) with a plain fallback for old clients. */
  static ResponseEntity<byte[]> file(byte[] bytes, String type, String fileName) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(type))
        .header("Content-Disposition", ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "no-store")
        .body(bytes);
  }
}
