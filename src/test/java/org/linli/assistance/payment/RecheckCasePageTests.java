package org.linli.assistance.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linli.assistance.payment.PaymentFixtures.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.assistance.AssistanceFiles;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseTask;
import org.linli.request.RequestIntake;
import org.linli.support.DemoUsers;
import org.linli.support.LinliIntegrationTest;
import org.linli.system.InvalidInputException;
import org.linli.tasklist.StepForms;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.util.HtmlUtils;

/**
 * A re-check case on the workbench: its page shows the household (masked), the entitlement and, once
 * decided, the result; the review form offers the new monthly amount in re-checks only.
 */
@LinliIntegrationTest
class RecheckCasePageTests {

  @Autowired Entitlements entitlements;
  @Autowired Rechecks rechecks;
  @Autowired RequestIntake intake;
  @Autowired CaseFiles cases;
  @Autowired AssistanceFiles files;
  @Autowired RuntimeService runtime;
  @Autowired TaskService taskService;
  @Autowired StepForms forms;
  @Autowired DemoUsers users;
  @Autowired WebApplicationContext context;

  @BeforeEach
  void clock() {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2026-07-01T09:00").atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  Entitlement open(String applicant, String seq) {
    long caseId = newCase(intake, cases);
    household(files, caseId, applicant, seq, true);
    return entitlements.open(caseId, "DIBAO", new BigDecimal("800.00"), YearMonth.of(2026, 1));
  }

  CaseFile startRecheck(Entitlement e) {
    assertThat(rechecks.start(e.id())).isTrue();
    return rechecks.running(e.id()).orElseThrow();
  }

  CaseTask theOpen(CaseFile c) {
    List<CaseTask> open = cases.openTasks(c.id());
    assertThat(open).hasSize(1);
    return open.get(0);
  }

  /** Decides the open review through its Camunda Form, as the case page does. */
  void submit(String user, CaseFile c, Map<String, Object> data) {
    forms.submit(users.get(user), theOpen(c).taskId(), data);
  }

  String page(String username, String number) throws Exception {
    var mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    var user = users.get(username);
    MockHttpServletResponse r = mvc.perform(get("/cases/" + number)
        .with(authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, List.of())))).andReturn().getResponse();
    assertThat(r.getStatus()).as(username + " " + number).isEqualTo(200);
    return HtmlUtils.htmlUnescape(r.getContentAsString());
  }

  @Test
  void theRecheckPageShowsTheHouseholdMaskedAndTheEntitlement() throws Exception {
    Entitlement e = open("郑复核", "351");
    CaseFile recheck = startRecheck(e);
    String assistanceNumber = cases.byId(e.caseId()).orElseThrow().caseNumber();
    String html = page("wang.fang", recheck.caseNumber());
    assertThat(html).contains("原救助案件", assistanceNumber, "最低生活保障", "月救助金额", "800.00 元/月", "享受起始月份", "2026-01",
        "下次复核", "郑复核", "孙郑复核", "家庭成员（2人）", "330106********");
    assertThat(html).doesNotContain(id(java.time.LocalDate.of(1981, 3, 4), "351")).doesNotContain("复核结论");
    assertThat(html).as("relations by name, not code").contains("本人").doesNotContain(" SELF");
    // civil affairs, who decide last, may open it too; another village may not
    assertThat(page("wu.lei", recheck.caseNumber())).contains(recheck.caseNumber(), "800.00");
    assertThat(recheck.categoryCode()).isEqualTo("DIBAO");
    assertThat(recheck.departmentCode()).isEqualTo("mz");
  }

  @Test
  void theReviewFormOffersTheNewAmountInARecheckAndItAppliesFromNextMonth() throws Exception {
    Entitlement e = open("王调额", "361");
    CaseFile recheck = startRecheck(e);
    StepForms.StepForm form = forms.form(users.get("wang.fang"), theOpen(recheck).taskId());
    assertThat(form.data()).containsEntry(StepForms.CASE_KIND, RecheckProcess.KIND);
    assertThat(form.schema().toString()).contains("\"key\":\"recheckAmount\"");

    submit("wang.fang", recheck, Map.of("decision", "approve", "comment", "家庭收入增加"));
    submit("liu.yang", recheck, Map.of("decision", "approve"));
    // not an amount the form allows: refused by the form's rules, nothing decided
    String mzTask = theOpen(recheck).taskId();
    for (Object bad : List.of(0, 650.005, "六百五")) {
      assertThatThrownBy(() -> submit("wu.lei", recheck, Map.of("decision", "approve", "recheckAmount", bad)))
          .as(String.valueOf(bad)).isInstanceOfSatisfying(InvalidInputException.class,
              x -> assertThat(x.errors()).extracting(InvalidInputException.FieldError::field).containsExactly("recheckAmount"));
    }
    assertThat(theOpen(recheck).taskId()).isEqualTo(mzTask);
    // a client claiming another case kind is refused: the case's kind is the server's to say
    assertThatThrownBy(() -> submit("wu.lei", recheck, Map.of("decision", "approve", "recheckAmount", 650, "caseKind", "ASSISTANCE")))
        .isInstanceOfSatisfying(InvalidInputException.class,
            x -> assertThat(x.errors()).extracting(InvalidInputException.FieldError::field).containsExactly("caseKind"));
    submit("wu.lei", recheck, Map.of("decision", "approve", "recheckAmount", 650));

    assertThat(entitlements.amountIn(e.id(), YearMonth.of(2026, 7))).isEqualByComparingTo("800.00");
    assertThat(entitlements.amountIn(e.id(), YearMonth.of(2026, 8))).isEqualByComparingTo("650.00");
    assertThat(cases.timeline(recheck.id())).anyMatch(ev -> ev.note() != null && ev.note().contains("复查核定月救助金额")
        && ev.note().contains("650.00"));
    String html = page("wang.fang", recheck.caseNumber());
    assertThat(html).contains("复核结论", "复核通过，继续救助", "次月起月救助金额 650.00 元", "800.00 元/月；2026-08 起 650.00 元");
  }

  @Test
  void anAmountGoesWithApproveOnlyAndIsNotOfferedOutsideRechecks() throws Exception {
    String schema;
    try (var in = getClass().getResourceAsStream("/forms/approval-review.form")) {
      schema = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    assertThatThrownBy(() -> forms.validate(schema, Map.of("decision", "approve", "recheckAmount", 500), Map.of("caseKind", "ASSISTANCE")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("recheckAmount");
    assertThat(forms.validate(schema, Map.of("decision", "approve", "recheckAmount", 500), Map.of("caseKind", "RECHECK")))
        .containsEntry("recheckAmount", 500);
    Entitlement e = open("冯驳回", "371");
    CaseFile recheck = startRecheck(e);
    // hidden unless approving: a rejection with an amount is refused by name, and then made without one
    assertThatThrownBy(() -> submit("wang.fang", recheck, Map.of("decision", "reject", "comment", "已稳定就业", "recheckAmount", 500)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("recheckAmount");
    submit("wang.fang", recheck, Map.of("decision", "reject", "comment", "已稳定就业"));
    Entitlement after = entitlements.byId(e.id()).orElseThrow();
    assertThat(after.status()).isEqualTo(Entitlement.Status.ENDED);
    assertThat(entitlements.amountIn(e.id(), YearMonth.of(2026, 7))).isEqualByComparingTo("800.00");
    assertThat(cases.byId(recheck.id()).orElseThrow().closedAt()).isNotNull();
  }

  @Test
  void aRejectedRecheckShowsTheEndOnItsPage() throws Exception {
    Entitlement e = open("陈终止", "381");
    CaseFile recheck = startRecheck(e);
    submit("wang.fang", recheck, Map.of("decision", "reject", "comment", "已稳定就业，收入超过标准"));
    String html = page("wang.fang", recheck.caseNumber());
    assertThat(html).contains("复核结论", "复核不予通过，终止救助，最后发放月份 2026-07", "已稳定就业，收入超过标准", "救助终止月份");
  }
}
