package org.linli.assistance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.linli.casefile.CaseAttachments;
import org.linli.casefile.CaseFiles;
import org.linli.support.BrowserTestSupport;
import org.linli.support.DemoUsers;
import org.linli.support.LinliIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The township officer opens the acceptance (乡镇受理) of an application at a desk and on a phone,
 * reads what the household declared (reason, members and incomes, assets, the pre-check, the
 * materials) above the decision, and accepts it. Screenshots land in target/screenshots.
 */
@LinliIntegrationTest
class AssistanceAcceptanceBrowserTests extends BrowserTestSupport {

  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

  @Autowired AssistanceIntake intake;
  @Autowired CaseFiles cases;
  @Autowired CaseAttachments attachments;
  @Autowired DemoUsers users;

  @Test
  void theTownshipReadsTheApplicationItDecidesOn() throws Exception {
    HouseholdApplication a = HouseholdFixtures.family(Programme.DIBAO);
    String number = intake.apply(a, users.get("wang.fang")).caseNumber();
    long id = cases.byNumber(number).orElseThrow().id();
    attachments.add(id, "户口簿.png", "image/png", PNG, "wang.fang", false);
    attachments.add(id, "收入证明.png", "image/png", PNG, "wang.fang", false);

    browser.manage().window().setSize(new Dimension(1440, 960));
    login("liu.yang");
    openFromTaskList(number);
    WebElement application = find("#application");
    assertThat(application.getText()).contains("申请内容：最低生活保障", "申请理由", a.reason(), "录入人", "王芳")
        .contains("家庭成员（3人）", "张建国", "本人", "李秀英", "配偶", "张小明", "子女", "1500.00")
        .contains("家庭人均月收入", "500.00 元/月")
        .contains("家庭财产", "住房 1 套，60.00 平方米", "存款及有价证券 5000.00 元")
        .contains("预审结果", "按申报数据未发现不符合条件的情形")
        .contains("申请材料", "户口簿.png", "收入证明.png");
    assertThat(application.getLocation().getY()).as("read before the decision").isLessThan(find("#steps").getLocation().getY());
    WebElement form = stepForm();
    assertThat(form.getText()).contains("受理", "不予受理").doesNotContain("Accept");
    assertThat(find("#timeline").getText()).contains("录入申请").doesNotContain("受理");
    shot("assistance-accept-desk");

    browser.manage().window().setSize(new Dimension(390, 844));
    browser.navigate().refresh();
    application = find("#application");
    // on a phone each member is a card whose values carry their column's name
    assertThat(application.findElement(By.cssSelector("thead")).isDisplayed()).isFalse();
    WebElement income = application.findElement(By.xpath(".//td[@data-label='月收入（元）' and normalize-space(.)='1500.00']"));
    assertThat(income.isDisplayed()).isTrue();
    assertThat(((JavascriptExecutor) browser).executeScript(
        "return getComputedStyle(arguments[0], '::before').content;", income)).asString().contains("月收入（元）");
    Object overflow = ((JavascriptExecutor) browser).executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    assertThat(((Number) overflow).intValue()).as("no sideways scroll on a phone").isLessThanOrEqualTo(0);
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", application);
    shot("assistance-accept-phone");
    WebElement caption = application.findElement(By.cssSelector("caption"));
    assertThat(caption.getSize().getHeight()).as("the caption on one line").isLessThan(30);
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", caption);
    shot("assistance-accept-phone-members");

    browser.manage().window().setSize(new Dimension(1440, 960));
    browser.navigate().refresh();
    form = stepForm();
    choose(form, "受理");
    fill(form, "受理意见", "材料齐全，收入和财产符合申报，予以受理");
    submit(form);
    assertThat(cases.timeline(id)).anyMatch(e -> "Task_Accept".equals(e.step()) && "liu.yang".equals(e.actor()));
  }
}
