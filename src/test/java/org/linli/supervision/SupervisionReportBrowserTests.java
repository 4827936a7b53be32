package org.linli.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.linli.support.BrowserTestSupport;
import org.linli.support.LinliIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 督办月报 in Chromium: at a desk, and as printed on A4 (print media: no top bar or tools, the
 * tables whole rows to a page); screenshots and the printed PDF in target/screenshots.
 */
@LinliIntegrationTest
class SupervisionReportBrowserTests extends BrowserTestSupport {

  static final List<String> VILLAGES = List.of("330106001001", "330106001002", "330106001003", "330106002001", "330106002002",
      "330106002003", "330106003001", "330106003002");
  static final List<String> DEPARTMENTS = List.of("mz", "zj", "wj", "cg");

  @Autowired JdbcClient jdbc;
  @Autowired SupervisionFigures figures;

  /** A month of the demo county's closed work in August 2026, a month no other test uses. */
  void august() {
    SyntheticCases cases = new SyntheticCases(jdbc, "BR" + Math.floorMod(System.nanoTime(), 100000));
    Random r = new Random(8);
    for (int i = 0; i < 60; i++) {
      String village = VILLAGES.get(r.nextInt(VILLAGES.size()));
      String department = r.nextInt(4) == 0 ? null : DEPARTMENTS.get(r.nextInt(DEPARTMENTS.size()));
      int day = 3 + r.nextInt(20);
      boolean late = r.nextInt(5) == 0;
      String opened = String.format("2026-08-%02dT%02d:00", day, 8 + r.nextInt(9));
      String closed = String.format("2026-08-%02dT16:00", day + 1 + r.nextInt(5));
      String due = String.format("2026-08-%02dT17:30", day + (late ? 1 : 6));
      String rating = List.of("SATISFIED", "BASICALLY_SATISFIED", "NOT_SATISFIED: 还是不亮").get(r.nextInt(3));
      if (r.nextInt(4) == 0) {
        cases.insert(i, village, department, "REQUEST", "CLOSED", opened, closed, due, null, "GREEN", late,
            "CREATED " + opened, "RETURNED " + opened.replace("T", "T").substring(0, 11) + "18:00", "URGED " + closed);
      } else {
        cases.insert(i, village, department, r.nextBoolean() ? "REQUEST" : "ASSISTANCE", "CLOSED", opened, closed, due, null, "GREEN",
            late, "CREATED " + opened, "RATED " + closed.substring(0, 11) + "18:00 " + rating);
      }
    }
    figures.refresh(LocalDate.parse("2026-08-01"), LocalDate.parse("2026-08-31"));
  }

  @Test
  void theMonthlyReportAtADeskAndOnA4() throws Exception {
    august();
    login("huang.hua");
    browser.manage().window().setSize(new Dimension(1440, 1800));
    open("/supervision/report?month=2026-08");
    waiting().until(d -> text().contains("各部门情况"));
    assertThat(text()).contains("青溪县 督办月报", "2026年8月", "桃源镇", "云岭乡", "民政局");
    assertThat(find(".topbar").isDisplayed()).isTrue();
    shot("supervision-report-desk");

    // print: the page's print styles at the width of A4 between its margins (182 mm at 96 dpi)
    ChromeDriver chrome = (ChromeDriver) browser;
    chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    browser.manage().window().setSize(new Dimension(700, 2400));
    waiting().until(d -> !d.findElement(By.cssSelector(".topbar")).isDisplayed());
    assertThat(find(".report-tools").isDisplayed()).isFalse();
    assertThat(find("#report-area").isDisplayed()).isTrue();
    shot("supervision-report-print");
    Object tableFits = ((JavascriptExecutor) browser).executeScript(
        "return [...document.querySelectorAll('table.figures')].every(t => t.scrollWidth <= t.parentElement.clientWidth + 1)");
    assertThat(tableFits).as("the tables fit the width of an A4 page").isEqualTo(true);

    // and the PDF Chromium prints: A4, with the area and month in each page's margin
    @SuppressWarnings("unchecked")
    Map<String, Object> pdf = chrome.executeCdpCommand("Page.printToPDF", Map.of("preferCSSPageSize", true, "printBackground", true,
        "displayHeaderFooter", false));
    byte[] bytes = Base64.getDecoder().decode((String) pdf.get("data"));
    Files.write(SHOTS.resolve("supervision-report.pdf"), bytes);
    String raw = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(raw.startsWith("%PDF")).as("a PDF").isTrue();
    // A4 is 210 × 297 mm: 595 × 842 points
    java.util.regex.Matcher box = java.util.regex.Pattern.compile("/MediaBox \\[0 0 ([\\d.]+) ([\\d.]+)]").matcher(raw);
    int pages = 0;
    while (box.find()) {
      pages++;
      assertThat(Math.round(Double.parseDouble(box.group(1)))).isEqualTo(595);
      assertThat(Math.round(Double.parseDouble(box.group(2)))).isEqualTo(842);
    }
    assertThat(pages).as("pages").isPositive();
    chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));

    // the English report
    browser.manage().window().setSize(new Dimension(1440, 1800));
    open("/supervision/report?month=2026-08&lang=en");
    waiting().until(d -> text().contains("By department"));
    assertThat(text()).contains("Monthly supervision report", "August 2026", "Key figures").doesNotContain("督办月报");
    shot("supervision-report-en");
    open("/supervision/report?lang=zh");
    browser.manage().window().setSize(new Dimension(1440, 960));
  }
}
