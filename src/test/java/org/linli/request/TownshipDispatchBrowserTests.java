package org.linli.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linli.casefile.CaseFiles;
import org.linli.support.DemoUsers;
import org.linli.support.BrowserTestSupport;
import org.linli.support.LinliIntegrationTest;
import org.linli.tasklist.StepInput;
import org.linli.tasklist.TaskActions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/** A township officer sends a returned request to one of the township's villages, picked by name. */
@LinliIntegrationTest
class TownshipDispatchBrowserTests extends BrowserTestSupport {

  @Autowired RequestIntake intake;
  @Autowired CaseFiles cases;
  @Autowired TaskActions tasks;
  @Autowired DemoUsers users;

  @Test
  void theTownshipPicksAVillageByItsNameNotItsCode() throws Exception {
    String number = intake.submitByStaff(new IntakeForm("streetlight", null, "村道路灯坏了，晚上看不清路", "330106002001", "村道口",
        null, null, "李四", "13800002222", null, Channel.HOTLINE, null), users.get("huang.hua")).caseNumber();
    String sign = cases.openTasks(cases.byNumber(number).orElseThrow().id()).get(0).taskId();
    tasks.complete(users.get("wang.fang"), sign, new StepInput("return", "村道归镇里管", null, null, null, null, null, Map.of()));

    browser.manage().window().setSize(new Dimension(390, 844));
    login("liu.yang");
    // on a phone the top bar folds its links into a menu whose entries a thumb can hit
    assertThat(browser.findElement(By.cssSelector(".top-links a")).isDisplayed()).isFalse();
    find(".menu-button").click();
    for (WebElement target : browser.findElements(By.cssSelector(".menu-body a, .menu-body button"))) {
      assertThat(target.isDisplayed()).isTrue();
      assertThat(target.getSize().getHeight()).as("tap target %s", target.getText()).isGreaterThanOrEqualTo(44);
    }
    assertThat(find(".menu-button").getSize().getHeight()).isGreaterThanOrEqualTo(44);
    shot("workbench-menu-phone");
    find(".menu-button").click();
    openFromTaskList(number);
    WebElement form = stepForm();
    assertThat(text()).as("the channel by name").contains("热线电话").doesNotContain("HOTLINE");
    // a plain select says 请选择 until a department is chosen, then the department's name
    choose(form, "派发县级部门");
    WebElement department = waiting().until(d -> form.findElements(By.cssSelector(".fjs-form-field-select")).stream()
        .filter(f -> f.isDisplayed() && f.getText().startsWith("承办部门")).findFirst().orElse(null));
    waiting().until(d -> department.getText().contains("请选择"));
    assertThat(department.getText()).doesNotContain("Select");
    pick(form, "承办部门", "民政局");
    waiting().until(d -> department.getText().contains("民政局") && !department.getText().contains("请选择"));
    choose(form, "指派村社区");
    for (WebElement choice : form.findElements(By.cssSelector(".fjs-form-field-radio .fjs-form-field-label:not(:first-child)"))) {
      assertThat(choice.getSize().getHeight()).as("tap target %s", choice.getText()).isGreaterThanOrEqualTo(44);
    }
    assertThat(form.getLocation().getX() - find(".step").getLocation().getX()).as("no gutter before the form").isLessThan(30);
    shot("request-dispatch-pick-village-phone");
    pick(form, "指派的村社区", "杏花村");
    assertThat(form.getText()).doesNotContain("12位", "330106002002");
    browser.manage().window().setSize(new Dimension(1280, 900));
    shot("request-dispatch-pick-village");
    form.findElement(By.cssSelector("button[type=submit]")).click();
    waiting().until(ExpectedConditions.urlContains("?done"));

    assertThat(cases.byNumber(number).orElseThrow().divisionCode()).isEqualTo("330106002002");
    assertThat(text()).as("the case now at 杏花村").contains("杏花村");

    // at a desk the diagram is drawn; on a phone it waits folded until asked for, then zooms with the buttons
    assertThat(find("#diagram-card").getAttribute("open")).isNotNull();
    waiting().until(d -> !d.findElements(By.cssSelector("#diagram .linli-active")).isEmpty());
    browser.manage().window().setSize(new Dimension(390, 844));
    browser.navigate().refresh();
    WebElement card = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("diagram-card")));
    waiting().until(d -> card.getAttribute("open") == null);
    assertThat(browser.findElements(By.cssSelector("#diagram svg"))).as("not loaded on a phone until opened").isEmpty();
    card.findElement(By.cssSelector("summary")).click();
    waiting().until(d -> !d.findElements(By.cssSelector("#diagram .linli-active")).isEmpty());
    String before = find("#diagram svg .viewport").getAttribute("transform");
    find("#diagram-card [data-zoom=in]").click();
    waiting().until(d -> !before.equals(find("#diagram svg .viewport").getAttribute("transform")));
    assertThat(find("#diagram-card [data-zoom=in]").getSize().getHeight()).isGreaterThanOrEqualTo(44);
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", card);
    shot("case-diagram-phone");
    assertThat(cases.openTasks(cases.byNumber(number).orElseThrow().id()).get(0).candidateGroup())
        .isEqualTo("caseworker@330106002002");
  }
}
