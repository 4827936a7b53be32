package org.linli.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.casefile.CaseAttachments;
import org.linli.casefile.CaseFiles;
import org.linli.organization.OrganizationService;
import org.linli.security.LinliUser;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.ShanghaiTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The workbench's report page (/emergency/report) and level page (/emergency/{n}/level). */
@LinliIntegrationTest
class EmergencyPageTests {

  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

  @Autowired WebApplicationContext context;
  @Autowired OrganizationService organization;
  @Autowired JdbcClient jdbc;
  @Autowired CaseFiles cases;
  @Autowired CaseAttachments attachments;
  @Autowired Incidents incidents;

  MockMvc mvc;

  @BeforeEach
  void mvc() {
    mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    ClockUtil.setCurrentTime(Date.from(ShanghaiTime.at("2026-07-01T10:00")));
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
    LinliUser user = new LinliUser(username, organization.staff(username).orElseThrow().name(), organization.groupsOf(username),
        organization.scopeOf(username));
    return request.with(authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, List.of())));
  }

  Map<String, String> valid() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("phase", "INCIDENT");
    f.put("subtype", "PRODUCTION_SAFETY");
    f.put("divisionCode", "330106002001");
    f.put("location", "桃源村砖厂东侧");
    f.put("occurredAt", "2026-07-01T09:40");
    f.put("description", "窑体坍塌，3人被压");
    f.put("dead", "3");
    f.put("latitude", "30.12");
    f.put("longitude", "120.08");
    return f;
  }

  MockHttpServletResponse submit(String user, Map<String, String> fields, MockMultipartFile... photos) throws Exception {
    MockMultipartHttpServletRequestBuilder request = multipart("/emergency/report");
    for (MockMultipartFile p : photos) {
      request.file(p);
    }
    fields.forEach(request::param);
    request.with(csrf());
    return mvc.perform(as(user, request)).andReturn().getResponse();
  }

  long emergencies() {
    return jdbc.sql("select count(*) from case_file where kind = 'EMERGENCY'").query(Long.class).single();
  }

  @Test
  void aGridWorkerReportsWithPhotosAndLandsOnTheCase() throws Exception {
    MockHttpServletResponse page = mvc.perform(as("li.qiang", get("/emergency/report"))).andReturn().getResponse();
    assertThat(page.getStatus()).isEqualTo(200);
    assertThat(page.getContentAsString()).contains("上报突发事件", "生产安全事故", "桃源村", "2026-07-01T10:00", "href=\"/emergency/report\"");

    MockHttpServletResponse done = submit("li.qiang", valid(), new MockMultipartFile("photos", "现场1.png", "image/png", PNG),
        new MockMultipartFile("photos", "现场2.png", "image/png", PNG));
    assertThat(done.getStatus()).isEqualTo(302);
    String number = done.getRedirectedUrl().replace("/cases/", "").replace("?reported", "");
    long caseId = cases.byNumber(number).orElseThrow().id();
    assertThat(incidents.of(caseId).orElseThrow().level()).isEqualTo(IncidentLevel.III);
    assertThat(incidents.of(caseId).orElseThrow().occurredAt()).isEqualTo(ShanghaiTime.at("2026-07-01T09:40"));
    assertThat(attachments.list(caseId)).extracting(a -> a.fileName()).containsExactlyInAnyOrder("现场1.png", "现场2.png");

    String casePage = mvc.perform(as("he.jun", get(done.getRedirectedUrl()))).andReturn().getResponse().getContentAsString();
    assertThat(casePage).contains("突发事件已上报", "III 较大", "/emergency/" + number + "/level");
    assertThat(mvc.perform(as("wang.fang", get("/cases/" + number))).andReturn().getResponse().getContentAsString())
        .as("a caseworker may not change the level").doesNotContain("/emergency/" + number + "/level");
  }

  @Test
  void aBadReportComesBackAsTypedWithMessagesAndWritesNothing() throws Exception {
    long before = emergencies();
    Map<String, String> bad = valid();
    bad.put("dead", "三");
    bad.put("location", "");
    bad.put("occurredAt", "昨天");
    bad.put("latitude", "");
    MockHttpServletResponse r = submit("li.qiang", bad, new MockMultipartFile("photos", "x.pdf", "application/pdf", "%PDF-1.4".getBytes()));
    assertThat(r.getStatus()).isEqualTo(400);
    String html = r.getContentAsString();
    assertThat(html).contains("应为整数", "时间格式应为", "value=\"三\"", "窑体坍塌，3人被压");
    // the summary lists every field marked, with its label and a link to it, and says how many
    String summary = html.substring(html.indexOf("id=\"report-errors\""), html.indexOf("id=\"report-form\""));
    assertThat(summary).contains("请更正以下 4 处内容", "href=\"#dead\"", "死亡", "应为整数", "href=\"#occurredAt\"", "时间格式应为",
        "href=\"#location\"", "请填写事发地点", "href=\"#latitude\"", "经纬度须同时填写");
    assertThat(html.split("class=\"field-error\"", -1)).as("as many fields marked as listed").hasSize(5);
    assertThat(emergencies()).isEqualTo(before);

    Map<String, String> badPhotoOnly = valid();
    MockHttpServletResponse photo = submit("li.qiang", badPhotoOnly, new MockMultipartFile("photos", "x.pdf", "application/pdf", "%PDF-1.4".getBytes()));
    assertThat(photo.getStatus()).isEqualTo(400);
    assertThat(photo.getContentAsString()).contains("x.pdf", "不支持的文件类型");
    assertThat(emergencies()).as("a bad photo refuses the whole report").isEqualTo(before);
  }

  @Test
  void blankFiguresAreNotReportedNotNoneAndGradeAsNone() throws Exception {
    Map<String, String> blanks = valid();
    blanks.remove("dead");
    blanks.put("injured", "0");
    blanks.put("missing", "");
    MockHttpServletResponse done = submit("li.qiang", blanks);
    assertThat(done.getStatus()).isEqualTo(302);
    String number = done.getRedirectedUrl().replace("/cases/", "").replace("?reported", "");
    long caseId = cases.byNumber(number).orElseThrow().id();
    Incident incident = incidents.of(caseId).orElseThrow();
    assertThat(incident.dead()).as("left blank").isNull();
    assertThat(incident.missing()).isNull();
    assertThat(incident.estimatedLoss()).isNull();
    assertThat(incident.injured()).as("0 given is 0").isZero();
    assertThat(incident.level()).as("no level from figures nobody gave").isEqualTo(IncidentLevel.IV);
    assertThat(jdbc.sql("select dead from emergency_incident where case_id = ?").param(caseId).query(Integer.class).optional())
        .isEmpty();

    String page = mvc.perform(as("he.jun", get("/cases/" + number))).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("死亡 未报 · 重伤 0 · 失踪 未报", "直接经济损失 未报").doesNotContain("死亡 0");
    String english = mvc.perform(as("he.jun", get("/cases/" + number).param("lang", "en"))).andReturn().getResponse()
        .getContentAsString();
    assertThat(english).contains("dead not reported, seriously injured 0, missing not reported", "direct loss not reported");
    List<String> mails = jdbc.sql("select body_text from notification_outbox where case_id = ?").param(caseId).query(String.class).list();
    assertThat(mails).filteredOn(m -> m.contains("伤亡 Casualties")).as("the emergency's own mail")
        .isNotEmpty().allSatisfy(m -> assertThat(m).contains("死亡 未报", "dead not reported"));
  }

  @Test
  void theLevelPageChangesTheLevelForThoseWhoMay() throws Exception {
    String number = submit("li.qiang", valid()).getRedirectedUrl().replace("/cases/", "").replace("?reported", "");
    assertThat(mvc.perform(as("wang.fang", get("/emergency/" + number + "/level"))).andReturn().getResponse().getContentAsString())
        .contains("当前级别");
    String page = mvc.perform(as("he.jun", get("/emergency/" + number + "/level"))).andReturn().getResponse().getContentAsString();
    assertThat(page).as("nothing chosen for the user").contains("<option value=\"\" selected=\"selected\">请选择</option>")
        .doesNotContainPattern("value=\"I+V?\" selected");
    MockHttpServletResponse notChosen = mvc.perform(as("he.jun", post("/emergency/" + number + "/level").with(csrf())
        .param("level", "").param("reason", "被困人员增加"))).andReturn().getResponse();
    assertThat(notChosen.getStatus()).isEqualTo(400);
    assertThat(notChosen.getContentAsString()).contains("请选择新的响应级别", "被困人员增加");
    assertThat(incidents.of(cases.byNumber(number).orElseThrow().id()).orElseThrow().level()).isEqualTo(IncidentLevel.III);
    MockHttpServletResponse refused = mvc.perform(as("wang.fang", post("/emergency/" + number + "/level").with(csrf())
        .param("level", "II").param("reason", "x"))).andReturn().getResponse();
    assertThat(refused.getStatus()).isEqualTo(403);
    MockHttpServletResponse noReason = mvc.perform(as("he.jun", post("/emergency/" + number + "/level").with(csrf())
        .param("level", "II").param("reason", ""))).andReturn().getResponse();
    assertThat(noReason.getStatus()).isEqualTo(400);
    assertThat(noReason.getContentAsString()).contains("请说明调整理由");
    MockHttpServletResponse changed = mvc.perform(as("he.jun", post("/emergency/" + number + "/level").with(csrf())
        .param("level", "II").param("reason", "被困人员增加"))).andReturn().getResponse();
    assertThat(changed.getRedirectedUrl()).isEqualTo("/cases/" + number + "?levelChanged");
    String casePage = mvc.perform(as("he.jun", get("/cases/" + number))).andReturn().getResponse().getContentAsString();
    String timeline = casePage.substring(casePage.indexOf("id=\"timeline\""));
    assertThat(timeline).as("every event has its label").doesNotContain("??").contains("<strong>定级</strong>",
        "<strong>调整响应级别</strong>");
    String english = mvc.perform(as("he.jun", get("/cases/" + number).param("lang", "en"))).andReturn().getResponse()
        .getContentAsString();
    assertThat(english.substring(english.indexOf("id=\"timeline\""))).doesNotContain("??").contains("<strong>Graded</strong>",
        "<strong>Level changed</strong>");
    assertThat(incidents.of(cases.byNumber(number).orElseThrow().id()).orElseThrow().level()).isEqualTo(IncidentLevel.II);
    assertThat(mvc.perform(as("zhou.yun", get("/emergency/" + number + "/level"))).andReturn().getResponse().getStatus())
        .isEqualTo(404);
  }

  @Test
  void drillParticipantsArePickedFromTheStaffADrillMayName() throws Exception {
    String page = mvc.perform(as("li.qiang", get("/emergency/report"))).andReturn().getResponse().getContentAsString();
    String picker = page.substring(page.indexOf("<select name=\"participants\""), page.indexOf("</select>", page.indexOf("<select name=\"participants\"")));
    assertThat(picker).contains("multiple", "value=\"liu.yang\"", "刘洋（liu.yang）", "value=\"li.qiang\"");
    List<String> offered = java.util.regex.Pattern.compile("value=\"([^\"]+)\"").matcher(picker).results().map(m -> m.group(1)).toList();
    List<String> active = jdbc.sql("select username from staff where active").query(String.class).list();
    assertThat(offered).as("exactly the staff a drill may name").containsExactlyInAnyOrderElementsOf(active);

    long before = emergencies();
    Map<String, String> drill = valid();
    drill.put("drill", "true");
    MockMultipartHttpServletRequestBuilder request = multipart("/emergency/report");
    drill.forEach(request::param);
    request.param("participants", "li.qiang", "liu.yang").with(csrf());
    MockHttpServletResponse done = mvc.perform(as("li.qiang", request)).andReturn().getResponse();
    assertThat(done.getStatus()).isEqualTo(302);
    String number = done.getRedirectedUrl().replace("/cases/", "").replace("?reported", "");
    assertThat(incidents.of(cases.byNumber(number).orElseThrow().id()).orElseThrow().participants())
        .containsExactly("li.qiang", "liu.yang");

    // without JavaScript the picker stays in view; participants of a report that is no drill are refused, as by the API
    MockMultipartHttpServletRequestBuilder notADrill = multipart("/emergency/report");
    valid().forEach(notADrill::param);
    notADrill.param("participants", "liu.yang").with(csrf());
    MockHttpServletResponse refused = mvc.perform(as("li.qiang", notADrill)).andReturn().getResponse();
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(refused.getContentAsString()).contains("只有演练才有参演人员", "<option value=\"liu.yang\" selected=\"selected\"");
    assertThat(emergencies()).isEqualTo(before + 1);
  }
}
