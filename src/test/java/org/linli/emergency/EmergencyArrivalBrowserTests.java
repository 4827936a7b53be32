package org.linli.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.linli.casefile.CaseEventType;
import org.linli.casefile.CaseFiles;
import org.linli.support.BrowserTestSupport;
import org.linli.support.LinliIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A grid worker reports an emergency from his phone and, being on site, records the arrival (到达现场)
 * on the case page he lands on; another village's grid worker only reads it. Screenshots land in
 * target/screenshots.
 */
@LinliIntegrationTest
class EmergencyArrivalBrowserTests extends BrowserTestSupport {

  @Autowired CaseFiles cases;

  /** The form of the open step whose name starts with the text. */
  WebElement stepForm(String stepName) {
    return waiting().until(d -> d.findElements(By.cssSelector(".step")).stream()
        .filter(s -> s.findElement(By.cssSelector(".step-head strong")).getText().startsWith(stepName))
        .flatMap(s -> s.findElements(By.cssSelector(".step-form form")).stream())
        .filter(WebElement::isDisplayed).findFirst().orElse(null));
  }

  @Test
  void theReportingGridWorkerRecordsHisArrivalFromHisPhone() throws Exception {
    browser.manage().window().setSize(new Dimension(390, 844));
    login("li.qiang");
    topLink("/emergency/report");
    waiting().until(ExpectedConditions.urlContains("/emergency/report"));
    new Select(find("#subtype")).selectByValue("FIRE");
    type("#description", "村民自建房厨房起火，火势已被邻居初步控制");
    type("#location", "桃源村5组12号");
    find("#submit-report").click();
    waiting().until(ExpectedConditions.urlContains("?reported"));
    Matcher m = Pattern.compile("/cases/(YJ\\d{4}-\\d{6})").matcher(browser.getCurrentUrl());
    assertThat(m.find()).isTrue();
    String number = m.group(1);

    // the arrival is his to record, not only to read
    WebElement arrive = stepForm("到达现场");
    assertThat(find(".step").getText()).doesNotContain("仅可查看");
    // his one decision is stated, not asked: a false alarm is the township's to confirm
    assertThat(arrive.getText()).contains("已到达现场").doesNotContain("核实为误报");
    assertThat(arrive.findElements(By.cssSelector("input[type=radio]"))).isEmpty();
    fill(arrive, "到场情况", "李强在现场，明火已灭，正在疏散邻居并等待镇里人员");
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", arrive);
    shot("emergency-arrival-phone");
    submit(arrive);
    long id = cases.byNumber(number).orElseThrow().id();
    assertThat(cases.timeline(id)).anyMatch(e -> e.type() == CaseEventType.ARRIVED && "li.qiang".equals(e.actor()));
    assertThat(find("#timeline").getText()).contains("到达现场", "李强", "明火已灭");
    assertThat(text()).as("the steps that remain are the township's").contains("仅可查看");
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", find("#timeline"));
    shot("emergency-arrival-recorded-phone");

    // another village's grid worker does not even find the case
    login("qian.lei");
    open("/cases/" + number);
    assertThat(text()).contains("404").doesNotContain("到达现场");
  }
}
