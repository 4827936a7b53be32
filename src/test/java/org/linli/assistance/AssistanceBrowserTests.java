package org.linli.assistance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.approval.ApprovalProcess;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseStatus;
import org.linli.casefile.CaseTask;
import org.linli.support.BrowserTestSupport;
import org.linli.support.LinliIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One assistance application in a real browser (the machine's headless Chromium), from the village
 * caseworker's entry page (a wrong ID number first) through township acceptance, verification (a job,
 * run here), the home visit, the public notice (the engine clock moved, the timer run here), township
 * review and civil affairs' approval, each by the right user through the task list and the step's
 * form-js form, to the closed case with its amount. Screenshots land in target/screenshots.
 */
@LinliIntegrationTest
class AssistanceBrowserTests extends BrowserTestSupport {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Autowired JdbcClient jdbc;
  @Autowired CaseFiles cases;
  @Autowired ManagementService management;

  @BeforeEach
  void clock() {
    // Monday 2 March 2026: the demo standard is 1170 CNY; jobs and timers run by hand on the engine clock
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2026-03-02T09:00").atZone(SHANGHAI).toInstant()));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  CaseFile caseFile(String number) {
    return cases.byNumber(number).orElseThrow();
  }

  String openStep(String number) {
    List<CaseTask> open = cases.openTasks(caseFile(number).id());
    assertThat(open).hasSize(1);
    return open.get(0).activityId();
  }

  Job job(String number, String activity) {
    return management.createJobQuery().processInstanceId(caseFile(number).processInstanceId()).activityId(activity).singleResult();
  }

  @Test
  void anApplicationEnteredInTheWorkbenchIsApprovedStepByStep() throws Exception {
    String selfId = HouseholdFixtures.id("330106", LocalDate.of(1976, 4, 12), "523");
    String spouseId = HouseholdFixtures.id("330106", LocalDate.of(1979, 9, 30), "524");
    String wrongId = selfId.substring(0, 17) + (selfId.charAt(17) == '1' ? '2' : '1');

    // 1. the village caseworker opens the entry page from the top bar
    login("wang.fang");
    topLink("/assistance/apply");
    waiting().until(ExpectedConditions.urlContains("/assistance/apply"));
    assertThat(new Select(find("#divisionCode")).getFirstSelectedOption().getText()).isEqualTo("桃源村");
    new Select(find("#programme")).selectByValue("DIBAO");
    assertThat(find("#urgent").isEnabled()).as("urgent is for temporary assistance only").isFalse();
    type("#reason", "丈夫因病失去主要劳动能力，家庭收入微薄，需要长期服药。");
    type("#applicantPhone", "13900005231");
    type("#members-0-name", "钱建华");
    type("#members-0-idNumber", wrongId);
    // the birth date comes from the ID number
    assertThat(find("#members-0-birthDate").getAttribute("value")).isEqualTo("1976-04-12");
    new Select(find("#members-0-employment")).selectByValue("EMPLOYED");
    type("#members-0-monthlyIncome", "1500");
    find("#add-member").click();
    waiting().until(d -> d.findElements(By.cssSelector(".member-row")).size() == 2);
    type("#members-1-name", "孙秀梅");
    type("#members-1-idNumber", spouseId);
    new Select(find("#members-1-relation")).selectByValue("SPOUSE");
    new Select(find("#members-1-disabilityGrade")).selectByValue("2");
    new Select(find("#members-1-employment")).selectByValue("UNABLE_TO_WORK");
    type("#members-1-monthlyIncome", "0");
    // a third row, added by mistake and removed again
    find("#add-member").click();
    waiting().until(d -> d.findElements(By.cssSelector(".member-row")).size() == 3);
    browser.findElements(By.cssSelector(".member-row .remove-member")).get(2).click();
    waiting().until(d -> d.findElements(By.cssSelector(".member-row")).size() == 2);
    type("#assets-dwellings", "1");
    type("#assets-housingArea", "60");
    type("#assets-vehicles", "0");
    type("#assets-vehicleValue", "0");
    type("#assets-savings", "4000");
    shot("assistance-apply");
    long casesBefore = jdbc.sql("select count(*) from case_file").query(Long.class).single();
    find("#apply-submit").click();

    // 2. the wrong ID number comes back marked next to its input, the rest as typed, nothing saved
    WebElement idError = waiting().until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//input[@id='members-0-idNumber']/ancestor::label//small[contains(@class,'field-error')]")));
    assertThat(idError.getText()).contains("校验位不正确");
    assertThat(find("#apply-errors").getText()).contains("请更正标出的内容");
    assertThat(find("#members-0-idNumber").getAttribute("value")).isEqualTo(wrongId);
    assertThat(find("#members-1-name").getAttribute("value")).isEqualTo("孙秀梅");
    assertThat(new Select(find("#members-1-relation")).getFirstSelectedOption().getAttribute("value")).isEqualTo("SPOUSE");
    assertThat(find("#assets-savings").getAttribute("value")).isEqualTo("4000");
    assertThat(browser.findElements(By.cssSelector(".field-error"))).hasSize(1);
    assertThat(jdbc.sql("select count(*) from case_file").query(Long.class).single()).isEqualTo(casesBefore);
    shot("assistance-apply-error");
    browser.manage().window().setSize(new Dimension(390, 844));
    shot("assistance-apply-phone");
    browser.manage().window().setSize(new Dimension(1440, 960));

    // 3. corrected, it opens the case and shows its page
    type("#members-0-idNumber", selfId);
    find("#apply-submit").click();
    waiting().until(ExpectedConditions.urlContains("/cases/JZ"));
    Matcher m = Pattern.compile("/cases/(JZ\\d{4}-\\d{6})").matcher(browser.getCurrentUrl());
    assertThat(m.find()).isTrue();
    String number = m.group(1);
    assertThat(text()).contains(number, "救助申请已录入", "钱建华", "孙秀梅", "乡镇受理");
    assertThat(text()).doesNotContain(selfId); // masked
    assertThat(find("#timeline").getText()).as("entered by the village; the township has not accepted yet")
        .contains("录入申请").doesNotContain("受理");
    shot("assistance-case-entered");

    // 4. the township accepts
    login("liu.yang");
    openFromTaskList(number);
    WebElement form = stepForm();
    choose(form, "受理");
    submit(form);
    assertThat(cases.openTasks(caseFile(number).id())).as("verification runs, no step is open").isEmpty();

    // 5. verification runs as a job (the executor is off in tests): run it
    management.executeJob(job(number, AssistanceProcess.TASK_VERIFY).getId());
    assertThat(openStep(number)).isEqualTo(AssistanceProcess.TASK_HOME_VISIT);

    // 6. the village visits the home, two staff
    login("wang.fang");
    openFromTaskList(number);
    form = stepForm();
    assertThat(form.getText()).contains("已入户调查");
    pick(form, "调查人一", "王芳"); // the village's own staff, by name
    pick(form, "调查人二", "李强");
    fill(form, "调查日期", "2026-03-02");
    fill(form, "调查情况", "住房简陋，妻子卧床，家中无其他收入来源。");
    submit(form);
    assertThat(text()).contains("公示");
    Job notice = job(number, AssistanceProcess.TIMER_NOTICE);
    assertThat(notice).as("the public notice is running").isNotNull();

    // 7. seven days of public notice pass on the engine clock
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(7)).plusSeconds(60)));
    management.executeJob(notice.getId());
    assertThat(openStep(number)).isEqualTo(ApprovalProcess.TASK_REVIEW);

    // 8. township review, then civil affairs' approval, through the review form
    login("liu.yang");
    openFromTaskList(number);
    form = stepForm();
    assertThat(form.getText()).doesNotContain("复查核定月救助金额"); // a re-check's field only
    choose(form, "通过");
    fill(form, "审核意见", "情况属实，同意上报。");
    submit(form);
    assertThat(cases.openTasks(caseFile(number).id()).get(0).candidateGroup()).isEqualTo("dept-mz@330106");

    login("wu.lei");
    openFromTaskList(number);
    form = stepForm();
    choose(form, "通过");
    submit(form);

    // 9. the case is closed as approved, with the amount: (1170 - 1500 / 2) × 2 = 840.00 a month
    assertThat(caseFile(number).status()).isEqualTo(CaseStatus.CLOSED);
    open("/cases/" + number);
    assertThat(text()).contains("已办结", "840.00", "批准");
    ((JavascriptExecutor) browser).executeScript("document.getElementById('timeline').scrollIntoView()");
    shot("assistance-case-approved");
    assertThat(jdbc.sql("select monthly_amount from entitlement where case_id = ?").param(caseFile(number).id())
        .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("840.00");
  }
}
