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

  WebElement row(String number) {
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
    open("/tasks?queue=GROUP&kind=REQUEST");
    assertThat(row(urgent).getText()).contains("紧急").contains("剩余").doesNotContain("路灯故障：");
    assertThat(row(urged).getText()).contains("已督办").doesNotContain("紧急");
    assertThat(row(plain).getText()).doesNotContain("紧急", "已督办").contains("剩余", "本环节");
    WebElement title = row(urgent).findElement(By.cssSelector("td.title"));
    assertThat(title.getSize().getWidth()).as("the title stays readable at 1024 px").isGreaterThan(150);
    shot("tasks-urgency-1024");

    browser.manage().window().setSize(new Dimension(390, 844));
    open("/tasks?queue=GROUP&kind=REQUEST");
    assertThat(row(urgent).getText()).contains("紧急", "剩余");
    shot("tasks-urgency-phone");
  }
}
