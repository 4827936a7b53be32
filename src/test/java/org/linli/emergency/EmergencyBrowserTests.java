package org.linli.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.linli.casefile.CaseFiles;
import org.linli.organization.OrganizationService;
import org.linli.security.LinliUser;
import org.linli.system.EngineClock;
import org.linli.support.BrowserTestSupport;
import org.linli.support.LinliIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An emergency in a real browser: a grid worker reports it from a phone (a missing place first, then
 * with a photo), emergency management arrives and sends the first report through the step forms and
 * raises the level, the county command gives the all-clear, and emergency management closes the
 * review. Screenshots land in target/screenshots.
 */
@LinliIntegrationTest
class EmergencyBrowserTests extends BrowserTestSupport {

  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

  @Autowired CaseFiles cases;
  @Autowired Incidents incidents;
  @Autowired EmergencyReports reports;
  @Autowired OrganizationService organization;

  /** The form of the open step whose name starts with the text. */
  WebElement stepForm(String stepName) {
    return waiting().until(d -> d.findElements(By.cssSelector(".step")).stream()
        .filter(s -> s.findElement(By.cssSelector(".step-head strong")).getText().startsWith(stepName))
        .flatMap(s -> s.findElements(By.cssSelector(".step-form form")).stream())
        .filter(WebElement::isDisplayed).findFirst().orElse(null));
  }

  IncidentLevel level(String number) {
    return incidents.of(cases.byNumber(number).orElseThrow().id()).orElseThrow().level();
  }

  @Test
  void anIncidentFromAPhoneReportToTheReview() throws Exception {
    // 1. the grid worker reports from a phone: the place forgotten first
    browser.manage().window().setSize(new Dimension(390, 844));
    login("li.qiang");
    topLink("/emergency/report");
    waiting().until(ExpectedConditions.urlContains("/emergency/report"));
    new Select(find("#subtype")).selectByValue("PRODUCTION_SAFETY");
    assertThat(find("#participants-field").isDisplayed()).as("participants only for a drill").isFalse();
    find("#drill").click();
    assertThat(find("#participants-field").isDisplayed()).isTrue();
    assertThat(find("#participants").isEnabled()).isTrue();
    find("#drill").click();
    assertThat(find("#participants-field").isDisplayed()).isFalse();
    type("#description", "砖厂窑体局部坍塌，有工人被压");
    type("#dead", "4");
    type("#injured", "2");
    find("#submit-report").click();
    WebElement placeError = waiting().until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//input[@id='location']/following-sibling::small[contains(@class,'field-error')]")));
    assertThat(placeError.getText()).contains("请填写事发地点");
    assertThat(find("#description").getAttribute("value")).isEqualTo("砖厂窑体局部坍塌，有工人被压");
    shot("emergency-report-phone-error");

    type("#location", "桃源村砖厂东侧");
    Path photo = Files.createTempFile("scene", ".png");
    Files.write(photo, PNG);
    find("#photos").sendKeys(photo.toAbsolutePath().toString());
    find("#submit-report").click();
    waiting().until(ExpectedConditions.urlContains("?reported"));
    Matcher m = Pattern.compile("/cases/(YJ\\d{4}-\\d{6})").matcher(browser.getCurrentUrl());
    assertThat(m.find()).isTrue();
    String number = m.group(1);
    assertThat(text()).contains("突发事件已上报", "III 较大", "scene");
    shot("emergency-case-phone");

    // 2. emergency management arrives and sends the first report through the forms
    browser.manage().window().setSize(new Dimension(1440, 960));
    login("he.jun");
    openFromTaskList(number);
    WebElement arrive = stepForm("到达现场");
    choose(arrive, "已到达现场");
    fill(arrive, "到场情况", "何军带县应急救援队到场，疏散周边群众");
    submit(arrive);
    WebElement first = stepForm("首报");
    assertThat(first.getText()).as("a decision of one option is stated, not asked").contains("报送首报");
    assertThat(first.findElements(By.cssSelector("input[type=radio]"))).isEmpty();
    fill(first, "死亡", "5");
    fill(first, "报告内容", "首报：坍塌，5人死亡，2人重伤");
    submit(first);
    assertThat(incidents.of(cases.byNumber(number).orElseThrow().id()).orElseThrow().dead()).isEqualTo(5);

    // 3. ... and raises the level
    find("a[href='/emergency/" + number + "/level']").click();
    waiting().until(ExpectedConditions.urlContains("/level"));
    new Select(find("#level")).selectByValue("II");
    type("#reason", "仍有人员被困，需县指挥部统一指挥");
    find("#level-form button[type=submit]").click();
    waiting().until(ExpectedConditions.urlContains("?levelChanged"));
    assertThat(text()).contains("响应级别已调整", "II 重大");
    assertThat(level(number)).isEqualTo(IncidentLevel.II);
    shot("emergency-case-level-two");

    // 4. the county command gives the all-clear; emergency management holds the review
    login("sun.hao");
    openFromTaskList(number);
    WebElement dispose = stepForm("处置");
    assertThat(dispose.getText()).contains("处置完毕，解除");
    assertThat(dispose.getText()).as("the one report form offers the disposal its own decision only").doesNotContain("报送首报", "报送续报");
    fill(dispose, "报告内容", "被困人员全部救出，现场稳定");
    submit(dispose);
    login("he.jun");
    openFromTaskList(number);
    WebElement review = stepForm("复盘");
    assertThat(review.getText()).contains("完成复盘");
    fill(review, "复盘结论", "窑体老化未检；纳入隐患点巡查");
    submit(review);
    assertThat(text()).contains("没有待办环节");
    assertThat(cases.byNumber(number).orElseThrow().closedAt()).isNotNull();
    shot("emergency-case-closed");
  }

  @Test
  void theLevelPageChoosesNothingForTheUserAtDeskAndOnAPhone() throws Exception {
    LinliUser reporter = new LinliUser("li.qiang", "李强", organization.groupsOf("li.qiang"), organization.scopeOf("li.qiang"));
    String number = reports.report(EmergencyFixtures.accident(3, 0, 0, EngineClock.now().minusSeconds(600)), reporter).caseNumber();
    login("he.jun");
    for (Dimension size : new Dimension[] {new Dimension(1440, 960), new Dimension(390, 844)}) {
      browser.manage().window().setSize(size);
      open("/emergency/" + number + "/level");
      Select level = new Select(find("#level"));
      assertThat(level.getAllSelectedOptions()).extracting(o -> o.getAttribute("value")).as("only the empty choice").containsExactly("");
      assertThat(level.getFirstSelectedOption().getText()).isEqualTo("请选择");
      type("#reason", "现场情况变化");
      find("#level-form button[type=submit]").click();
      WebElement error = waiting().until(ExpectedConditions.visibilityOfElementLocated(
          By.xpath("//select[@id='level']/following-sibling::small[contains(@class,'field-error')]")));
      assertThat(error.getText()).contains("请选择新的响应级别");
      assertThat(new Select(find("#level")).getFirstSelectedOption().getAttribute("value")).isEmpty();
      assertThat(find("#reason").getAttribute("value")).as("the reason comes back as typed").isEqualTo("现场情况变化");
      assertThat(level(number)).as("nothing changed").isEqualTo(IncidentLevel.III);
      shot("emergency-level-nothing-chosen-" + (size.getWidth() > 800 ? "desk" : "phone"));
    }
  }
}
