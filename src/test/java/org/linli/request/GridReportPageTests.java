package org.linli.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.casefile.CaseAttachments;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.organization.OrganizationService;
import org.linli.security.LinliUser;
import org.linli.support.LinliIntegrationTest;
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
import org.springframework.web.util.HtmlUtils;

/**
 * The grid report page (/requests/report): grid workers only, their own villages only, the channel
 * always GRID, the same intake and checks as {@code POST /api/requests}; a refused report writes
 * nothing and comes back as typed.
 */
@LinliIntegrationTest
class GridReportPageTests {

  static final String TAOYUAN = "330106002001";
  static final String XINGHUA = "330106002002";
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

  @Autowired WebApplicationContext context;
  @Autowired OrganizationService organization;
  @Autowired CaseFiles cases;
  @Autowired ResidentRequests requests;
  @Autowired CaseAttachments attachments;
  @Autowired JdbcClient jdbc;
  @Autowired RequestIntake intake;
  @Autowired org.springframework.boot.test.web.client.TestRestTemplate rest;

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
    return mvc.perform(as(username, get("/requests/report"))).andReturn().getResponse();
  }

  MockHttpServletResponse submit(String username, Map<String, String> fields, MockMultipartFile... photos) throws Exception {
    MockMultipartHttpServletRequestBuilder request = multipart("/requests/report");
    for (MockMultipartFile p : photos) {
      request.file(p);
    }
    request.with(csrf());
    fields.forEach(request::param);
    return mvc.perform(username == null ? request : as(username, request)).andReturn().getResponse();
  }

  /** A broken street light the grid worker found himself. */
  static Map<String, String> own(String village) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("categoryCode", "streetlight");
    f.put("divisionCode", village);
    f.put("title", "");
    f.put("description", "村口第三盏路灯不亮，夜里行人看不清路");
    f.put("address", "桃源村村口");
    f.put("latitude", "30.12");
    f.put("longitude", "120.08");
    f.put("reporter", "SELF");
    return f;
  }

  long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  static String numberFrom(MockHttpServletResponse r) {
    String location = r.getRedirectedUrl();
    assertThat(location).as("redirect after filing").startsWith("/requests/report?filed=MH");
    return location.substring(location.indexOf('=') + 1);
  }

  @Test
  void aGridWorkerGetsTheFormWithHisVillageTheCategoriesByNameAndTheLinkInTheTopBar() throws Exception {
    MockHttpServletResponse r = page("li.qiang");
    assertThat(r.getStatus()).isEqualTo(200);
    String html = HtmlUtils.htmlUnescape(r.getContentAsString());
    assertThat(html).contains("网格上报", "路灯故障", "垃圾清运", "本人巡查发现", "居民反映", "现场照片", "使用当前位置")
        .contains("<option value=\"" + TAOYUAN + "\" selected=\"selected\">桃源村</option>")
        .as("no other village to pick, no code to type").doesNotContain(XINGHUA, "杏花村")
        .as("the channel is the server's").doesNotContain("name=\"channel\"", "name=\"priority\"")
        .contains("href=\"/requests/report\"");
    // labels in English on the switch
    String en = mvc.perform(as("li.qiang", get("/requests/report").param("lang", "en"))).andReturn().getResponse()
        .getContentAsString();
    assertThat(en).contains("Grid report", "Street light out", "I found it on my round");
  }

  @Test
  void onlyGridWorkersMayUseThePageAndOnlyTheySeeItsLink() throws Exception {
    for (String other : List.of("wang.fang", "liu.yang", "wu.lei", "huang.hua", "admin")) {
      MockHttpServletResponse r = page(other);
      assertThat(r.getStatus()).as(other).isEqualTo(403);
      assertThat(r.getContentAsString()).as(other).contains("只有网格员可以网格上报");
      assertThat(submit(other, own(TAOYUAN)).getStatus()).as(other).isEqualTo(403);
      String tasks = mvc.perform(as(other, get("/tasks"))).andReturn().getResponse().getContentAsString();
      assertThat(tasks).as(other).doesNotContain("href=\"/requests/report\"");
    }
    String mine = mvc.perform(as("li.qiang", get("/tasks"))).andReturn().getResponse().getContentAsString();
    assertThat(mine).contains("href=\"/requests/report\"", "网格上报");
    // nobody signed in: the log-in, nothing filed
    long before = count("case_file");
    assertThat(mvc.perform(get("/requests/report")).andReturn().getResponse().getRedirectedUrl()).contains("/login");
    MockHttpServletResponse anonymous = submit(null, own(TAOYUAN));
    assertThat(anonymous.getStatus()).isIn(302, 401, 403);
    assertThat(count("case_file")).isEqualTo(before);
  }

  @Test
  void aReportGoesThroughTheIntakeOnTheGridChannelWithThePhotoAndTheGridWorkerAsTheContact() throws Exception {
    Map<String, String> f = own(TAOYUAN);
    // whatever the post says, the channel is GRID and the priority the intake's
    f.put("channel", "HOTLINE");
    f.put("priority", "URGENT");
    f.put("residentName", "不该用上");
    MockHttpServletResponse r = submit("li.qiang", f, new MockMultipartFile("photos", "light.png", "image/png", PNG));
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(303);
    String number = numberFrom(r);
    ResidentRequest request = requests.byCaseNumber(number).orElseThrow();
    assertThat(request.channel()).isEqualTo(Channel.GRID);
    assertThat(request.residentName()).as("his own finding: he is the one called back").isEqualTo("李强");
    assertThat(request.residentPhone()).isEqualTo(organization.staff("li.qiang").orElseThrow().phone());
    assertThat(request.address()).isEqualTo("桃源村村口");
    CaseFile c = cases.byNumber(number).orElseThrow();
    assertThat(c.priority()).isEqualTo("NORMAL");
    assertThat(c.divisionCode()).isEqualTo(TAOYUAN);
    assertThat(c.title()).as("made by the intake from category and description").startsWith("路灯故障：村口第三盏路灯");
    assertThat(attachments.list(c.id())).extracting(a -> a.fileName()).containsExactly("light.png");
    assertThat(cases.openTasks(c.id())).extracting(t -> t.candidateGroup()).containsExactly("caseworker@" + TAOYUAN);

    // the page names the new case and links to it, with an empty form for the next one
    String after = HtmlUtils.htmlUnescape(mvc.perform(as("li.qiang", get(r.getRedirectedUrl()))).andReturn().getResponse()
        .getContentAsString());
    assertThat(after).contains("已上报，案件编号 " + number, "href=\"/cases/" + number + "\"")
        .doesNotContain("村口第三盏路灯不亮");
    // a number that is not such a case of his area names nothing
    assertThat(HtmlUtils.htmlUnescape(mvc.perform(as("li.qiang", get("/requests/report").param("filed", "MH2026-999999")))
        .andReturn().getResponse().getContentAsString())).doesNotContain("已上报，案件编号");
  }

  @Test
  void aResidentsIssueCarriesTheResidentAndAsksForTheirPhone() throws Exception {
    Map<String, String> f = own(TAOYUAN);
    f.put("reporter", "RESIDENT");
    f.put("residentName", "周大爷");
    f.put("residentPhone", "");
    long before = count("case_file");
    MockHttpServletResponse refused = submit("li.qiang", f);
    assertThat(refused.getStatus()).isEqualTo(400);
    String html = HtmlUtils.htmlUnescape(refused.getContentAsString());
    assertThat(html).contains("请填写联系电话", "value=\"周大爷\"", "村口第三盏路灯不亮，夜里行人看不清路");
    assertThat(count("case_file")).isEqualTo(before);

    f.put("residentPhone", "13500007777");
    String number = numberFrom(submit("li.qiang", f));
    ResidentRequest request = requests.byCaseNumber(number).orElseThrow();
    assertThat(request.residentName()).isEqualTo("周大爷");
    assertThat(request.residentPhone()).isEqualTo("13500007777");
    assertThat(request.channel()).isEqualTo(Channel.GRID);
  }

  @Test
  void aRefusedReportListsEveryMistakeKeepsWhatWasTypedAndWritesNothing() throws Exception {
    Map<String, String> f = own(TAOYUAN);
    f.put("categoryCode", "");
    f.put("description", "灯坏");
    f.put("latitude", "北纬30度");
    f.put("title", "村口路灯");
    long before = count("case_file");
    long files = count("case_attachment");
    MockHttpServletResponse r = submit("li.qiang", f, new MockMultipartFile("photos", "notes.txt", "image/png", "hello".getBytes()));
    assertThat(r.getStatus()).isEqualTo(400);
    String html = HtmlUtils.htmlUnescape(r.getContentAsString());
    assertThat(html).contains("上报尚未提交：请更正以下 4 处内容", "请选择诉求类别", "描述应为5至2000字", "纬度应为数字", "不支持的文件类型")
        .contains("href=\"#categoryCode\"", "href=\"#photos\"")
        .contains("value=\"村口路灯\"", "value=\"北纬30度\"", ">灯坏</textarea>", "value=\"桃源村村口\"");
    assertThat(count("case_file")).isEqualTo(before);
    assertThat(count("case_attachment")).isEqualTo(files);
  }

  @Test
  void aVillageOutsideHisGridIsRefusedWithAClearMessageAndNothingIsCreated() throws Exception {
    long before = count("case_file");
    // 杏花村 is another grid worker's; 翠苑社区 lies in another township
    for (String village : List.of(XINGHUA, "330106001001")) {
      MockHttpServletResponse r = submit("li.qiang", own(village));
      assertThat(r.getStatus()).as(village).isIn(400, 403);
      assertThat(HtmlUtils.htmlUnescape(r.getContentAsString())).as(village)
          .containsAnyOf("只能受理本辖区的诉求", "网格上报只能报本人网格所在的村社区")
          .contains("村口第三盏路灯不亮");
    }
    // a code that is no village at all
    Map<String, String> f = own(TAOYUAN);
    f.put("divisionCode", "330106002");
    assertThat(submit("li.qiang", f).getStatus()).isEqualTo(400);
    assertThat(count("case_file")).isEqualTo(before);
  }

  @Test
  void theApiKeepsTheSameRuleAGridReportComesFromTheGridWorkersOwnVillage() throws Exception {
    long before = count("case_file");
    Map<String, Object> body = new LinkedHashMap<>(Map.of("categoryCode", "streetlight", "description", "村口路灯不亮，夜里看不清路",
        "divisionCode", XINGHUA, "address", "杏花村村口", "residentName", "李强", "residentPhone", "13905710004", "channel", "GRID"));
    assertThat(rest.withBasicAuth("li.qiang", "demo").postForEntity("/api/requests", body, Map.class).getStatusCode().value())
        .isEqualTo(403);
    // an officer whose area holds the village but who is no grid worker there cannot file on the grid channel
    body.put("divisionCode", TAOYUAN);
    assertThat(rest.withBasicAuth("liu.yang", "demo").postForEntity("/api/requests", body, Map.class).getStatusCode().value())
        .isEqualTo(400);
    // a grid worker of one village whose area is wider (here: a whole township) still files on the grid only at home
    LinliUser wide = new LinliUser("li.qiang", "李强", java.util.Set.of("gridworker@" + TAOYUAN),
        org.linli.organization.Scope.ofDivisions(List.of("330106002")));
    IntakeForm form = new IntakeForm("streetlight", null, "村口路灯不亮，夜里看不清路", XINGHUA, "杏花村村口", null, null, "李强",
        "13905710004", null, Channel.GRID, null);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> intake.submitByStaff(form, wide))
        .isInstanceOf(org.linli.system.ForbiddenException.class).hasMessageContaining("网格上报只能报本人网格所在的村社区");
    assertThat(count("case_file")).isEqualTo(before);
  }

  @Test
  void chenJingReportsOnTheGridOnlyForTheVillageWhereSheIsAGridWorker() throws Exception {
    // a caseworker and grid worker of 翠苑社区: the page offers it and files there on the grid channel
    String html = HtmlUtils.htmlUnescape(page("chen.jing").getContentAsString());
    assertThat(html).contains("翠苑社区").doesNotContain("桃源村</option>");
    Map<String, String> f = own("330106001001");
    f.put("address", "翠苑社区3幢");
    String number = numberFrom(submit("chen.jing", f));
    assertThat(requests.byCaseNumber(number).orElseThrow().channel()).isEqualTo(Channel.GRID);
  }
}
