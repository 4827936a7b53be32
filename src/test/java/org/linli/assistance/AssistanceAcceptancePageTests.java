package org.linli.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.casefile.CaseAttachments;
import org.linli.casefile.CaseFiles;
import org.linli.support.DemoUsers;
import org.linli.support.LinliIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.util.HtmlUtils;

/**
 * The township's acceptance (乡镇受理) on the case page: the officer deciding sees the application
 * itself (reason, members with their incomes, assets, the pre-check, the materials), and the view is
 * logged; whoever does not act on the case sees the masked household only, unlogged. The timeline
 * and the record say the village entered the application, not that anybody accepted it.
 */
@LinliIntegrationTest
class AssistanceAcceptancePageTests {

  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

  @Autowired WebApplicationContext context;
  @Autowired AssistanceIntake intake;
  @Autowired CaseFiles cases;
  @Autowired CaseAttachments attachments;
  @Autowired DemoUsers users;
  @Autowired JdbcClient jdbc;

  MockMvc mvc;

  @BeforeEach
  void mvc() {
    mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
  }

  String casePage(String username, String number) throws Exception {
    var r = mvc.perform(get("/cases/" + number)
        .with(authentication(UsernamePasswordAuthenticationToken.authenticated(users.get(username), null, List.of()))))
        .andReturn().getResponse();
    assertThat(r.getStatus()).as(username).isEqualTo(200);
    return HtmlUtils.htmlUnescape(r.getContentAsString());
  }

  List<Map<String, Object>> views(long caseId) {
    return jdbc.sql("select accessed_by, field_group, purpose from sensitive_access_log where case_id = ? order by id")
        .param(caseId).query().listOfRows();
  }

  @Test
  void theTownshipDecidingSeesTheApplicationAndTheViewIsLogged() throws Exception {
    HouseholdApplication a = HouseholdFixtures.family(Programme.DIBAO);
    String number = intake.apply(a, users.get("wang.fang")).caseNumber();
    long id = cases.byNumber(number).orElseThrow().id();
    attachments.add(id, "户口簿.png", "image/png", PNG, "wang.fang", false);
    assertThat(cases.openTasks(id)).extracting(t -> t.activityId()).containsExactly("Task_Accept");

    String html = casePage("liu.yang", number);
    assertThat(html).contains("id=\"application\"", "申请内容：最低生活保障")
        .contains("申请理由", a.reason())
        .contains("家庭成员（3人）", "张建国", "本人", "配偶", "子女", "无业/失业", "1500.00", "0.00")
        .contains("家庭人均月收入", "500.00 元/月（3人，合计 1500.00 元）")
        .contains("家庭财产", "住房 1 套，60.00 平方米", "存款及有价证券 5000.00 元", "无经营")
        .contains("预审结果", "按申报数据未发现不符合条件的情形")
        .contains("申请材料", "1 份：户口簿.png")
        .as("ID numbers stay masked: no decision here needs them whole")
        .doesNotContain(a.members().get(0).idNumber()).contains(IdNumber.mask(a.members().get(0).idNumber()));
    assertThat(html.indexOf("id=\"application\"")).as("read before deciding").isLessThan(html.indexOf("id=\"steps\""));
    assertThat(views(id)).as("the whole view is logged with the step as its purpose").hasSize(1).first()
        .satisfies(v -> {
          // the row maps ignore the case of column names
          assertThat(v.get("accessed_by")).isEqualTo("liu.yang");
          assertThat(v.get("field_group")).isEqualTo(AssistanceFiles.FIELD_GROUP_HOUSEHOLD);
          assertThat((String) v.get("purpose")).contains("乡镇受理");
        });

    // in English too
    String en = HtmlUtils.htmlUnescape(mvc.perform(get("/cases/" + number).param("lang", "en")
        .with(authentication(UsernamePasswordAuthenticationToken.authenticated(users.get("liu.yang"), null, List.of()))))
        .andReturn().getResponse().getContentAsString());
    assertThat(en).contains("Application: " + Programme.DIBAO.nameEn(), "Reason", "Income per member", "Pre-check",
        "Household (3)", "Income / month (CNY)");

    // the timeline and the record: entered by the village, not accepted (受理) by anybody yet
    assertThat(html).contains("<strong>录入申请</strong>", "录入时间").doesNotContain("<strong>受理</strong>", "受理时间");
  }

  @Test
  void whoeverDoesNotActOnTheCaseSeesTheMaskedHouseholdOnlyAndNothingIsLogged() throws Exception {
    String number = intake.apply(HouseholdFixtures.family(Programme.DIBAO), users.get("wang.fang")).caseNumber();
    long id = cases.byNumber(number).orElseThrow().id();
    // the village that entered it (the step is the township's now) and the county's supervisor
    for (String user : List.of("wang.fang", "huang.hua")) {
      String html = casePage(user, number);
      assertThat(html).as(user).contains("家庭成员（3人）", "张建国")
          .doesNotContain("id=\"application\"", "申请理由", "1500.00", "预审结果", "家庭人均月收入");
    }
    assertThat(views(id)).isEmpty();
  }

  @Test
  void aHouseholdThatMayNotQualifyShowsWhyInThePreCheck() throws Exception {
    HouseholdApplication rich = HouseholdFixtures.withAssets(HouseholdFixtures.family(Programme.DIBAO),
        new Assets(2, new BigDecimal("260.00"), 1, new BigDecimal("180000.00"), new BigDecimal("400000.00"), false, null));
    String number = intake.apply(rich, users.get("wang.fang")).caseNumber();
    String html = casePage("liu.yang", number);
    assertThat(html).contains("预审结果", "可能不符合条件", "人均存款及经营资产", "车辆价值180000.00元超过")
        .contains("住房 2 套，260.00 平方米", "机动车 1 辆，价值 180000.00 元");
  }
}
