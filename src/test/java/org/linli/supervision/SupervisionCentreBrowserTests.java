package org.linli.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linli.calendar.WorkingCalendar;
import org.linli.request.Channel;
import org.linli.request.IntakeForm;
import org.linli.request.RequestIntake;
import org.linli.support.BrowserTestSupport;
import org.linli.support.DemoUsers;
import org.linli.support.LinliIntegrationTest;
import org.linli.tasklist.StepInput;
import org.linli.system.EngineClock;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A county supervisor's morning: the supervision centre from the top bar, drilled from the county to
 * a township and a village, a number followed to the cases behind it and one of them opened; at a
 * desk and on a phone, with the charts and the diagram drawn.
 */
@LinliIntegrationTest
class SupervisionCentreBrowserTests extends BrowserTestSupport {

  static final List<String> VILLAGES = List.of("330106002001", "330106002002", "330106002003", "330106001001", "330106003001");

  @Autowired RequestIntake intake;
  @Autowired DemoUsers users;
  @Autowired SupervisionFigures figures;
  @Autowired WorkingCalendar calendar;
  @Autowired JdbcClient jdbc;
  @Autowired org.linli.casefile.CaseFiles cases;
  @Autowired org.linli.tasklist.TaskActions tasks;

  /** A month of work in the county: opened over the last weeks, some closed, some late, some red now. */
  void aMonthOfWork() {
    Instant now = EngineClock.now();
    for (int i = 0; i < 24; i++) {
      String number = intake.submitByStaff(new IntakeForm(List.of("streetlight", "sanitation", "water", "fire_hazard").get(i % 4), null,
          "村口路灯不亮第" + (i + 1) + "处，晚上出行不便", VILLAGES.get(i % VILLAGES.size()), "村口", null, null, "张三",
          String.format("139000066%02d", i), null, Channel.HOTLINE, null), users.get("huang.hua")).caseNumber();
      Instant opened = now.minus(Duration.ofHours(7L * i + 2));
      jdbc.sql("update case_file set opened_at = ? where case_number = ?").params(Timestamp.from(opened), number).update();
      jdbc.sql("update case_event set occurred_at = ? where type = 'CREATED' and case_id = (select id from case_file where case_number = ?)")
          .params(Timestamp.from(opened), number).update();
      if (i % 3 == 1) {
        jdbc.sql("update case_file set status = 'CLOSED', closed_at = ?, current_step = null, current_step_name = null, step_due = null where case_number = ?")
            .params(Timestamp.from(opened.plus(Duration.ofHours(20))), number).update();
      } else if (i % 4 == 0) {
        jdbc.sql("update case_file set ever_overdue = true, deadline_state = 'RED', step_due = ? where case_number = ?")
            .params(Timestamp.from(now.minus(Duration.ofHours(i + 3))), number).update();
        jdbc.sql("update case_task set due_at = ? where case_id = (select id from case_file where case_number = ?)")
            .params(Timestamp.from(now.minus(Duration.ofHours(i + 3))), number).update();
        jdbc.sql("insert into case_event (case_id, type, occurred_at) select id, 'OVERDUE', ? from case_file where case_number = ?")
            .params(Timestamp.from(opened.plus(Duration.ofHours(30))), number).update();
      } else if (i == 5) {
        // signed for by 桃源村 through the engine, the step having opened with the case: its time goes on the diagram
        jdbc.sql("update case_task set created_at = ? where case_id = (select id from case_file where case_number = ?)")
            .params(Timestamp.from(opened), number).update();
        String task = cases.openTasks(cases.byNumber(number).orElseThrow().id()).get(0).taskId();
        tasks.complete(users.get("wang.fang"), task, new StepInput(org.linli.request.RequestProcess.SIGN, null, null, null, null, null));
      }
    }
    figures.refresh(calendar.today().minusDays(40), calendar.today());
  }

  void phone(boolean on) {
    ChromeDriver chrome = (ChromeDriver) browser;
    if (on) {
      chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
          Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
    } else {
      chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
          Map.of("width", 1280, "height", 900, "deviceScaleFactor", 1, "mobile", false));
    }
  }

  /** The whole page, beyond the window, to look at: in parts of at most 1600 px, so that each can be read. */
  void fullShot(String name) throws Exception {
    Number width = (Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.clientWidth");
    int height = ((Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight")).intValue();
    for (int part = 0, y = 0; y < height; part++, y += 1600) {
      @SuppressWarnings("unchecked")
      Map<String, Object> shot = ((ChromeDriver) browser).executeCdpCommand("Page.captureScreenshot", Map.of(
          "captureBeyondViewport", true,
          "clip", Map.of("x", 0, "y", y, "width", width, "height", Math.min(1600, height - y), "scale", 1)));
      Files.write(SHOTS.resolve(name + "-" + (part + 1) + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }
  }

  String crumbs() {
    return find("#crumbs").getText().replaceAll("\\s+", " ").strip();
  }

  void chartsDrawn() {
    waiting().until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
        "return !!document.querySelector('#trend-chart canvas') && !!document.querySelector('#ageing-chart canvas')"
            + " && !!document.querySelector('#waiting-diagram svg')"));
  }

  /** Nothing sticks out sideways: the page is as wide as the window. */
  void nothingOverflows(String where) {
    Number overflow = (Number) ((JavascriptExecutor) browser).executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
    assertThat(overflow.intValue()).as(where + " wider than the window").isLessThanOrEqualTo(0);
  }

  @Test
  void aSupervisorDrillsFromTheCountyToAVillageAndFollowsANumberToItsCases() throws Exception {
    aMonthOfWork();
    phone(false);
    login("huang.hua");
    topLink("/supervision");
    waiting().until(ExpectedConditions.urlContains("/supervision"));
    find("#period-WEEK").click();
    waiting().until(ExpectedConditions.urlContains("period=WEEK"));
    // the last four weeks, as a custom period (the date pickers speak the browser's language: set their values)
    ((JavascriptExecutor) browser).executeScript("document.getElementById('period-from').value = arguments[0];"
        + " document.getElementById('period-to').value = arguments[1];",
        calendar.today().minusDays(27).toString(), calendar.today().toString());
    find("#period-apply").click();
    waiting().until(ExpectedConditions.urlContains("period=CUSTOM"));
    chartsDrawn();
    assertThat(crumbs()).isEqualTo("青溪县");
    assertThat(text()).contains("受理量", "按期办结率", "满意率", "各乡镇（街道）", "红黑榜", "超期最久的在办案件", "数据更新于");
    // the diagram carries the area's counts on its steps, overdue in red
    waiting().until(d -> !d.findElements(By.cssSelector("#waiting-diagram a.linli-badge.open")).isEmpty());
    assertThat(find("#waiting-diagram a.linli-badge.overdue").getText()).as("the overdue steps in red").isNotEqualTo("0");
    assertThat(find("#waiting-diagram a.linli-badge.overdue").getAttribute("href")).contains("step=", "overdue=true");
    // and the average time the steps completed in the period took, under the step and in the table
    assertThat(find("#waiting-diagram a.linli-badge.average").getText()).matches("平均 \\d+\\.\\d 工时");
    assertThat(find("tr[data-activity='Task_SignRequest'] a.average").getText()).matches("\\d+\\.\\d");
    shot("supervision-county");
    fullShot("supervision-county-full");
    nothingOverflows("the county");

    // county → township → village, and back up by the breadcrumbs
    find("#table-places a.drill[href*='division=330106002']").click();
    waiting().until(ExpectedConditions.urlContains("division=330106002"));
    assertThat(browser.getCurrentUrl()).contains("period=CUSTOM", "from=" + calendar.today().minusDays(27));
    assertThat(crumbs()).isEqualTo("青溪县 › 桃源镇");
    assertThat(find("#table-places h2").getText()).isEqualTo("各村（社区）");
    chartsDrawn();
    fullShot("supervision-township-full");
    find("#table-places a.drill[href*='division=330106002001']").click();
    waiting().until(ExpectedConditions.urlContains("division=330106002001"));
    assertThat(crumbs()).isEqualTo("青溪县 › 桃源镇 › 桃源村");
    assertThat(browser.findElements(By.id("table-places"))).as("a village has no places under it").isEmpty();
    chartsDrawn();
    shot("supervision-village");
    find("#crumbs a[href*='division=330106002']").click();
    waiting().until(d -> crumbs().equals("青溪县 › 桃源镇"));
    find("#table-places a.drill[href*='division=330106002001']").click();
    waiting().until(ExpectedConditions.urlContains("division=330106002001"));

    // a number to the cases behind it, and one of them opened
    WebElement received = find("#tile-received a.tile-value");
    String count = received.findElement(By.tagName("b")).getText();
    assertThat(Integer.parseInt(count)).isPositive();
    received.click();
    waiting().until(ExpectedConditions.urlContains("/cases/search"));
    assertThat(browser.getCurrentUrl()).contains("division=330106002001", "dated=CREATED");
    assertThat(find("#found-total").getText()).isEqualTo("共 " + count + " 件");
    assertThat(find("#more-filters").getAttribute("open")).as("the conditions it lists by are shown").isNotNull();
    assertThat(new org.openqa.selenium.support.ui.Select(find("#search-division")).getFirstSelectedOption().getText()).isEqualTo("桃源村");
    shot("supervision-cases");
    String number = find("table.found a.case-link").getText();
    find("table.found a.case-link").click();
    waiting().until(ExpectedConditions.urlContains("/cases/" + number));
    assertThat(text()).contains(number, "桃源村");

    // the 红黑榜 of townships shows a township's cards beside its figures
    jdbc.sql("insert into supervision_card (colour, county_code, township_code, division_code, reason, issued_by, issued_at)"
        + " values ('YELLOW', '330106', '330106002', '330106002', '分派超期', 'huang.hua', ?)").param(Timestamp.from(EngineClock.now()))
        .update();
    open("/supervision?rank=TOWNSHIP&period=CUSTOM&from=" + calendar.today().minusDays(27) + "&to=" + calendar.today());
    chartsDrawn();
    assertThat(find("#rankings .rank-cards .chip.yellow").getText()).startsWith("黄牌 ");
    ((JavascriptExecutor) browser).executeScript("document.getElementById('rankings').scrollIntoView()");
    shot("supervision-rankings-cards");

    // an ageing bar's number to the open cases it counts
    open("/supervision?division=330106002");
    chartsDrawn();
    WebElement bar = find("#ageing-links a");
    String barCount = bar.getText().substring(bar.getText().indexOf('：') + 1);
    bar.click();
    waiting().until(ExpectedConditions.urlContains("openedAfter="));
    assertThat(browser.getCurrentUrl()).contains("division=330106002", "status=OPEN");
    // counted by the figures job; listed now, less what the suite's other cases closed since
    long listed = Long.parseLong(barCount) - CountedOpen.closedSince(jdbc, browser.getCurrentUrl());
    assertThat(find("#found-total").getText()).isEqualTo("共 " + listed + " 件");
    assertThat(find("#search-opened").getText()).contains("受理于");
    shot("supervision-ageing-cases");

    // the same on a phone: tiles two a row, tables as labelled cards, the charts as wide as the screen
    phone(true);
    open("/supervision?period=CUSTOM&from=" + calendar.today().minusDays(27) + "&to=" + calendar.today());
    chartsDrawn();
    nothingOverflows("the county on a phone");
    Number chartWidth = (Number) ((JavascriptExecutor) browser).executeScript(
        "return document.querySelector('#trend-chart canvas').getBoundingClientRect().width");
    assertThat(chartWidth.intValue()).as("the trend chart fits the phone").isBetween(300, 390);
    assertThat(find("#table-places td.num").getAttribute("data-label")).isEqualTo("受理");
    // the diagram's labels are read on a phone, and tapped in the table under it
    waiting().until(d -> !d.findElements(By.cssSelector("#waiting-diagram span.linli-badge.average")).isEmpty());
    shot("supervision-county-phone");
    open("/supervision?rank=TOWNSHIP&period=CUSTOM&from=" + calendar.today().minusDays(27) + "&to=" + calendar.today());
    ((JavascriptExecutor) browser).executeScript("document.getElementById('rankings').scrollIntoView()");
    shot("supervision-rankings-cards-phone");
    fullShot("supervision-county-phone-full");
    find("#table-places a.drill[href*='division=330106002']").click();
    waiting().until(ExpectedConditions.urlContains("division=330106002"));
    chartsDrawn();
    nothingOverflows("the township on a phone");
    shot("supervision-township-phone");
    open("/cases/search?division=330106002&status=OPEN&state=RED");
    fullShot("supervision-cases-phone-full");

    // in English, one language too
    phone(false);
    open("/supervision?lang=en&division=330106002");
    chartsDrawn();
    assertThat(text()).contains("Supervision centre", "Key figures", "By village").doesNotContain("受理量", "红黑榜");
    waiting().until(d -> !d.findElements(By.cssSelector("#waiting-diagram a.linli-badge.average")).isEmpty());
    assertThat(find("#waiting-diagram a.linli-badge.average").getText()).matches("⌀ \\d+\\.\\d h");
    fullShot("supervision-township-en");
    open("/supervision?lang=zh");
    ((ChromeDriver) browser).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
  }
}
