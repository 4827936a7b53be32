package org.linli.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.linli.request.Channel;
import org.linli.request.IntakeForm;
import org.linli.request.RequestIntake;
import org.linli.support.DemoUsers;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The figures over HTTP: a supervisor's own area and what lies under it, nothing else, for no one else. */
@LinliIntegrationTest
class SupervisionApiTests {

  @LocalServerPort int port;
  @Autowired RequestIntake intake;
  @Autowired DemoUsers users;
  @Autowired SupervisionFigures figures;
  final ObjectMapper json = new ObjectMapper();

  JsonNode get(String user, String path, int status) throws Exception {
    WebSession.Reply r = WebSession.on(port).basic(user, "demo").get(path);
    assertThat(r.status()).as(path + " " + r.body()).isEqualTo(status);
    return json.readTree(r.body());
  }

  @Test
  void aSupervisorSeesHisAreaAndWhatLiesUnderItAndNothingElse() throws Exception {
    intake.submitByStaff(new IntakeForm("streetlight", null, "路灯不亮了，晚上出行很不方便", "330106002002", "村口", null, null, "张三",
        "13900001111", null, Channel.HOTLINE, null), users.get("liu.yang"));
    figures.refreshRecent();

    JsonNode county = get("huang.hua", "/api/supervision/figures", 200);
    JsonNode township = get("xu.ming", "/api/supervision/figures?division=330106002", 200);
    JsonNode village = get("xu.ming", "/api/supervision/figures?division=330106002002", 200);
    assertThat(village.get("received").asLong()).isPositive();
    assertThat(township.get("received").asLong()).isGreaterThanOrEqualTo(village.get("received").asLong());
    assertThat(county.get("received").asLong()).isGreaterThanOrEqualTo(township.get("received").asLong());
    assertThat(county.get("refreshedAt").isNull()).isFalse();

    JsonNode byVillage = get("xu.ming", "/api/supervision/breakdown?by=VILLAGE&division=330106002&period=MONTH", 200);
    assertThat(byVillage).anySatisfy(row -> {
      assertThat(row.get("key").asText()).isEqualTo("330106002002");
      assertThat(row.get("name").asText()).isEqualTo("杏花村");
    });

    // another township, a caseworker, a stranger: refused, and nothing is said of the other area
    get("xu.ming", "/api/supervision/figures?division=330106003", 403);
    get("xu.ming", "/api/supervision/breakdown?by=VILLAGE&division=330106001", 403);
    get("xu.ming", "/api/supervision/figures?division=3301", 400);
    get("wang.fang", "/api/supervision/figures", 403);
    assertThat(WebSession.on(port).get("/api/supervision/figures").status()).isEqualTo(401);
    get("huang.hua", "/api/supervision/figures?period=CUSTOM&from=2026-11-01", 400);
    get("huang.hua", "/api/supervision/figures?period=CUSTOM&from=2026-11-30&to=2026-11-01", 400);
    get("huang.hua", "/api/supervision/figures?period=CUSTOM&from=2024-01-01&to=2026-11-01", 400);
    JsonNode custom = get("huang.hua", "/api/supervision/figures?period=CUSTOM&from=2026-11-01&to=2026-11-30", 200);
    assertThat(custom.get("period").get("from").asText()).isEqualTo("2026-11-01");
  }

  @Test
  void headsOfUnitsWatchTheirOwnTownshipOrDepartment() throws Exception {
    figures.refreshRecent();
    // 林海 heads 桃源镇: the township's figures, as its supervisor sees them
    JsonNode head = get("lin.hai", "/api/supervision/figures?period=MONTH", 200);
    JsonNode supervisor = get("xu.ming", "/api/supervision/figures?period=MONTH", 200);
    assertThat(head.get("received")).isEqualTo(supervisor.get("received"));
    get("lin.hai", "/api/supervision/figures?division=330106001", 403);

    // 高洁 heads the county's 民政局: its cases only, and no place to narrow to
    JsonNode byDepartment = get("gao.jie", "/api/supervision/breakdown?by=DEPARTMENT&period=CUSTOM&from=2026-01-01&to=2026-12-31", 200);
    assertThat(byDepartment).allSatisfy(row -> assertThat(row.get("key").asText()).isEqualTo("mz"));
    JsonNode county = get("huang.hua", "/api/supervision/breakdown?by=DEPARTMENT&period=CUSTOM&from=2026-01-01&to=2026-12-31", 200);
    long mz = 0;
    for (JsonNode row : county) {
      mz += row.get("key").asText().equals("mz") ? row.get("received").asLong() : 0;
    }
    long mine = byDepartment.isEmpty() ? 0 : byDepartment.get(0).get("received").asLong();
    assertThat(mine).isEqualTo(mz);
    get("gao.jie", "/api/supervision/figures?division=330106", 403);
    get("gao.jie", "/api/supervision/ageing", 200);
  }
}
