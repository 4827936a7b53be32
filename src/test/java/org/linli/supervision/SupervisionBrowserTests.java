package org.linli.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.linli.casefile.CaseEventType;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.request.Channel;
import org.linli.request.IntakeForm;
import org.linli.request.RequestIntake;
import org.linli.request.RequestProcess;
import org.linli.support.BrowserTestSupport;
import org.linli.support.DemoUsers;
import org.linli.support.LinliIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The township's supervisor acts from the workbench: urges a case from its page (a refused note
 * says why in Chinese), urges ticked cases of the area list together, and gives a village a yellow
 * card for its overdue work from the cards page in the top bar; at a desk and on a phone.
 */
@LinliIntegrationTest
class SupervisionBrowserTests extends BrowserTestSupport {

  @Autowired RequestIntake intake;
  @Autowired CaseFiles cases;
  @Autowired ManagementService management;
  @Autowired DemoUsers users;
  @Autowired Cards cards;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    browser.manage().window().setSize(new Dimension(1440, 960));
  }

  String request(String description) {
    return intake.submitByStaff(new IntakeForm("streetlight", null, description, "330106002001", "村口", null, null, "张三",
        "13900001111", null, Channel.HOTLINE, null), users.get("huang.hua")).caseNumber();
  }

  void signOverdue(String number) {
    CaseFile c = cases.byNumber(number).orElseThrow();
    Job job = management.createJobQuery().processInstanceId(c.processInstanceId()).activityId(RequestProcess.TIMER_SIGN_OVERDUE)
        .singleResult();
    ClockUtil.setCurrentTime(job.getDuedate());
    management.executeJob(job.getId());
  }

  void scrollTo(WebElement el) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start'})", el);
  }

  @Test
  void aSupervisorUrgesFromTheCasePageAndTheListAndCardsAVillage() throws Exception {
    String urged = request("路灯不亮，晚上出行不便");
    String overdue = request("村口路灯坏了一个星期");
    signOverdue(overdue);
    String first = request("路灯闪烁第一处");
    String second = request("路灯闪烁第二处");

    browser.manage().window().setSize(new Dimension(1280, 900));
    login("xu.ming");

    // from the case page: an empty note is refused in Chinese, then the note urges the case
    open("/cases/" + urged);
    WebElement note = find("#urge-note");
    find("#urge-submit").click();
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("urge-error")));
    assertThat(find("#urge-error").getText()).contains("请填写督办意见").doesNotContain("give");
    note = find("#urge-note");
    note.sendKeys("居民反映强烈，请今日内签收");
    shot("supervision-urge-case");
    find("#urge-submit").click();
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("notice-urged")));
    assertThat(find("#timeline").getText()).contains("督办", "居民反映强烈，请今日内签收");
    assertThat(cases.byNumber(urged).orElseThrow().urgedBy()).isEqualTo("xu.ming");

    // from the area list: two ticked, one note
    open("/tasks?queue=AREA&q=" + "路灯闪烁");
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("urge-form")));
    for (String number : new String[] {first, second}) {
      find("input[name=cases][value='" + number + "']").findElement(By.xpath("./ancestor::label")).click();
    }
    find("#urge-note").sendKeys("本周集中督办路灯问题");
    shot("supervision-urge-list");
    find("#urge-submit").click();
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("urge-result")));
    assertThat(find("#urge-result").getText()).contains("已督办 2 件。");
    for (String number : new String[] {first, second}) {
      assertThat(cases.timeline(cases.byNumber(number).orElseThrow().id())).anyMatch(e -> e.type() == CaseEventType.URGED);
    }

    // the cards page from the top bar: pick 桃源村, tick its overdue case, a yellow card with a reason
    topLink("/supervision/cards");
    waiting().until(ExpectedConditions.urlContains("/supervision/cards"));
    new Select(find("#unit")).selectByValue("330106002001");
    find("#unit-list").click();
    WebElement choice = waiting().until(ExpectedConditions.presenceOfElementLocated(
        By.xpath("//input[@name='cases' and @value='" + overdue + "']/ancestor::label")));
    assertThat(find("#case-choices").getText()).as("only the village's overdue work").contains(overdue).doesNotContain(first);
    find("#card-submit").click(); // nothing ticked, no reason: refused at the fields, as typed
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("card-errors")));
    assertThat(text()).contains("请填写亮牌理由", "请选择该单位的超期案件").doesNotContain("give the reason");
    shot("supervision-card-refused");
    find("label.colour-choice.yellow").click();
    find("#reason").sendKeys("签收一再超期，请三日内整改并报告");
    waiting().until(ExpectedConditions.presenceOfElementLocated(
        By.xpath("//input[@name='cases' and @value='" + overdue + "']/ancestor::label"))).click();
    shot("supervision-card-form");
    find("#card-submit").click();
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("notice-issued")));
    // the card just issued (others of the area may be newer by the engine clock)
    String url = browser.getCurrentUrl();
    String issued = url.substring(url.indexOf("issued=") + "issued=".length()).replaceFirst("#.*$", "");
    WebElement card = find("#card-" + issued);
    assertThat(card.getText()).contains("黄牌", "桃源村", "徐明", "签收一再超期，请三日内整改并报告", overdue);
    shot("supervision-cards");
    assertThat(cases.timeline(cases.byNumber(overdue).orElseThrow().id())).anyMatch(e -> e.type() == CaseEventType.CARDED);

    // on a phone: the same pages, every target a thumb's size
    browser.manage().window().setSize(new Dimension(390, 844));
    browser.navigate().refresh();
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("card-" + issued)));
    assertThat(find("#unit-list").getSize().getHeight()).isGreaterThanOrEqualTo(44);
    shot("supervision-cards-phone");
    scrollTo(find("#cards"));
    shot("supervision-cards-list-phone");
    open("/supervision/cards?unit=330106002001");
    scrollTo(find("#card-form"));
    for (WebElement label : browser.findElements(By.cssSelector("#card-form label"))) {
      if (label.isDisplayed()) {
        assertThat(label.getSize().getHeight()).as("tap target %s", label.getText()).isGreaterThanOrEqualTo(44);
      }
    }
    shot("supervision-card-form-phone");
    open("/cases/" + overdue);
    assertThat(find("#urge-submit").getSize().getHeight()).isGreaterThanOrEqualTo(44);
    shot("supervision-urge-case-phone");
    open("/tasks?queue=AREA&q=" + "路灯闪烁");
    WebElement pick = find("label.pick");
    assertThat(pick.getSize().getHeight()).isGreaterThanOrEqualTo(44);
    assertThat(pick.getSize().getWidth()).isGreaterThanOrEqualTo(44);
    shot("supervision-urge-list-phone");
    find(".menu-button").click();
    WebElement cardsLink = find(".menu-body a[href='/supervision/cards']");
    assertThat(cardsLink.getText()).isEqualTo("亮牌警示");
    assertThat(cardsLink.getSize().getHeight()).isGreaterThanOrEqualTo(44);
    shot("supervision-menu-phone");
  }

  @Test
  void theHeadOfTheTownshipReadsTheCardsOfHisAreaWithoutTheIssuingForm() throws Exception {
    String overdue = request("村口垃圾桶满了一周没人清运");
    signOverdue(overdue);
    Card card = cards.issue(users.get("xu.ming"), new CardOrder("RED", "330106002001", null, "签收屡次超期", java.util.List.of(overdue)));

    browser.manage().window().setSize(new Dimension(1280, 900));
    login("lin.hai");
    topLink("/supervision/cards");
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("cards")));
    assertThat(browser.findElements(By.id("issue"))).as("heads do not issue cards").isEmpty();
    assertThat(find("#card-" + card.id()).getText()).contains("红牌", "桃源村", "签收屡次超期", overdue);
    assertThat(text()).contains("桃源镇 · 负责人");
    shot("supervision-cards-head");
    // in English, the page's own words are English; the unit's name and the reason stay as written
    open("/supervision/cards?lang=en");
    assertThat(find("#card-" + card.id()).getText()).contains("Red card", "桃源村", "签收屡次超期", "Issued by 徐明");
    shot("supervision-cards-head-en");
    open("/supervision/cards?lang=zh");
  }
}
