package org.linli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.support.BrowserTestSupport;
import org.linli.support.LinliIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A resident request in a real browser (the machine's headless Chromium): submitted on the portal,
 * signed for, handled and replied to by the village caseworker through the step forms (with a
 * validation error on the way), out of reach of another village, and rated by the resident from the
 * link. Screenshots of the portal, the task list and the case page land in target/screenshots.
 */
@LinliIntegrationTest
class BrowserWalkThroughTests extends BrowserTestSupport {

  @Autowired JdbcClient jdbc;

  /** Completes the open step of the case page through its form, choosing a decision and a text. */
  void submitStep(String decisionLabel, String comment) {
    WebElement form = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".step-form form")));
    for (WebElement label : form.findElements(By.cssSelector("label"))) {
      if (label.getText().contains(decisionLabel)) {
        label.click();
        break;
      }
    }
    if (comment != null) {
      List<WebElement> areas = form.findElements(By.cssSelector("textarea"));
      areas.get(0).clear();
      areas.get(0).sendKeys(comment);
    }
    form.findElement(By.cssSelector("button[type=submit]")).click();
  }

  @Test
  void aRequestFromThePortalToTheResidentsRating() throws Exception {
    // 1. a resident submits on the portal; a missing description is refused first
    open("/portal/requests/new");
    new Select(find("#categoryCode")).selectByValue("streetlight");
    new Select(find("#divisionCode")).selectByValue("330106002001");
    find("#address").sendKeys("桃源村村口大樟树旁");
    find("#residentName").sendKeys("张三");
    find("#residentPhone").sendKeys("13900001111");
    find("#residentEmail").sendKeys("zhang.san@example.com");
    find("form button[type=submit]").click();
    assertThat(text()).contains("请描述诉求");
    find("#description").sendKeys("村口的路灯已经坏了三天，晚上出行很不方便，请尽快维修。");
    shot("portal-request");
    find("form button[type=submit]").click();
    String number = waiting().until(d -> {
      var m = java.util.regex.Pattern.compile("MH\\d{4}-\\d{6}").matcher(text());
      return m.find() ? m.group() : null;
    });
    shot("portal-receipt");

    // 2. the village caseworker finds it in her group's queue and opens it
    login("wang.fang");
    assertThat(text()).contains("王芳", "桃源村", "组内待领");
    shot("tasklist");
    // other tests may have left work in her queues: find the new request by its number
    open("/tasks?queue=GROUP&q=" + number);
    assertThat(find("#rows").getText()).contains(number, "签收");
    String taskId = jdbc.sql("select task_id from case_task t join case_file c on c.id = t.case_id where c.case_number = ?")
        .param(number).query(String.class).single();
    // claiming swaps the table and the queue counts in place (htmx), without a page load
    String marker = (String) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.__page = 'same'");
    long mineBefore = Long.parseLong(find("#queue-MINE .count").getText());
    find("#task-" + taskId + " button.primary").click();
    waiting().until(d -> find("#queue-MINE .count").getText().equals(String.valueOf(mineBefore + 1)));
    assertThat(find("#rows").getText()).doesNotContain(number);
    assertThat(((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.__page")).isEqualTo(marker);
    open("/tasks?queue=MINE&state=GREEN&q=" + number);
    assertThat(find("#rows").getText()).contains(number);
    // on a phone
    browser.manage().window().setSize(new Dimension(390, 844));
    shot("tasklist-phone");
    browser.manage().window().setSize(new Dimension(1440, 960));
    find("#task-" + taskId + " a.case-link").click();
    waiting().until(ExpectedConditions.urlContains("/cases/" + number));
    assertThat(text()).contains(number, "签收", "办理记录", "张三");

    // 3. sign for, then try to reply without a text (refused, nothing changes), then reply
    submitStep("签收", null);
    waiting().until(d -> text().contains("已提交"));
    submitStep("答复", null);
    // the form refuses it next to the field (form-js checks required fields before sending)
    waiting().until(d -> text().contains("必填") || text().toLowerCase().contains("required"));
    shot("case-validation-error");
    assertThat(jdbc.sql("select count(*) from case_event e join case_file c on c.id = e.case_id where c.case_number = ?"
        + " and e.type = 'REPLIED'").param(number).query(Long.class).single()).isZero();
    submitStep("答复", "已更换灯泡，恢复照明。");
    waiting().until(d -> text().contains("已提交") && text().contains("回访"));
    shot("case-page");
    // the diagram shows where the case stands: the callback step is marked current
    WebElement diagram = find("#diagram");
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", diagram);
    waiting().until(d -> !diagram.findElements(By.cssSelector(".linli-active")).isEmpty());
    assertThat(diagram.findElement(By.cssSelector(".linli-active")).getAttribute("data-element-id")).isEqualTo("Task_Callback");
    shot("case-diagram");

    // 4. another village's caseworker cannot open it
    login("zhao.min");
    open("/cases/" + number);
    assertThat(text()).contains("未找到").doesNotContain("张三");

    // 5. the resident rates from the link in the reply mail; the case closes
    String token = jdbc.sql("select rating_token from resident_request where case_number = ?").param(number)
        .query(String.class).single();
    browser.manage().deleteAllCookies();
    open("/portal/rate/" + token);
    find("input[name=rating][value=SATISFIED]").click();
    find("form button[type=submit]").click();
    waiting().until(d -> jdbc.sql("select status from case_file where case_number = ?").param(number)
        .query(String.class).single().equals("CLOSED"));
    open("/portal/follow?number=" + number);
    find("#phoneTail").sendKeys("1111");
    find("form button[type=submit]").click();
    // the status page replaces the look-up form
    waiting().until(d -> d.findElements(By.id("phoneTail")).isEmpty() && text().contains(number));
    assertThat(text()).contains(number).doesNotContain("王芳").doesNotContain("wang.fang");
    shot("portal-follow");

    // 6. the township officer sees the closed case in nobody's queue and the phone search finds nothing open
    login("liu.yang");
    open("/tasks?queue=AREA&q=13900001111");
    assertThat(find("#rows").getText()).doesNotContain(number);
  }
}
