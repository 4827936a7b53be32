package org.linli.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Date;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.linli.calendar.WorkingCalendar;
import org.linli.request.Channel;
import org.linli.request.IntakeForm;
import org.linli.request.RequestIntake;
import org.linli.support.DemoUsers;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.ShanghaiTime;
import org.linli.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ContentDisposition;

/** 督办月报 over HTTP: the month's figures as the API gives them, for the area's supervisors only. */
@LinliIntegrationTest
class SupervisionReportPageTests {

  @LocalServerPort int port;
  @Autowired RequestIntake intake;
  @Autowired DemoUsers users;
  @Autowired SupervisionFigures figures;
  @Autowired WorkingCalendar calendar;
  final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  WebSession signedIn(String user) {
    WebSession s = WebSession.on(port);
    s.login(user, "demo");
    return s;
  }

  @Test
  void aSupervisorReadsTheMonthOfHisAreaAsTheApiCountsIt() throws Exception {
    ClockUtil.setCurrentTime(Date.from(ShanghaiTime.at("2026-10-15T10:00")));
    intake.submitByStaff(new IntakeForm("streetlight", null, "路灯不亮了，晚上出行很不方便", "330106002002", "村口", null, null, "张三",
        "13900001111", null, Channel.HOTLINE, null), users.get("huang.hua"));
    ClockUtil.reset();
    figures.refresh(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-31"));
    JsonNode month = json.readTree(WebSession.on(port).basic("huang.hua", "demo")
        .get("/api/supervision/figures?period=CUSTOM&from=2026-10-01&to=2026-10-31").body());

    WebSession county = signedIn("huang.hua");
    WebSession.Reply page = county.get("/supervision/report?month=2026-10");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("青溪县", "督办月报", "2026年10月", "统计期间 2026-10-01 至 2026-10-31", "主要指标", "受理量",
        "各乡镇（街道）情况", "各部门情况", "桃源镇", "制表 黄华");
    // the received tile holds the API's figure; the print margins name area and month
    assertThat(page.body()).containsPattern("<dt>受理量</dt>\\s*<dd>" + month.get("received").asLong() + "</dd>");
    assertThat(page.body()).contains("@page", "@top-left { content: \"青溪县 督办月报 · 2026年10月\"");

    // a township's supervisor reads his villages; in English on request
    WebSession township = signedIn("xu.ming");
    String villages = township.get("/supervision/report?month=2026-10").body();
    assertThat(villages).contains("桃源镇", "各村（社区）情况", "杏花村").doesNotContain("青溪街道");
    assertThat(township.get("/supervision/report?month=2026-10&lang=en").body())
        .contains("Monthly supervision report", "Key figures", "By village", "October 2026");
    String village = township.get("/supervision/report?month=2026-10&division=330106002002&lang=zh").body();
    assertThat(village).contains("杏花村 督办月报", "href=\"/supervision/report?month=2026-09&amp;division=330106002002\"",
        "href=\"/supervision/report.xlsx?month=2026-10&amp;division=330106002002\"");
    assertThat(villages).contains("href=\"/supervision/report?month=2026-09\"", "href=\"/supervision/report?month=2026-11\"");

    // this month without a month; no month to come, nothing that is not a month
    assertThat(county.get("/supervision/report").body()).contains("统计期间 " + YearMonth.from(calendar.today()).atDay(1));
    assertThat(county.get("/supervision/report?month=2099-01").status()).isEqualTo(400);
    assertThat(county.get("/supervision/report?month=2026-13").status()).isEqualTo(400);
    assertThat(county.get("/supervision/report?division=33").status()).isEqualTo(400);
  }

  @Test
  void theMonthAsAWorkbookHasItsThreeTables() throws Exception {
    WebSession county = signedIn("huang.hua");
    HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/supervision/report.xlsx?month=2026-10"))
        .header("Cookie", "JSESSIONID=" + county.cookie("JSESSIONID")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(ContentDisposition.parse(r.headers().firstValue("Content-Disposition").orElseThrow()).getFilename())
        .isEqualTo("督办月报_青溪县_2026-10-01_2026-10-31.xlsx");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
      assertThat(book.getNumberOfSheets()).isEqualTo(3);
      assertThat(book.getSheetName(0)).isEqualTo("主要指标");
      assertThat(book.getSheetName(1)).isEqualTo("按乡镇");
      assertThat(book.getSheetName(2)).isEqualTo("按部门");
      assertThat(book.getSheetAt(1).getRow(0).getCell(0).getStringCellValue()).contains("青溪县", "2026-10-01", "2026-10-31");
    }
  }

  @Test
  void noOneButTheAreasSupervisorsSeesIt() {
    assertThat(signedIn("wang.fang").get("/supervision/report").status()).isEqualTo(403);
    assertThat(signedIn("wu.lei").get("/supervision/report.xlsx").status()).isEqualTo(403);
    assertThat(signedIn("xu.ming").get("/supervision/report?division=330106003").status()).as("another township").isEqualTo(403);
    assertThat(signedIn("xu.ming").get("/supervision/report.xlsx?division=330106").status()).as("the county above").isEqualTo(403);
    WebSession.Reply anonymous = WebSession.on(port).get("/supervision/report");
    assertThat(anonymous.status()).isEqualTo(302);
    assertThat(anonymous.location()).endsWith("/login");
    assertThat(WebSession.on(port).get("/supervision/report.xlsx").location()).endsWith("/login");
    assertThat(signedIn("admin").get("/supervision/report").status()).as("the administrator sees all areas").isEqualTo(200);
  }
}
