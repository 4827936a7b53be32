package org.linli.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.linli.request.Channel;
import org.linli.request.IntakeForm;
import org.linli.request.RequestIntake;
import org.linli.supervision.Urging;
import org.linli.support.BrowserTestSupport;
import org.linli.support.DemoUsers;
import org.linli.support.LinliIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/** A caseworker's queue shows at a glance what is urgent, what a supervisor urged and how much time is left. */
@LinliIntegrationTest
class TaskListUrgencyBrowserTests extends BrowserTestSupport {

  @Autowired RequestIntake intake;
  @Autowired Urging urging;
  @Autowired DemoUsers users;

  String request(String description, String priority) {
    return intake.submitByStaff(new IntakeForm("streetlight", null, description, "330106002001", "村口", null, null, "张三",
        "13900001111", null, Channel.HOTLINE, priority), users.get("liu.yang")).caseNumber();
  }

  /** The case's row in a queue, found the way a user would: by searching for its number. */
  WebElement row(String queue, String number) {
    open("/tasks?queue=" + queue + "&q=" + number);
    return waiting().until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//div[@id='rows']//tr[.//a[contains(@class,'case-link') and normalize-space(.)='" + number + "']]")));
  }

  @Test
  void anUrgentAndAnUrgedCaseStandOutAndEveryRowSaysWhatTimeIsLeft() throws Exception {
    String urgent = request("变压器旁路灯杆倾斜，随时可能倒下", "URGENT");
    String urged = request("路灯整晚不亮，老人夜里不敢出门", null);
    String plain = request("路灯白天也亮着，浪费电", null);
    urging.urge(users.get("huang.hua"), urged, "居民第三次来电，请今天办结");

    browser.manage().window().setSize(new Dimension(1024, 900));
    login("wang.fang");
    assertThat(row("GROUP", urged).getText()).contains("已督办").doesNotContain("紧急");
    assertThat(row("GROUP", plain).getText()).doesNotContain("紧急", "已督办").contains("剩余", "本环节");
    assertThat(row("GROUP", urgent).getText()).contains("紧急").contains("剩余").doesNotContain("路灯故障：");
    WebElement title = row("GROUP", urgent).findElement(By.cssSelector("td.title"));
    assertThat(title.getSize().getWidth()).as("the title stays readable at 1024 px").isGreaterThan(150);
    shot("tasks-urgency-1024");

    browser.manage().window().setSize(new Dimension(390, 844));
    assertThat(row("GROUP", urgent).getText()).contains("紧急", "剩余");
    shot("tasks-urgency-phone");

    // the filters offer every kind and the villages under their township; rows of others' work only open for reading
    browser.manage().window().setSize(new Dimension(1280, 900));
    login("liu.yang");
    WebElement readOnly = row("AREA", plain);
    assertThat(find("#kind").getText()).contains("民呼我为", "社会救助", "救助复核", "突发事件", "隐患巡查");
    assertThat(browser.findElements(By.cssSelector("#division optgroup"))).extracting(g -> g.getAttribute("label")).contains("桃源镇");
    assertThat(readOnly.findElement(By.cssSelector("td.actions")).getText()).contains("查看").doesNotContain("办理");
  }
}
