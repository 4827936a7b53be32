package org.linli.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
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
 * A grid worker on his round files an everyday issue from a phone (390×844): from the top bar's menu,
 * a missing description first, then with a photo; the page names the new case and links to it.
 * Screenshots land in target/screenshots.
 */
@LinliIntegrationTest
class GridReportBrowserTests extends BrowserTestSupport {

  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

  @Autowired CaseFiles cases;
  @Autowired ResidentRequests requests;

  /** Nothing wider than the phone: the page never scrolls sideways. */
  void noSidewaysScroll() {
    Object overflow = ((JavascriptExecutor) browser).executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    assertThat(((Number) overflow).intValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
  }

  /** Every control a thumb uses is at least 44 px high, and each field's label sits above it. */
  void thumbSized() {
    for (WebElement target : browser.findElements(By.cssSelector(
        "#report-form select, #report-form input:not([type=radio]):not([type=hidden]), #report-form textarea, #report-form button,"
            + " #report-form fieldset.choice-list label"))) {
      if (target.isDisplayed()) {
        assertThat(target.getSize().getHeight()).as("tap target %s", target.getAttribute("id") + target.getText())
            .isGreaterThanOrEqualTo(44);
      }
    }
    for (String id : List.of("categoryCode", "description", "divisionCode", "address")) {
      WebElement control = find("#" + id);
      WebElement label = control.findElement(By.xpath("./ancestor::label[1]/span[1]"));
      assertThat(label.getLocation().getY()).as("the label of %s above it", id).isLessThan(control.getLocation().getY());
      assertThat(Math.abs(label.getLocation().getX() - control.getLocation().getX())).as("aligned, %s", id).isLessThan(4);
    }
  }

  @Test
  void aGridWorkerFilesAnIssueFromHisPhoneAndSeesTheCaseNumber() throws Exception {
    browser.manage().window().setSize(new Dimension(390, 844));
    login("li.qiang");
    topLink("/requests/report");
    waiting().until(ExpectedConditions.urlContains("/requests/report"));
    assertThat(text()).contains("网格上报", "问题类别", "所在村社区", "本人巡查发现");
    assertThat(new Select(find("#divisionCode")).getFirstSelectedOption().getText()).isEqualTo("桃源村");
    assertThat(find("#residentName").isDisplayed()).as("his own finding: no resident to name").isFalse();
    thumbSized();
    noSidewaysScroll();
    shot("grid-report-phone");

    // 1. the description forgotten: refused, everything typed kept, the mistake listed and at its field
    new Select(find("#categoryCode")).selectByVisibleText("垃圾清运");
    type("#address", "桃源村3组垃圾房");
    find("#reporter-RESIDENT").click();
    assertThat(find("#residentName").isDisplayed()).isTrue();
    type("#residentName", "周大伯");
    type("#residentPhone", "13500008888");
    thumbSized();
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", find("#reporter-SELF"));
    shot("grid-report-phone-resident");
    find("#submit-report").click();
    WebElement error = waiting().until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//textarea[@id='description']/following-sibling::small[contains(@class,'field-error')]")));
    assertThat(error.getText()).contains("请描述诉求");
    assertThat(find("#report-errors").getText()).contains("上报尚未提交", "问题描述");
    assertThat(find("#address").getAttribute("value")).isEqualTo("桃源村3组垃圾房");
    assertThat(find("#residentName").getAttribute("value")).isEqualTo("周大伯");
    assertThat(find("#residentName").isDisplayed()).as("the resident's fields stay open").isTrue();
    assertThat(new Select(find("#categoryCode")).getFirstSelectedOption().getText()).isEqualTo("垃圾清运");
    noSidewaysScroll();
    shot("grid-report-phone-error");

    // 2. described, with a photo from the phone: filed on the grid channel
    type("#description", "垃圾房三天没有清运，气味很大，周边居民反映强烈");
    Path photo = Files.createTempFile("rubbish", ".png");
    Files.write(photo, PNG);
    find("#photos").sendKeys(photo.toAbsolutePath().toString());
    find("#submit-report").click();
    waiting().until(ExpectedConditions.urlContains("?filed="));
    WebElement filed = find("#report-filed");
    Matcher m = Pattern.compile("(MH\\d{4}-\\d{6})").matcher(filed.getText());
    assertThat(m.find()).as(filed.getText()).isTrue();
    String number = m.group(1);
    assertThat(filed.getText()).contains("已上报，案件编号 " + number, "查看案件");
    assertThat(find("#description").getAttribute("value")).as("a fresh form for the next issue").isEmpty();
    assertThat(find("#filed-case").getSize().getHeight()).isGreaterThanOrEqualTo(44);
    ResidentRequest request = requests.byCaseNumber(number).orElseThrow();
    assertThat(request.channel()).isEqualTo(Channel.GRID);
    assertThat(request.residentName()).isEqualTo("周大伯");
    noSidewaysScroll();
    shot("grid-report-phone-filed");

    // 3. the link opens the case, with the photo and the channel by name
    find("#filed-case").click();
    waiting().until(ExpectedConditions.urlContains("/cases/" + number));
    assertThat(text()).contains(number, "垃圾清运", "网格员上报", "rubbish");
    noSidewaysScroll();
    shot("grid-report-case-phone");
  }
}
