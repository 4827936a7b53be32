package org.linli.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linli.emergency.IncidentAlert.Change.ALL_CLEAR;
import static org.linli.emergency.IncidentAlert.Change.LEVEL_CHANGED;
import static org.linli.emergency.IncidentAlert.Change.WITHDRAWN;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.linli.emergency.IncidentLevel;
import org.linli.support.LinliIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.w3c.dom.Document;

/**
 * CAP 1.2 alerts from {@link org.linli.emergency.IncidentAlert} events: which events give alerts,
 * what they say, how updates and cancels reference earlier ones, drills, refusal of an invalid
 * document, the staff API's area, and the public Atom feed.
 */
@LinliIntegrationTest
class EmergencyAlertTests extends AlertTestSupport {

  @Autowired TestRestTemplate rest;

  @Test
  void aLevelFourIncidentAndAWithdrawalWithoutAlertsGiveNoAlert() {
    Ev iv = incident(IncidentLevel.IV);
    publish(iv);
    publish(iv.change(LEVEL_CHANGED, IncidentLevel.IV, T0.plusSeconds(60)));
    publish(iv.change(ALL_CLEAR, IncidentLevel.IV, T0.plusSeconds(120)));
    publish(iv.change(WITHDRAWN, IncidentLevel.IV, T0.plusSeconds(180)));
    assertThat(ofCase(iv)).isEmpty();
    assertThat(jdbc.sql("select count(*) from emergency_alert where case_id = ?").param(iv.e().caseId())
        .query(Long.class).single()).isZero();
  }

  @Test
  void aLevelThreeIncidentGivesAValidAlertWithEveryField() throws Exception {
    Ev iii = incident(IncidentLevel.III);
    publish(iii);
    List<AlertSummary> stored = ofCase(iii);
    assertThat(stored).singleElement().satisfies(a -> {
      assertThat(a.msgType()).isEqualTo("Alert");
      assertThat(a.status()).isEqualTo("Actual");
      assertThat(a.seq()).isEqualTo(1);
      assertThat(a.references()).isNull();
    });
    String id = stored.get(0).identifier();
    assertThat(id).isEqualTo("linli.330106." + iii.e().caseNumber() + ".1").doesNotContain(" ", ",", "<", "&");

    Document d = cap(id);
    assertThat(d.getDocumentElement().getNamespaceURI()).isEqualTo(NS);
    assertThat(one(d, "identifier")).isEqualTo(id);
    assertThat(one(d, "sender")).isEqualTo("linli@example.gov.cn");
    assertThat(one(d, "sent")).isEqualTo("2026-07-01T10:00:00+08:00");
    assertThat(one(d, "status")).isEqualTo("Actual");
    assertThat(one(d, "msgType")).isEqualTo("Alert");
    assertThat(one(d, "scope")).isEqualTo("Public");
    assertThat(all(d, "references")).isEmpty();
    assertThat(all(d, "restriction")).isEmpty();
    assertThat(one(d, "incidents")).isEqualTo(iii.e().caseNumber());
    assertThat(all(d, "language")).containsExactly("zh-CN", "en-US");
    assertThat(zh(d, "category")).containsExactly("Geo");
    assertThat(zh(d, "event")).containsExactly("自然灾害·山体滑坡 Landslide");
    assertThat(zh(d, "responseType")).containsExactly("Avoid");
    assertThat(zh(d, "urgency")).containsExactly("Immediate");
    assertThat(zh(d, "severity")).containsExactly("Moderate");
    assertThat(zh(d, "certainty")).containsExactly("Observed");
    assertThat(zh(d, "onset")).containsExactly("2026-07-01T09:30:00+08:00");
    assertThat(zh(d, "senderName")).containsExactly("邻里 Linli 应急管理 Emergency management");
    assertThat(zh(d, "headline")).containsExactly("桃源村后山发生山体滑坡（III级）");
    assertThat(zh(d, "description")).singleElement().asString()
        .contains("青溪县桃源镇桃源村发生山体滑坡 Landslide事件，等级为III级（较大）", "3 人被困", "地点：桃源村后山",
            "发生时间：2026-07-01 09:30");
    assertThat(zh(d, "instruction")).singleElement().asString().contains("远离事发区域");
    assertThat(zh(d, "areaDesc")).containsExactly("青溪县桃源镇桃源村");
    assertThat(zh(d, "circle")).containsExactly("30.274100,120.155100 1");
    assertThat(zh(d, "valueName")).contains("linli:subtype", "GB/T 2260");
    assertThat(zh(d, "value")).contains("LANDSLIDE", "330106002001", "III");
    assertThat(all(d, "headline").get(1)).isEqualTo("Natural disaster incident, level III (Major), 青溪县桃源镇桃源村");
  }

  @Test
  void raisingLoweringAndTheAllClearGiveUpdatesReferencingEveryEarlierAlert() throws Exception {
    Ev iii = incident(IncidentLevel.III);
    publish(iii);
    Ev ii = iii.change(LEVEL_CHANGED, IncidentLevel.II, T0.plusSeconds(3600));
    publish(ii);
    Ev iv = ii.change(LEVEL_CHANGED, IncidentLevel.IV, T0.plusSeconds(7200));
    publish(iv);
    publish(iv.change(ALL_CLEAR, IncidentLevel.IV, T0.plusSeconds(10800)));

    List<AlertSummary> stored = ofCase(iii);
    assertThat(stored).extracting(AlertSummary::msgType).containsExactly("Alert", "Update", "Update", "Update");
    assertThat(stored).extracting(AlertSummary::seq).containsExactly(1, 2, 3, 4);
    String n = iii.e().caseNumber();
    String r1 = "linli@example.gov.cn,linli.330106." + n + ".1,2026-07-01T10:00:00+08:00";
    String r2 = "linli@example.gov.cn,linli.330106." + n + ".2,2026-07-01T11:00:00+08:00";
    String r3 = "linli@example.gov.cn,linli.330106." + n + ".3,2026-07-01T12:00:00+08:00";

    Document up = cap(stored.get(1).identifier());
    assertThat(one(up, "msgType")).isEqualTo("Update");
    assertThat(one(up, "references")).isEqualTo(r1);
    assertThat(one(up, "sent")).isEqualTo("2026-07-01T11:00:00+08:00");
    assertThat(zh(up, "severity")).containsExactly("Severe");
    assertThat(zh(up, "headline")).singleElement().asString().startsWith("【升级】").endsWith("（II级）");
    assertThat(zh(up, "description")).singleElement().asString().contains("由III级（较大）升为II级（重大）");

    Document down = cap(stored.get(2).identifier());
    assertThat(one(down, "references")).isEqualTo(r1 + " " + r2);
    assertThat(zh(down, "severity")).containsExactly("Minor");
    assertThat(zh(down, "responseType")).containsExactly("Monitor");
    assertThat(zh(down, "description")).singleElement().asString()
        .contains("由II级（重大）降为IV级（一般）", "已低于对外发布预警的III级");
    assertThat(all(down, "description").get(1)).contains("below level III");

    Document clear = cap(stored.get(3).identifier());
    assertThat(one(clear, "msgType")).isEqualTo("Update");
    assertThat(one(clear, "references")).isEqualTo(r1 + " " + r2 + " " + r3);
    assertThat(zh(clear, "responseType")).containsExactly("AllClear");
    assertThat(zh(clear, "urgency")).containsExactly("Past");
    assertThat(zh(clear, "headline")).singleElement().asString().startsWith("【解除】");
  }

  @Test
  void aWithdrawnIncidentIsCancelledAndThenStaysQuiet() throws Exception {
    Ev ii = incident(IncidentLevel.II);
    publish(ii);
    publish(ii.change(WITHDRAWN, IncidentLevel.II, T0.plusSeconds(600)));
    publish(ii.change(LEVEL_CHANGED, IncidentLevel.I, T0.plusSeconds(900)));
    List<AlertSummary> stored = ofCase(ii);
    assertThat(stored).extracting(AlertSummary::msgType).containsExactly("Alert", "Cancel");
    Document cancel = cap(stored.get(1).identifier());
    assertThat(one(cancel, "msgType")).isEqualTo("Cancel");
    assertThat(one(cancel, "references"))
        .isEqualTo("linli@example.gov.cn," + stored.get(0).identifier() + ",2026-07-01T10:00:00+08:00");
    assertThat(zh(cancel, "responseType")).containsExactly("None");
    assertThat(zh(cancel, "headline")).singleElement().asString().startsWith("【撤销】");
  }

  @Test
  void warningsAreExpectedAndLikely() throws Exception {
    Ev warning = incident(IncidentLevel.III).warning();
    publish(warning);
    Document d = cap(ofCase(warning).get(0).identifier());
    assertThat(zh(d, "urgency")).containsExactly("Expected");
    assertThat(zh(d, "certainty")).containsExactly("Likely");
    assertThat(zh(d, "responseType")).containsExactly("Prepare", "Monitor");
    assertThat(zh(d, "circle")).as("no position given").isEmpty();
    assertThat(zh(d, "onset")).isEmpty();
    assertThat(zh(d, "description")).singleElement().asString().contains("山体滑坡 Landslide预警");
    assertThat(all(d, "urgency")).containsExactly("Expected", "Expected");

    Ev lowWarning = incident(IncidentLevel.IV).warning();
    publish(lowWarning);
    assertThat(ofCase(lowWarning)).isEmpty();
  }

  @Test
  void aDrillIsAnExerciseForItsParticipantsOnly() throws Exception {
    subscribe("county-watch@example.com", "330106", IncidentLevel.IV);
    Ev drill = incident(IncidentLevel.II).drill(Set.of("li.qiang", "liu.yang"));
    publish(drill);
    publish(drill.change(ALL_CLEAR, IncidentLevel.II, T0.plusSeconds(1800)));
    List<AlertSummary> stored = ofCase(drill);
    assertThat(stored).extracting(AlertSummary::status).containsExactly("Exercise", "Exercise");
    Document d = cap(stored.get(0).identifier());
    assertThat(one(d, "status")).isEqualTo("Exercise");
    assertThat(one(d, "scope")).isEqualTo("Private");
    assertThat(one(d, "addresses")).isEqualTo("li.qiang liu.yang");
    assertThat(one(d, "note")).contains("Exercise", drill.e().caseNumber());
    assertThat(zh(d, "headline")).singleElement().asString().startsWith("【演练】");

    // without participants the exercise is Restricted, with the restriction said
    Ev lonely = incident(IncidentLevel.III).drill(Set.of());
    publish(lonely);
    Document r = cap(ofCase(lonely).get(0).identifier());
    assertThat(one(r, "scope")).isEqualTo("Restricted");
    assertThat(one(r, "restriction")).contains("演练");

    List<String> mailed = deliver();
    assertThat(mailed).as("the participants, each once per alert; no subscriber")
        .containsExactlyInAnyOrder("li.qiang@linli.example", "liu.yang@linli.example", "li.qiang@linli.example",
            "liu.yang@linli.example");
    MimeMessage first = smtp.getReceivedMessages()[0];
    assertThat(first.getSubject()).startsWith("【应急预警】").contains("【演练】");
    assertThat(text(first)).contains("【预案演练】", "https://linli.example/cases/" + drill.e().caseNumber())
        .doesNotContain("/api/public/");

    // never public
    assertThat(rest.getForEntity("/api/public/emergency/alerts/{id}.xml", String.class, stored.get(0).identifier())
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(feed().getEntries()).noneMatch(e -> e.getLink().contains(drill.e().caseNumber()));
  }

  @Test
  void anAlertThatFailsTheSchemaIsRefusedAndTheBusinessTransactionRollsBack() {
    subscribe("county-watch@example.com", "330106", IncidentLevel.IV);
    // a time CAP cannot write (its dates have four-digit years): the document fails the schema
    Ev impossible = incident(IncidentLevel.II).at(Instant.parse("+10000-01-01T00:00:00Z"));
    assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
      jdbc.sql("update alert_subscription set display_name = 'changed in the business transaction'").update();
      publisher.publishEvent(impossible.e());
    })).isInstanceOf(InvalidAlertException.class).hasMessageContaining("sent");
    assertThat(ofCase(impossible)).isEmpty();
    assertThat(jdbc.sql("select count(*) from notification_outbox").query(Long.class).single()).isZero();
    assertThat(jdbc.sql("select display_name from alert_subscription").query(String.class).single())
        .as("the publisher's own write is rolled back too").isEqualTo("订阅人 county-watch@example.com");

    // the same event with a sane time goes through
    publish(impossible.at(T0));
    assertThat(ofCase(impossible)).hasSize(1);
  }

  @Test
  void theFeedListsActualAlertsOnlyAndLinksTheirDocuments() throws Exception {
    Ev real = incident(IncidentLevel.I).in("330106003001");
    publish(real);
    Ev drill = incident(IncidentLevel.I).drill(Set.of("zhou.yun"));
    publish(drill);
    String realId = ofCase(real).get(0).identifier();

    ResponseEntity<String> raw = rest.getForEntity("/api/public/emergency/alerts.atom", String.class);
    assertThat(raw.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(raw.getHeaders().getContentType().toString()).startsWith("application/atom+xml");
    SyndFeed feed = feed();
    assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
    List<String> exercises = jdbc.sql("select identifier from emergency_alert where status = 'Exercise'")
        .query(String.class).list();
    assertThat(exercises).isNotEmpty();
    assertThat(feed.getEntries()).isNotEmpty()
        .allSatisfy(e -> assertThat(exercises).noneMatch(x -> e.getLink().endsWith("/" + x + ".xml")));
    SyndEntry entry = feed.getEntries().stream().filter(e -> e.getLink().endsWith("/" + realId + ".xml")).findFirst()
        .orElseThrow();
    assertThat(entry.getTitle()).isEqualTo("桃源村后山发生山体滑坡（I级）");
    assertThat(entry.getDescription().getValue()).contains("特别重大");
    assertThat(entry.getUri()).startsWith("urn:uuid:");

    // the linked document is the stored CAP alert, public because it is Actual
    String link = entry.getLink().substring(entry.getLink().indexOf("/api/public/"));
    ResponseEntity<String> doc = rest.getForEntity(link, String.class);
    assertThat(doc.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(doc.getHeaders().getContentType().toString()).startsWith("application/cap+xml");
    assertThat(one(parse(doc.getBody()), "identifier")).isEqualTo(realId);
    assertThat(rest.getForEntity("/api/public/emergency/alerts/{id}.xml", String.class, "linli.nothing.1")
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  SyndFeed feed() throws Exception {
    String body = rest.getForEntity("/api/public/emergency/alerts.atom", String.class).getBody();
    return new SyndFeedInput().build(new StringReader(body));
  }

  @Test
  void staffSeeTheAlertsOfTheirAreaOnly() throws Exception {
    Ev taoyuan = incident(IncidentLevel.III); // 桃源镇桃源村
    publish(taoyuan);
    String id = ofCase(taoyuan).get(0).identifier();
    // ma.tao is no good here: RequestApiTests makes the engine delay his sign-in
    Ev qingxi = incident(IncidentLevel.III).in("330106001001"); // 青溪街道翠苑社区
    publish(qingxi);
    String other = ofCase(qingxi).get(0).identifier();

    // the township officer of 桃源镇 sees the village's alert, not 青溪街道's
    assertThat(list("liu.yang", "?case=" + taoyuan.e().caseNumber())).extracting(m -> m.get("identifier")).containsExactly(id);
    assertThat(list("liu.yang", "?case=" + qingxi.e().caseNumber())).isEmpty();
    assertThat(list("liu.yang", "")).extracting(m -> m.get("divisionCode")).isNotEmpty()
        .allSatisfy(code -> assertThat((String) code).startsWith("330106002"));
    assertThat(list("sun.li", "?case=" + taoyuan.e().caseNumber())).isEmpty();
    assertThat(list("sun.li", "?case=" + qingxi.e().caseNumber())).extracting(m -> m.get("identifier"))
        .containsExactly(other);
    // the county's emergency department and the county supervisor see both; since filters
    assertThat(list("he.jun", "?since=2026-07-01T02:00:00Z")).extracting(m -> m.get("identifier")).contains(id, other);
    assertThat(list("huang.hua", "?since=2026-07-01T02:00:01Z")).extracting(m -> m.get("identifier"))
        .doesNotContain(id, other);
    assertThat(list("huang.hua", "?since=2026-07-01")).extracting(m -> m.get("identifier")).contains(id, other);

    ResponseEntity<String> cap = xml("liu.yang", id, "application/cap+xml");
    assertThat(cap.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(cap.getHeaders().getContentType().toString()).startsWith("application/cap+xml");
    assertThat(one(parse(cap.getBody()), "identifier")).isEqualTo(id);
    ResponseEntity<String> plain = xml("liu.yang", id, "application/xml");
    assertThat(plain.getHeaders().getContentType().toString()).startsWith("application/xml");
    assertThat(plain.getBody()).isEqualTo(cap.getBody());
    assertThat(xml("sun.li", id, "application/cap+xml").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(xml("wang.fang", other, "application/xml").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(xml(null, id, "application/xml").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

    ResponseEntity<Map<String, Object>> bad = rest.withBasicAuth("liu.yang", "demo").exchange(
        "/api/emergency/alerts?since=yesterday", HttpMethod.GET, null, new ParameterizedTypeReference<>() {});
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(bad.getBody().get("errors").toString()).contains("since");
  }

  List<Map<String, Object>> list(String user, String query) {
    ResponseEntity<List<Map<String, Object>>> r = rest.withBasicAuth(user, "demo")
        .exchange("/api/emergency/alerts" + query, HttpMethod.GET, null, new ParameterizedTypeReference<>() {});
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
    return r.getBody();
  }

  ResponseEntity<String> xml(String user, String identifier, String accept) {
    HttpHeaders headers = new HttpHeaders();
    headers.set("Accept", accept);
    TestRestTemplate client = user == null ? rest : rest.withBasicAuth(user, "demo");
    return client.exchange("/api/emergency/alerts/{id}", HttpMethod.GET, new HttpEntity<>(headers), String.class, identifier);
  }
}
