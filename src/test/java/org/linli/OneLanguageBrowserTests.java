package org.linli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.linli.request.Channel;
import org.linli.request.IntakeForm;
import org.linli.request.RequestIntake;
import org.linli.support.BrowserTestSupport;
import org.linli.support.DemoUsers;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.WebSession;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A Chinese screen speaks Chinese: the main pages of each role, with their step forms drawn by form-js
 * and the errors of form-js and of the server, show no English word outside a short list of terms.
 */
@LinliIntegrationTest
class OneLanguageBrowserTests extends BrowserTestSupport {

  /**
   * Latin words a Chinese screen may show: the language switch, bpmn.io's watermark (its licence keeps it),
   * file types and sizes (XLSX: the monthly report's download), the levels I–IV and the case numbers' prefixes.
   */
  static final Set<String> ALLOWED = Set.of("English", "bpmn", "io", "JPG", "PNG", "WebP", "WEBP", "PDF", "MB", "II", "III", "IV",
      "MH", "JZ", "YJ", "FH", "XC", "XLSX");
  static final Pattern WORD = Pattern.compile("(?<![A-Za-z0-9])[A-Za-z]{2,}(?![A-Za-z0-9])");

  @Autowired RequestIntake intake;
  @Autowired DemoUsers users;
  @Autowired org.camunda.bpm.engine.ManagementService management;
  @Autowired org.linli.casefile.CaseFiles cases;
  @LocalServerPort int port;

  /** What a reader sees of the page: its text, and the placeholders and labels of its controls. */
  String seen() {
    return (String) ((JavascriptExecutor) browser).executeScript("""
        const shown = (el) => el.offsetParent !== null || el.getClientRects().length > 0;
        const parts = [document.body.innerText, document.title];
        document.querySelectorAll('[placeholder], [aria-label]').forEach((el) => {
          if (shown(el)) parts.push(el.getAttribute('placeholder') || '', el.getAttribute('aria-label') || '');
        });
        return parts.join('\\n');""");
  }

  void english(String where, List<String> found) {
    Matcher m = WORD.matcher(seen());
    while (m.find()) {
      if (!ALLOWED.contains(m.group())) {
        found.add(where + ": " + m.group());
      }
    }
  }

  void visit(String path, List<String> found) {
    open(path);
    waiting().until(d -> !text().isBlank());
    if (has(".step-form")) {
      stepForm();
    }
    if (has("#sv-charts")) {
      // the supervision centre's charts and its diagram, with the counts on the steps
      waiting().until(d -> has("#trend-chart canvas") && has("#ageing-chart canvas")
          && (has("#waiting-diagram svg") || has("#waiting-diagram .linli-message")));
    }
    if (has("#diagram")) {
      waiting().until(d -> !d.findElements(By.cssSelector("#diagram svg, #diagram .linli-message")).isEmpty()
          || !d.findElement(By.id("diagram")).isDisplayed());
    }
    english(path, found);
  }

  /** Whether the page has the element now (findElements would wait the driver's implicit time for none). */
  boolean has(String css) {
    return (Boolean) ((JavascriptExecutor) browser).executeScript("return document.querySelector(arguments[0]) !== null", css);
  }

  static final Pattern NUMBER = Pattern.compile("\"caseNumber\"\\s*:\\s*\"([A-Z]+\\d{4}-\\d{6})\"");

  String created(WebSession.Reply r) {
    Matcher m = NUMBER.matcher(r.body());
    assertThat(m.find()).as(r.body()).isTrue();
    return m.group(1);
  }

  @Test
  void chinesePagesOfEveryRoleShowNoEnglishAndErrorsComeInChinese() throws Exception {
    String request = intake.submitByStaff(new IntakeForm("streetlight", null, "村口路灯坏了三天", "330106002001", "村口", null, null,
        "张三", "13900001111", null, Channel.HOTLINE, null), users.get("liu.yang")).caseNumber();
    String emergency = created(WebSession.on(port).basic("li.qiang", "demo").json("POST", "/api/emergency/incidents", """
        {"type":"ACCIDENT","subtype":"FIRE","divisionCode":"330106002001","location":"桃源村3组仓库",
         "occurredAt":"2026-11-30T02:10:00Z","description":"村民仓库起火，火势已得到控制"}"""));
    String assistance = created(WebSession.on(port).basic("wang.fang", "demo").json("POST", "/api/assistance/applications", """
        {"programme":"DIBAO","divisionCode":"330106002001","channel":"APPLICANT_WITH_CASEWORKER",
         "reason":"丈夫因病失去主要劳动能力，家庭收入微薄，孩子在读。","applicantPhone":"13900001111",
         "members":[{"name":"钱多多","idNumber":"330106197504121239","relation":"SELF","birthDate":"1975-04-12",
           "disabilityGrade":0,"employment":"UNEMPLOYED","monthlyIncome":300}],
         "assets":{"dwellings":1,"housingArea":60.00,"vehicles":0,"vehicleValue":0,"savings":500.00,"business":false}}"""));

    // a request of 桃源村 whose sign-for ran overdue, for the cards page to offer
    String overdue = intake.submitByStaff(new IntakeForm("streetlight", null, "村口路灯坏了一个星期", "330106002001", "村口", null,
        null, "李四", "13900002222", null, Channel.HOTLINE, null), users.get("liu.yang")).caseNumber();
    var job = management.createJobQuery()
        .processInstanceId(cases.byNumber(overdue).orElseThrow().processInstanceId()).activityId("Timer_SignOverdue").singleResult();
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(job.getDuedate());
    try {
      management.executeJob(job.getId());
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }

    List<String> found = new ArrayList<>();
    browser.manage().deleteAllCookies();
    for (String path : List.of("/portal?lang=zh", "/portal/requests/new", "/portal/follow", "/login")) {
      visit(path, found);
    }
    login("wang.fang");
    for (String path : List.of("/tasks", "/tasks?queue=AREA", "/assistance/apply", "/emergency/report", "/cases/" + request,
        "/cases/" + assistance, "/cases/" + emergency)) {
      visit(path, found);
    }
    login("liu.yang");
    for (String path : List.of("/tasks?queue=GROUP", "/emergency/hazards", "/cases/" + emergency, "/cases/" + assistance,
        "/emergency/" + emergency + "/level")) {
      visit(path, found);
    }
    login("li.qiang");
    for (String path : List.of("/requests/report", "/tasks/done", "/cases/search?q=" + request)) {
      visit(path, found);
    }
    // the township's supervisor: the area list with its urging, the case page's urging, the cards page with a unit picked
    login("xu.ming");
    for (String path : List.of("/tasks?queue=AREA", "/cases/" + request, "/supervision/cards",
        "/supervision/cards?unit=330106002001")) {
      visit(path, found);
    }
    // a refused urging and a refused card speak Chinese too
    open("/cases/" + request);
    find("#urge-submit").click();
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("urge-error")));
    english("refused urging", found);
    open("/supervision/cards?unit=330106002001");
    find("#card-submit").click();
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("card-errors")));
    english("refused card", found);
    login("lin.hai");
    visit("/supervision/cards", found);
    login("huang.hua");
    for (String path : List.of("/supervision/report", "/supervision/report?month=2026-10&division=330106002",
        "/supervision", "/supervision?division=330106002&period=WEEK",
        "/supervision?division=330106002001&process=EMERGENCY", "/cases/search?division=330106002&dated=CREATED&from=2026-11-01&to="
            + java.time.LocalDate.now().plusDays(1), "/tasks?queue=AREA&kind=REQUEST&step=Task_SignRequest")) {
      visit(path, found);
    }
    assertThat(found).as("English words on Chinese pages").isEmpty();

    // form-js's own check, then the server's, each in Chinese only
    login("wang.fang");
    open("/cases/" + request);
    WebElement form = stepForm();
    shot("one-language-step-form");
    form.findElement(By.cssSelector("button[type=submit]")).click();
    waiting().until(d -> text().contains("此项必填"));
    choose(form, "退回");
    form.findElement(By.cssSelector("button[type=submit]")).click();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".linli-form-errors"), "请说明理由"));
    assertThat(find(".step-form").getText()).doesNotContain("give the reason", "Field is required", "Please correct");
    shot("one-language-errors");
    english("step form errors", found);
    assertThat(found).as("English words in the errors").isEmpty();

    // the same page in English shows the English half
    open("/cases/" + request + "?lang=en");
    stepForm();
    assertThat(find("#steps").getText()).contains("Sign for").doesNotContain("签收");
    open("/tasks?lang=zh");
  }
}
