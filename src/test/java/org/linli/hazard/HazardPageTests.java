package org.linli.hazard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.support.DemoUsers;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.ShanghaiTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The workbench page of hazard points (/emergency/hazards): 桃源镇's officer liu.yang writes in 桃源村
 * 330106002001, 云岭乡's ma.tao in 云岭村 330106003001, emergency management he.jun in the whole county;
 * the grid worker li.qiang of 桃源村 reads only.
 */
@LinliIntegrationTest
class HazardPageTests {

  static final String TAOYUAN = "330106002001";
  static final String YUNLING = "330106003001";

  @Autowired WebApplicationContext context;
  @Autowired DemoUsers users;
  @Autowired HazardPoints points;
  @Autowired JdbcClient jdbc;

  MockMvc mvc;
  /** Names unique to each test, since the database is shared. */
  String tag;

  @BeforeEach
  void mvc() {
    mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    ClockUtil.setCurrentTime(Date.from(ShanghaiTime.at("2026-07-01T10:00")));
    tag = UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
    return request.with(authentication(UsernamePasswordAuthenticationToken.authenticated(users.get(username), null, List.of())));
  }

  MockHttpServletResponse page(String username, String url) throws Exception {
    return mvc.perform(as(username, get(url))).andReturn().getResponse();
  }

  MockHttpServletResponse postForm(String username, String url, Map<String, String> fields) throws Exception {
    MockHttpServletRequestBuilder request = post(url).with(csrf());
    fields.forEach(request::param);
    return mvc.perform(as(username, request)).andReturn().getResponse();
  }

  HazardPoint register(String username, String name, String village, HazardType type) {
    return points.register(new HazardPointInput(name, village, "村口", null, null, type, 7, LocalDate.of(2026, 7, 8), null),
        users.get(username));
  }

  Map<String, String> valid() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("name", "后山滑坡点" + tag);
    f.put("divisionCode", TAOYUAN);
    f.put("location", "桃源村后山3组上方");
    f.put("hazardType", "LANDSLIDE_SLOPE");
    f.put("cycleDays", "14");
    f.put("nextInspectionOn", "2026-07-03");
    f.put("latitude", "30.12");
    f.put("longitude", "120.08");
    return f;
  }

  long count() {
    return jdbc.sql("select count(*) from hazard_point").query(Long.class).single();
  }

  HazardPoint reload(long id) {
    return points.visible(id, users.get("he.jun"));
  }

  @Test
  void theListShowsTheUsersAreaAndFiltersByVillageAndType() throws Exception {
    HazardPoint taoyuan = register("liu.yang", "桃源滑坡" + tag, TAOYUAN, HazardType.LANDSLIDE_SLOPE);
    HazardPoint yunling = register("ma.tao", "云岭火险" + tag, YUNLING, HazardType.FOREST_FIRE_AREA);

    MockHttpServletResponse township = page("liu.yang", "/emergency/hazards");
    assertThat(township.getStatus()).isEqualTo(200);
    assertThat(township.getContentAsString()).contains("桃源滑坡" + tag, "滑坡隐患", "桃源村", "2026-07-08", "7 天", "启用")
        .doesNotContain("云岭火险" + tag);
    assertThat(page("li.qiang", "/emergency/hazards").getContentAsString()).contains("桃源滑坡" + tag)
        .doesNotContain("云岭火险" + tag);

    // emergency management sees the county; another department sees none of it
    String county = page("he.jun", "/emergency/hazards").getContentAsString();
    assertThat(county).contains("桃源滑坡" + tag, "云岭火险" + tag);
    assertThat(points.list(users.get("wu.lei"))).extracting(HazardPoint::id).doesNotContain(taoyuan.id(), yunling.id());
    assertThat(points.list(users.get("he.jun"))).extracting(HazardPoint::id).contains(taoyuan.id(), yunling.id());

    String oneVillage = page("he.jun", "/emergency/hazards?village=" + YUNLING).getContentAsString();
    assertThat(oneVillage).contains("云岭火险" + tag).doesNotContain("桃源滑坡" + tag);
    String oneType = page("he.jun", "/emergency/hazards?type=LANDSLIDE_SLOPE").getContentAsString();
    assertThat(oneType).contains("桃源滑坡" + tag).doesNotContain("云岭火险" + tag);
    // a village outside the area shows nothing of it
    assertThat(page("liu.yang", "/emergency/hazards?village=" + YUNLING).getContentAsString()).doesNotContain("云岭火险" + tag);
  }

  @Test
  void theTownshipRegistersAPointThroughTheFormAndSeesItListed() throws Exception {
    String form = page("liu.yang", "/emergency/hazards").getContentAsString();
    assertThat(form).contains("id=\"register-form\"", "登记隐患点", "href=\"/emergency/hazards\"");
    assertThat(page("li.qiang", "/tasks").getContentAsString()).as("no top-bar link for a grid worker")
        .doesNotContain("href=\"/emergency/hazards\"");
    assertThat(page("he.jun", "/tasks").getContentAsString()).as("the top-bar link for emergency management")
        .contains("href=\"/emergency/hazards\"", "隐患点");

    long before = count();
    MockHttpServletResponse done = postForm("liu.yang", "/emergency/hazards", valid());
    assertThat(done.getStatus()).isEqualTo(302);
    assertThat(done.getRedirectedUrl()).startsWith("/emergency/hazards?registered=");
    assertThat(count()).isEqualTo(before + 1);
    long id = Long.parseLong(done.getRedirectedUrl().replaceAll("\\D+", ""));
    HazardPoint p = reload(id);
    assertThat(p.name()).isEqualTo("后山滑坡点" + tag);
    assertThat(p.cycleDays()).isEqualTo(14);
    assertThat(p.nextInspectionOn()).isEqualTo(LocalDate.of(2026, 7, 3));
    assertThat(p.latitude()).isEqualTo(30.12);
    assertThat(p.createdBy()).isEqualTo("liu.yang");

    String listed = page("liu.yang", done.getRedirectedUrl()).getContentAsString();
    assertThat(listed).contains("隐患点已登记", "后山滑坡点" + tag, "2026-07-03", "14 天", "id=\"hazard-" + id + "\"");
  }

  @Test
  void refusedInputComesBackAsTypedWithMessagesAndWritesNothing() throws Exception {
    long before = count();
    Map<String, String> bad = valid();
    bad.put("name", "");
    bad.put("cycleDays", "0");
    bad.put("nextInspectionOn", "2026-06-01");
    bad.put("longitude", "");
    MockHttpServletResponse r = postForm("liu.yang", "/emergency/hazards", bad);
    assertThat(r.getStatus()).isEqualTo(400);
    assertThat(r.getContentAsString()).contains("请更正标出的内容，隐患点尚未登记", "请填写隐患点名称", "巡查周期应为 1 至 365 天",
        "下次巡查日期不能早于今天", "经纬度须同时填写", "value=\"0\"", "value=\"2026-06-01\"", "桃源村后山3组上方");
    assertThat(count()).isEqualTo(before);

    // what cannot even be read comes back the same way
    Map<String, String> unreadable = valid();
    unreadable.put("cycleDays", "七");
    unreadable.put("nextInspectionOn", "下周");
    MockHttpServletResponse u = postForm("liu.yang", "/emergency/hazards", unreadable);
    assertThat(u.getStatus()).isEqualTo(400);
    assertThat(u.getContentAsString()).contains("巡查周期应为 1 至 365 的整数", "日期格式应为", "value=\"七\"", "后山滑坡点" + tag);
    assertThat(count()).isEqualTo(before);

    // 云岭乡 may not register in 桃源村: refused, nothing written
    Map<String, String> elsewhere = valid();
    assertThat(postForm("ma.tao", "/emergency/hazards", elsewhere).getStatus()).isEqualTo(403);
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void aGridWorkerReadsButMayNotWrite() throws Exception {
    HazardPoint p = register("liu.yang", "村口易涝点" + tag, TAOYUAN, HazardType.FLOOD_UNDERPASS);
    MockHttpServletResponse r = page("li.qiang", "/emergency/hazards");
    assertThat(r.getStatus()).isEqualTo(200);
    String html = r.getContentAsString();
    assertThat(html).contains("村口易涝点" + tag, "id=\"read-only\"")
        .doesNotContain("id=\"register-form\"", "action=\"/emergency/hazards/" + p.id() + "\"");
    assertThat(page("liu.yang", "/emergency/hazards").getContentAsString())
        .contains("action=\"/emergency/hazards/" + p.id() + "\"").doesNotContain("id=\"read-only\"");

    long before = count();
    MockHttpServletResponse refused = postForm("li.qiang", "/emergency/hazards", valid());
    assertThat(refused.getStatus()).isEqualTo(403);
    assertThat(refused.getContentAsString()).contains("无权操作");
    assertThat(count()).isEqualTo(before);

    MockHttpServletResponse edit = postForm("li.qiang", "/emergency/hazards/" + p.id(),
        Map.of("cycleDays", "30", "nextInspectionOn", "2026-07-08", "active", "false"));
    assertThat(edit.getStatus()).isEqualTo(403);
    assertThat(reload(p.id()).cycleDays()).isEqualTo(7);
    assertThat(reload(p.id()).active()).isTrue();
  }

  @Test
  void aRowsCycleNextDateAndActiveAreChangedInPlace() throws Exception {
    HazardPoint p = register("liu.yang", "危旧房" + tag, TAOYUAN, HazardType.OLD_BUILDING);

    MockHttpServletResponse cycle = postForm("liu.yang", "/emergency/hazards/" + p.id() + "?village=" + TAOYUAN,
        Map.of("cycleDays", "30", "nextInspectionOn", "2026-07-08", "active", "true"));
    assertThat(cycle.getStatus()).isEqualTo(302);
    assertThat(cycle.getRedirectedUrl()).isEqualTo("/emergency/hazards?village=" + TAOYUAN + "&changed=" + p.id());
    assertThat(reload(p.id()).cycleDays()).isEqualTo(30);
    assertThat(reload(p.id()).nextInspectionOn()).isEqualTo(LocalDate.of(2026, 7, 8));
    assertThat(page("liu.yang", cycle.getRedirectedUrl()).getContentAsString()).contains("隐患点已调整", "30 天");

    MockHttpServletResponse bad = postForm("liu.yang", "/emergency/hazards/" + p.id(),
        Map.of("cycleDays", "400", "nextInspectionOn", "2026-06-30", "active", "true"));
    assertThat(bad.getStatus()).isEqualTo(400);
    assertThat(bad.getContentAsString()).contains("请更正标出的内容，调整尚未保存", "巡查周期应为 1 至 365 天", "下次巡查日期不能早于今天",
        "value=\"400\"", "value=\"2026-06-30\"");
    assertThat(reload(p.id()).cycleDays()).as("nothing written").isEqualTo(30);

    // emergency management deactivates it and moves the date
    MockHttpServletResponse off = postForm("he.jun", "/emergency/hazards/" + p.id(),
        Map.of("cycleDays", "30", "nextInspectionOn", "2026-07-20", "active", "false"));
    assertThat(off.getStatus()).isEqualTo(302);
    HazardPoint now = reload(p.id());
    assertThat(now.active()).isFalse();
    assertThat(now.nextInspectionOn()).isEqualTo(LocalDate.of(2026, 7, 20));
    assertThat(page("he.jun", "/emergency/hazards").getContentAsString()).containsPattern(
        "id=\"hazard-" + p.id() + "\" class=\"inactive\"");

    // 云岭乡 may see nothing of it and may not change it
    assertThat(postForm("ma.tao", "/emergency/hazards/" + p.id(),
        Map.of("cycleDays", "5", "nextInspectionOn", "2026-07-20", "active", "true")).getStatus()).isEqualTo(404);
    assertThat(reload(p.id()).cycleDays()).isEqualTo(30);
  }
}
