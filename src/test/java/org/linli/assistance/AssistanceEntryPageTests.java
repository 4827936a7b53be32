package org.linli.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.organization.OrganizationService;
import org.linli.security.LinliUser;
import org.linli.support.LinliIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.util.HtmlUtils;

/**
 * The workbench's application entry page (/assistance/apply): only village caseworkers, every field
 * error next to its input with the input kept and nothing written, and a case on success.
 */
@LinliIntegrationTest
class AssistanceEntryPageTests {

  static final String TAOYUAN = "330106002001";

  @Autowired WebApplicationContext context;
  @Autowired OrganizationService organization;
  @Autowired JdbcClient jdbc;
  @Autowired CaseFiles cases;
  @Autowired AssistanceFiles files;

  MockMvc mvc;

  @BeforeEach
  void mvc() {
    mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
  }

  MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
    LinliUser user = new LinliUser(username, organization.staff(username).orElseThrow().name(), organization.groupsOf(username),
        organization.scopeOf(username));
    return request.with(authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, List.of())));
  }

  MockHttpServletResponse page(String username) throws Exception {
    return mvc.perform(as(username, get("/assistance/apply"))).andReturn().getResponse();
  }

  MockHttpServletResponse submit(String username, Map<String, String> fields) throws Exception {
    MockHttpServletRequestBuilder request = post("/assistance/apply").with(csrf());
    fields.forEach(request::param);
    return mvc.perform(as(username, request)).andReturn().getResponse();
  }

  static String id(LocalDate birth, String seq) {
    return HouseholdFixtures.id("330106", birth, seq);
  }

  /** A valid two-person DIBAO application as the page posts it. */
  static Map<String, String> valid(String name, String seq) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("programme", "DIBAO");
    f.put("divisionCode", TAOYUAN);
    f.put("channel", "APPLICANT_WITH_CASEWORKER");
    f.put("reason", "丈夫因病失去劳动能力，家庭收入微薄，孩子在读。");
    f.put("applicantPhone", "13900002222");
    f.put("applicantEmail", "");
    f.put("members[0].name", name);
    f.put("members[0].idNumber", id(LocalDate.of(1970, 5, 6), seq));
    f.put("members[0].relation", "SELF");
    f.put("members[0].birthDate", "1970-05-06");
    f.put("members[0].disabilityGrade", "0");
    f.put("members[0].employment", "UNEMPLOYED");
    f.put("members[0].monthlyIncome", "600");
    f.put("members[1].name", "周小红");
    f.put("members[1].idNumber", id(LocalDate.of(2012, 8, 9), "1" + seq.substring(1)));
    f.put("members[1].relation", "CHILD");
    f.put("members[1].birthDate", "2012-08-09");
    f.put("members[1].disabilityGrade", "2");
    f.put("members[1].employment", "STUDENT");
    f.put("members[1].monthlyIncome", "0");
    f.put("assets.dwellings", "1");
    f.put("assets.housingArea", "55.5");
    f.put("assets.vehicles", "0");
    f.put("assets.vehicleValue", "0");
    f.put("assets.savings", "3000");
    f.put("assets.business", "false");
    f.put("assets.businessValue", "");
    return f;
  }

  long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  /** The label that holds the input with this id, from the page's HTML. */
  static String fieldBlock(String html, String inputId) {
    Matcher m = Pattern.compile("<label[^>]*>((?:(?!</label>).)*?id=\"" + Pattern.quote(inputId) + "\"(?:(?!</label>).)*)</label>",
        Pattern.DOTALL).matcher(html);
    assertThat(m.find()).as("an input " + inputId + " in a label").isTrue();
    return HtmlUtils.htmlUnescape(m.group(1));
  }

  static String errorIn(String block) {
    Matcher m = Pattern.compile("<small class=\"field-error\">([^<]*)</small>").matcher(block);
    return m.find() ? m.group(1) : null;
  }

  @Test
  void aVillageCaseworkerGetsTheFormWithHerVillageAndTheLinkInTheTopBar() throws Exception {
    MockHttpServletResponse r = page("wang.fang");
    assertThat(r.getStatus()).isEqualTo(200);
    String html = r.getContentAsString();
    assertThat(html).contains("录入救助申请", "最低生活保障", "临时救助", "特困人员供养", "家庭成员", "家庭财产", "添加成员",
        "href=\"/assistance/apply\"", "到案件页面");
    assertThat(html).containsPattern("<option value=\"" + TAOYUAN + "\"[^>]*selected[^>]*>桃源村</option>");
    assertThat(fieldBlock(html, "members-0-relation")).containsPattern("value=\"SELF\"[^>]*selected");
    // English through the message files
    String en = mvc.perform(as("wang.fang", get("/assistance/apply").param("lang", "en"))).andReturn().getResponse()
        .getContentAsString();
    assertThat(en).contains("Enter an assistance application", "Household members", "Minimum living allowance");
  }

  @Test
  void staffWhoAreNotVillageCaseworkersAreRefusedAndHaveNoLink() throws Exception {
    long before = count("case_file");
    for (String user : List.of("liu.yang", "wu.lei", "huang.hua", "li.qiang")) {
      MockHttpServletResponse r = page(user);
      assertThat(r.getStatus()).as(user).isEqualTo(403);
      assertThat(r.getContentAsString()).as(user).contains("只有村社区工作人员可以录入救助申请");
      MockHttpServletResponse post = submit(user, valid("郑拒绝", "401"));
      assertThat(post.getStatus()).as(user).isEqualTo(403);
    }
    assertThat(count("case_file")).isEqualTo(before);
    String tasks = mvc.perform(as("liu.yang", get("/tasks"))).andReturn().getResponse().getContentAsString();
    assertThat(tasks).doesNotContain("/assistance/apply");
    String mine = mvc.perform(as("wang.fang", get("/tasks"))).andReturn().getResponse().getContentAsString();
    assertThat(mine).contains("href=\"/assistance/apply\"");
  }

  @Test
  void aCaseworkerOfAnotherVillageCannotEnterForThisOne() throws Exception {
    long before = count("case_file");
    MockHttpServletResponse r = submit("zhao.min", valid("钱别村", "403"));
    assertThat(r.getStatus()).isEqualTo(403);
    assertThat(count("case_file")).isEqualTo(before);
  }

  @Test
  void everyBadFieldIsMarkedWhereItIsTheInputIsKeptAndNothingIsWritten() throws Exception {
    long cases = count("case_file");
    long applications = count("assistance_application");
    long members = count("household_member");
    Map<String, String> f = valid("吴错误", "405");
    String badId = f.get("members[1].idNumber").substring(0, 17) + (f.get("members[1].idNumber").endsWith("1") ? "2" : "1");
    f.put("members[1].idNumber", badId);
    f.put("members[0].monthlyIncome", "六百");
    f.put("members[0].birthDate", "1971-05-06");
    f.put("reason", "太短");
    f.put("applicantPhone", "12345");
    f.put("assets.savings", "");
    f.put("assets.vehicleValue", "20000");
    f.put("urgent", "true");
    MockHttpServletResponse r = submit("wang.fang", f);

    assertThat(r.getStatus()).isEqualTo(400);
    String html = r.getContentAsString();
    assertThat(html).contains("请更正标出的内容");
    Map<String, String> expected = Map.of(
        "members-1-idNumber", "校验",
        "members-0-monthlyIncome", "应为数字",
        "members-0-birthDate", "出生日期与身份证号码不符",
        "reason", "10至2000字",
        "applicantPhone", "手机号",
        "assets-savings", "请填写存款",
        "assets-vehicleValue", "无车辆时价值应为0",
        "urgent", "仅适用于临时救助");
    expected.forEach((input, message) -> assertThat(errorIn(fieldBlock(html, input))).as(input).contains(message));
    // fields without a problem carry no message
    for (String fine : List.of("members-0-name", "members-0-idNumber", "members-1-name", "members-1-birthDate", "assets-dwellings",
        "programme", "divisionCode")) {
      assertThat(errorIn(fieldBlock(html, fine))).as(fine).isNull();
    }
    // everything comes back as typed
    assertThat(fieldBlock(html, "members-1-idNumber")).contains("value=\"" + badId + "\"");
    assertThat(fieldBlock(html, "members-0-monthlyIncome")).contains("value=\"六百\"");
    assertThat(fieldBlock(html, "members-1-name")).contains("value=\"周小红\"");
    assertThat(fieldBlock(html, "members-1-relation")).containsPattern("value=\"CHILD\"[^>]*selected");
    assertThat(fieldBlock(html, "members-1-disabilityGrade")).containsPattern("value=\"2\"[^>]*selected");
    assertThat(fieldBlock(html, "assets-housingArea")).contains("value=\"55.5\"");
    assertThat(fieldBlock(html, "reason")).contains("太短");
    assertThat(fieldBlock(html, "urgent")).contains("checked");

    assertThat(count("case_file")).isEqualTo(cases);
    assertThat(count("assistance_application")).isEqualTo(applications);
    assertThat(count("household_member")).isEqualTo(members);
  }

  @Test
  void tooManyRowsAreRefusedNotAnError() throws Exception {
    long before = count("case_file");
    Map<String, String> f = valid("韩多行", "413");
    for (int i = 2; i < 22; i++) {
      f.put("members[" + i + "].name", "成员" + i);
      f.put("members[" + i + "].idNumber", id(LocalDate.of(1990, 1, 1), String.format("%03d", 500 + i)));
      f.put("members[" + i + "].relation", "OTHER");
      f.put("members[" + i + "].birthDate", "1990-01-01");
      f.put("members[" + i + "].employment", "EMPLOYED");
      f.put("members[" + i + "].monthlyIncome", "100");
    }
    MockHttpServletResponse r = submit("wang.fang", f);
    assertThat(r.getStatus()).isEqualTo(400);
    assertThat(HtmlUtils.htmlUnescape(r.getContentAsString())).contains("家庭成员最多20人");
    // a row number no page sends
    Map<String, String> forged = valid("韩越界", "415");
    forged.put("members[999].name", "越界");
    MockHttpServletResponse far = submit("wang.fang", forged);
    assertThat(far.getStatus()).isEqualTo(400);
    assertThat(HtmlUtils.htmlUnescape(far.getContentAsString())).contains("行数过多");
    assertThat(count("case_file")).isEqualTo(before);
  }

  @Test
  void problemsWithoutAnInputOfTheirOwnAreListedAboveTheForm() throws Exception {
    long before = count("case_file");
    Map<String, String> f = valid("冯无本人", "407");
    f.put("members[0].relation", "SPOUSE");
    MockHttpServletResponse r = submit("wang.fang", f);
    assertThat(r.getStatus()).isEqualTo(400);
    String html = HtmlUtils.htmlUnescape(r.getContentAsString());
    assertThat(html).containsPattern("id=\"apply-errors\"(?s).*须有一名成员为申请人本人");
    assertThat(html).containsPattern("id=\"members-error\"[^>]*>[^<]*须有一名成员为申请人本人");
    assertThat(count("case_file")).isEqualTo(before);
  }

  @Test
  void aGoodApplicationOpensTheCaseAndShowsIt() throws Exception {
    Map<String, String> f = valid("周好人", "409");
    // a row added and left empty, and a gap in the numbering left by a removed row, are dropped
    f.put("members[2].relation", "OTHER");
    f.put("members[2].disabilityGrade", "0");
    f.put("members[3].name", "周老三");
    f.put("members[3].idNumber", id(LocalDate.of(1945, 2, 3), "419"));
    f.put("members[3].relation", "PARENT");
    f.put("members[3].birthDate", "1945-02-03");
    f.put("members[3].disabilityGrade", "0");
    f.put("members[3].employment", "RETIRED");
    f.put("members[3].monthlyIncome", "300.50");
    MockHttpServletResponse r = submit("wang.fang", f);

    assertThat(r.getStatus()).isEqualTo(302);
    Matcher m = Pattern.compile("/cases/(JZ\\d{4}-\\d{6})\\?entered").matcher(r.getRedirectedUrl());
    assertThat(m.find()).as(r.getRedirectedUrl()).isTrue();
    CaseFile c = cases.byNumber(m.group(1)).orElseThrow();
    assertThat(c.kind()).isEqualTo(AssistanceProcess.KIND);
    assertThat(c.divisionCode()).isEqualTo(TAOYUAN);
    assertThat(c.categoryCode()).isEqualTo("DIBAO");
    HouseholdView v = files.view(c.id()).orElseThrow();
    assertThat(v.applicantName()).isEqualTo("周好人");
    assertThat(v.members()).extracting(HouseholdView.Member::name).containsExactly("周好人", "周小红", "周老三");
    assertThat(v.members()).extracting(HouseholdView.Member::relation).containsExactly(Relation.SELF, Relation.CHILD, Relation.PARENT);
    assertThat(jdbc.sql("select created_by from assistance_application where case_id = ?").param(c.id()).query(String.class).single())
        .isEqualTo("wang.fang");

    String casePage = mvc.perform(as("wang.fang", get("/cases/" + c.caseNumber()).param("entered", ""))).andReturn().getResponse()
        .getContentAsString();
    assertThat(casePage).contains(c.caseNumber(), "救助申请已录入", "周好人", "乡镇受理");
  }

  @Test
  void urgentTemporaryAssistanceGoesToTheTownshipFirst() throws Exception {
    Map<String, String> f = valid("孙急需", "411");
    f.put("programme", "LINSHI");
    f.put("urgent", "true");
    MockHttpServletResponse r = submit("wang.fang", f);
    assertThat(r.getStatus()).isEqualTo(302);
    String number = r.getRedirectedUrl().replaceAll(".*/cases/([^?]+).*", "$1");
    CaseFile c = cases.byNumber(number).orElseThrow();
    assertThat(c.priority()).isEqualTo("URGENT");
    assertThat(cases.openTasks(c.id())).extracting(t -> t.activityId()).containsExactly(AssistanceProcess.TASK_URGENT_GRANT);
  }
}
