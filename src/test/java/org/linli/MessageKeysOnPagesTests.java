package org.linli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.WebSession;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * No page shows a message key instead of its text (Thymeleaf writes a missing one as ??key_locale??):
 * the main pages of each role, with a case of each kind open, in Chinese and in English.
 */
@LinliIntegrationTest
class MessageKeysOnPagesTests {

  static final Pattern MISSING = Pattern.compile("\\?\\?[A-Za-z0-9_.\\-]+\\?\\?");
  static final Pattern NUMBER = Pattern.compile("\"caseNumber\"\\s*:\\s*\"([A-Z]+\\d{4}-\\d{6})\"");

  @LocalServerPort int port;

  String created(WebSession.Reply r) {
    assertThat(r.status()).as(r.body()).isIn(200, 201);
    Matcher m = NUMBER.matcher(r.body());
    assertThat(m.find()).as(r.body()).isTrue();
    return m.group(1);
  }

  @Test
  void everyMainPageOfEachRoleHasTextForEachKeyInBothLanguages() {
    String request = created(WebSession.on(port).json("POST", "/api/public/requests", """
        {"categoryCode":"streetlight","description":"村口路灯坏了三天","divisionCode":"330106002001",
         "address":"村口","residentName":"李四","residentPhone":"13800002222"}"""));
    String emergency = created(WebSession.on(port).basic("li.qiang", "demo").json("POST", "/api/emergency/incidents", """
        {"type":"ACCIDENT","subtype":"FIRE","divisionCode":"330106002001","location":"桃源村3组仓库",
         "occurredAt":"2026-11-30T02:10:00Z","description":"村民仓库起火，火势已得到控制"}"""));
    String assistance = created(WebSession.on(port).basic("wang.fang", "demo").json("POST", "/api/assistance/applications", """
        {"programme":"DIBAO","divisionCode":"330106002001","channel":"APPLICANT_WITH_CASEWORKER",
         "reason":"丈夫因病失去主要劳动能力，家庭收入微薄，孩子在读。","applicantPhone":"13900001111",
         "members":[{"name":"钱多多","idNumber":"330106197504121239","relation":"SELF","birthDate":"1975-04-12",
           "disabilityGrade":0,"employment":"UNEMPLOYED","monthlyIncome":300}],
         "assets":{"dwellings":1,"housingArea":60.00,"vehicles":0,"vehicleValue":0,"savings":500.00,"business":false}}"""));

    List<String> found = new ArrayList<>();
    for (String lang : List.of("zh", "en")) {
      WebSession anyone = WebSession.on(port);
      for (String path : List.of("/login", "/portal", "/portal/requests/new", "/portal/follow")) {
        check(anyone, path + "?lang=" + lang, found);
      }
      WebSession caseworker = WebSession.on(port);
      caseworker.login("wang.fang", "demo");
      for (String path : List.of("/tasks", "/tasks?queue=AREA", "/tasks/done", "/cases/search", "/cases/search?q=" + request,
          "/assistance/apply", "/emergency/report", "/cases/" + request, "/cases/" + assistance, "/cases/" + emergency)) {
        check(caseworker, path + (path.contains("?") ? "&" : "?") + "lang=" + lang, found);
      }
      WebSession gridWorker = WebSession.on(port);
      gridWorker.login("li.qiang", "demo");
      for (String path : List.of("/tasks", "/requests/report", "/cases/" + emergency)) {
        check(gridWorker, path + "?lang=" + lang, found);
      }
      WebSession supervisor = WebSession.on(port);
      supervisor.login("xu.ming", "demo");
      for (String path : List.of("/tasks?queue=AREA", "/cases/" + request, "/supervision/cards",
          "/supervision/cards?unit=330106002001")) {
        check(supervisor, path + (path.contains("?") ? "&" : "?") + "lang=" + lang, found);
      }
      WebSession head = WebSession.on(port);
      head.login("lin.hai", "demo");
      check(head, "/supervision/cards?lang=" + lang, found);
      WebSession county = WebSession.on(port);
      county.login("huang.hua", "demo");
      for (String path : List.of("/supervision", "/supervision?division=330106002&period=MONTH&rank=DEPARTMENT",
          "/supervision?division=330106002001&process=EMERGENCY&days=90", "/cases/search?division=330106002&status=OPEN&state=RED",
          "/cases/search?dated=URGED&from=2026-11-01&to=2026-11-30", "/tasks?queue=AREA&kind=REQUEST&step=Task_SignRequest")) {
        check(county, path + (path.contains("?") ? "&" : "?") + "lang=" + lang, found);
      }
      WebSession township = WebSession.on(port);
      township.login("liu.yang", "demo");
      for (String path : List.of("/tasks?queue=GROUP", "/emergency/hazards", "/cases/" + emergency,
          "/emergency/" + emergency + "/level", "/cases/" + assistance)) {
        check(township, path + (path.contains("?") ? "&" : "?") + "lang=" + lang, found);
      }
      for (String path : List.of("/supervision/report", "/supervision/report?month=2026-10&division=330106002001")) {
        check(supervisor, path + (path.contains("?") ? "&" : "?") + "lang=" + lang, found);
      }
    }
    assertThat(found).as("message keys shown instead of text").isEmpty();
  }

  void check(WebSession session, String path, List<String> found) {
    WebSession.Reply r = session.get(path);
    assertThat(r.status()).as(path).isEqualTo(200);
    Matcher m = MISSING.matcher(r.body());
    while (m.find()) {
      found.add(path + ": " + m.group());
    }
  }
}
