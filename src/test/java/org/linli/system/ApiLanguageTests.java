package org.linli.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linli.casefile.CaseFiles;
import org.linli.request.Channel;
import org.linli.request.IntakeForm;
import org.linli.request.RequestIntake;
import org.linli.support.DemoUsers;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The API speaks the language its client names in Accept-Language, and both when it names none. */
@LinliIntegrationTest
class ApiLanguageTests {

  @LocalServerPort int port;
  @Autowired RequestIntake intake;
  @Autowired CaseFiles cases;
  @Autowired DemoUsers users;

  static final String BAD_PHONE = """
      {"categoryCode":"streetlight","description":"村口路灯坏了三天","divisionCode":"330106002001",
       "address":"桃源村村口","residentName":"张三","residentPhone":"12345"}""";

  String phoneMessage(Map<String, String> headers) {
    WebSession.Reply r = WebSession.on(port).json("POST", "/api/public/requests", BAD_PHONE, headers);
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    return r.body();
  }

  @Test
  void errorsComeInTheNamedLanguageOrInBoth() {
    assertThat(phoneMessage(Map.of())).contains("应为手机号", "a mobile number");
    assertThat(phoneMessage(Map.of("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8"))).contains("应为手机号").doesNotContain("a mobile number");
    assertThat(phoneMessage(Map.of("Accept-Language", "en-GB,en;q=0.9"))).contains("a mobile number").doesNotContain("应为手机号");
    assertThat(phoneMessage(Map.of("Accept-Language", "fr"))).as("a language Linli does not speak gets both")
        .contains("应为手机号", "a mobile number");
    assertThat(phoneMessage(Map.of("Accept-Language", ";;garbage"))).contains("应为手机号", "a mobile number");
  }

  @Test
  void aStepFormsLabelsComeInTheNamedLanguage() {
    String number = intake.submitByStaff(new IntakeForm("streetlight", null, "村口路灯坏了三天", "330106002001", "村口", null, null,
        "张三", "13900001111", null, Channel.HOTLINE, null), users.get("liu.yang")).caseNumber();
    String task = cases.openTasks(cases.byNumber(number).orElseThrow().id()).get(0).taskId();
    WebSession caseworker = WebSession.on(port).basic("wang.fang", "demo");
    assertThat(caseworker.get("/api/tasks/" + task + "/form").body()).contains("签收 Sign for");
    assertThat(caseworker.get("/api/tasks/" + task + "/form", Map.of("Accept-Language", "zh-CN")).body())
        .contains("\"签收\"").doesNotContain("Sign for");
    assertThat(caseworker.get("/api/tasks/" + task + "/form", Map.of("Accept-Language", "en")).body())
        .contains("\"Sign for\"").doesNotContain("签收");
  }
}
