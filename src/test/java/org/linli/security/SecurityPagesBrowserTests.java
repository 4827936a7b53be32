package org.linli.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.linli.request.Channel;
import org.linli.request.IntakeForm;
import org.linli.request.RequestIntake;
import org.linli.support.BrowserTestSupport;
import org.linli.support.DemoUsers;
import org.linli.support.LinliIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What staff see of the trust boundary in Chromium, at desk and phone width: the wait after wrong
 * passwords, a case page whole for the caseworker and masked for the supervisor, a form refused
 * after its page expired, a file too large, and pages that run under their Content-Security-Policy
 * without a violation.
 */
@LinliIntegrationTest
class SecurityPagesBrowserTests extends BrowserTestSupport {

  static final Dimension DESK = new Dimension(1440, 960);
  static final Dimension PHONE = new Dimension(390, 844);

  @Autowired RequestIntake intake;
  @Autowired DemoUsers users;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void reset() {
    jdbc.sql("delete from login_throttle").update();
    browser.manage().window().setSize(DESK);
  }

  String request() {
    return intake.submitByStaff(new IntakeForm("streetlight", null, "桃源村口的路灯坏了三天，晚上出行不便", "330106002001",
        "桃源村口大樟树旁", null, null, "张建国", "13900001111", null, Channel.HOTLINE, null), users.get("huang.hua")).caseNumber();
  }

  void shots(String name) throws Exception {
    browser.manage().window().setSize(DESK);
    shot(name + "-desk");
    browser.manage().window().setSize(PHONE);
    shot(name + "-phone");
    // a phone page scrolls down, never sideways
    Object sideways = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    assertThat(((Number) sideways).intValue()).as(name + " scrolls sideways on a phone").isLessThanOrEqualTo(0);
    browser.manage().window().setSize(DESK);
  }

  List<String> policyViolations() {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
        .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to")).toList();
  }

  @Test
  void afterWrongPasswordsTheLogInPageSaysToWait() throws Exception {
    browser.manage().deleteAllCookies();
    for (int i = 0; i < 6; i++) {
      open("/login");
      find("#username").sendKeys("zhao.min");
      find("#password").sendKeys("wrong-" + i);
      find("#login").click();
      waiting().until(ExpectedConditions.urlContains("/login?"));
    }
    open("/login");
    find("#username").sendKeys("zhao.min");
    find("#password").sendKeys("demo");
    find("#login").click();
    waiting().until(ExpectedConditions.urlContains("/login?blocked"));
    assertThat(text()).contains("登录失败次数过多");
    shots("security-login-blocked");
  }

  @Test
  void theCaseworkerSeesTheResidentWholeTheSupervisorMasked() throws Exception {
    String number = request();
    login("wang.fang");
    open("/cases/" + number);
    assertThat(text()).contains("13900001111", "张建国", "桃源村口大樟树旁");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".step-form form")));
    assertThat(policyViolations()).as("the case page's diagram and form run under the policy").isEmpty();
    shots("security-case-caseworker");

    login("huang.hua");
    open("/cases/" + number);
    assertThat(text()).contains("139****1111", "张*").doesNotContain("13900001111", "大樟树旁");
    assertThat(policyViolations()).isEmpty();
    shots("security-case-supervisor");
  }

  @Test
  void aTaskListFilterAfterTheSessionEndedGoesToTheLogInAndBackToTheList() throws Exception {
    login("wang.fang");
    open("/tasks?queue=AREA");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rows")));
    browser.manage().deleteCookieNamed("JSESSIONID");
    new org.openqa.selenium.support.ui.Select(find("#kind")).selectByValue("REQUEST"); // htmx asks for /tasks/rows
    waiting().until(ExpectedConditions.urlContains("/login?expired"));
    assertThat(text()).contains("登录已过期").doesNotContain("组内待领");
    shots("security-session-expired");
    find("#username").sendKeys("wang.fang");
    find("#password").sendKeys("demo");
    find("#login").click();
    waiting().until(ExpectedConditions.urlContains("/tasks?queue=AREA"));
    assertThat(browser.getCurrentUrl()).doesNotContain("/rows");
  }

  @Test
  void aFormWhosePageExpiredIsRefusedAndSaysSo() throws Exception {
    String number = request();
    login("wang.fang");
    open("/cases/" + number);
    browser.manage().deleteCookieNamed("JSESSIONID");
    find(".comment-form textarea").sendKeys("会话过期后的意见");
    find(".comment-form button").click();
    waiting().until(d -> text().contains("403"));
    assertThat(text()).contains("页面已过期", "没有执行任何操作");
    shots("security-form-expired");
  }

  @Test
  void aFileTooLargeIsRefusedAndSaysSo() throws Exception {
    String number = request();
    Path big = Files.createTempFile("linli-big", ".jpg");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(8L * 1024 * 1024);
    }
    login("wang.fang");
    open("/cases/" + number);
    find("input[type=file]").sendKeys(big.toString());
    find("input[type=file]").findElement(By.xpath("./following-sibling::button")).click();
    waiting().until(d -> text().contains("413"));
    assertThat(text()).contains("文件太大", "MB", "没有保存任何内容");
    shots("security-file-too-large");
    Files.deleteIfExists(big);
  }
}
