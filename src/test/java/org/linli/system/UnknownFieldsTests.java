package org.linli.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.assistance.Assets;
import org.linli.assistance.EntryChannel;
import org.linli.assistance.Employment;
import org.linli.assistance.HouseholdApplication;
import org.linli.assistance.HouseholdMember;
import org.linli.assistance.IdNumber;
import org.linli.assistance.Programme;
import org.linli.assistance.Relation;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A body with a field the API does not know is refused, naming every such field, and nothing is
 * written: the three times a user lost data without a sign (a reply mail, casualty figures, an
 * inspection day), replayed.
 */
@LinliIntegrationTest
class UnknownFieldsTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;

  long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  /** The errors of a problem+json answer, as "field: message". */
  List<String> errors(WebSession.Reply r) throws Exception {
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
    JsonNode body = json.readTree(r.body());
    return java.util.stream.StreamSupport.stream(body.path("errors").spliterator(), false)
        .map(e -> e.path("field").asText() + ": " + e.path("message").asText()).toList();
  }

  @Test
  void aMistypedResidentEmailIsRefusedNotDropped() throws Exception {
    long cases = count("case_file");
    WebSession.Reply r = WebSession.on(port).json("POST", "/api/public/requests", """
        {"categoryCode":"streetlight","description":"村口路灯坏了三天","divisionCode":"330106002001",
         "address":"桃源村村口","residentName":"张三","residentPhone":"13900001111",
         "email":"zhang.san@example.com","phone2":"13900002222"}""");
    List<String> errors = errors(r);
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0)).startsWith("email: ").contains("unknown field", "residentEmail");
    assertThat(errors.get(1)).startsWith("phone2: ");
    assertThat(count("case_file")).isEqualTo(cases);
  }

  @Test
  void aHazardPointsMisnamedInspectionDayIsRefused() throws Exception {
    long points = count("hazard_point");
    WebSession.Reply r = WebSession.on(port).basic("liu.yang", "demo").json("POST", "/api/emergency/hazard-points", """
        {"name":"后山滑坡点","divisionCode":"330106002001","location":"桃源村后山3组上方",
         "hazardType":"LANDSLIDE_SLOPE","cycleDays":7,"nextInspection":"2026-12-07"}""");
    assertThat(errors(r)).singleElement().asString().startsWith("nextInspection: ").contains("nextInspectionOn");
    assertThat(count("hazard_point")).isEqualTo(points);
  }

  @Test
  void anUnknownFieldDeepInsideABodyIsNamedByItsPath() throws Exception {
    LocalDate birth = LocalDate.of(1975, 4, 12);
    String first17 = "330106" + "19750412" + "123";
    HouseholdMember self = new HouseholdMember("张建国", first17 + IdNumber.checkCharacter(first17), Relation.SELF, birth, 0,
        Employment.UNEMPLOYED, new BigDecimal("1500.00"));
    HouseholdApplication application = new HouseholdApplication(Programme.DIBAO, "330106002001",
        EntryChannel.APPLICANT_WITH_CASEWORKER, "丈夫因病失去主要劳动能力，家庭收入微薄，孩子在读。", null, "13900001111",
        List.of(self), new Assets(1, new BigDecimal("60.00"), 0, BigDecimal.ZERO, new BigDecimal("5000.00"), false, null));
    ObjectNode body = json.valueToTree(application);
    ((ObjectNode) body.path("members").get(0)).put("income", "1500.00");
    long cases = count("case_file");
    WebSession.Reply r = WebSession.on(port).basic("wang.fang", "demo").json("POST", "/api/assistance/applications",
        json.writeValueAsString(body));
    assertThat(errors(r)).singleElement().asString().startsWith("members[0].income: ").contains("monthlyIncome");
    assertThat(count("case_file")).isEqualTo(cases);
  }
}
