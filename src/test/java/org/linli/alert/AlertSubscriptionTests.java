package org.linli.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.emergency.IncidentAlert.Change.ALL_CLEAR;
import static org.linli.emergency.IncidentAlert.Change.LEVEL_CHANGED;

import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linli.emergency.IncidentLevel;
import org.linli.support.LinliIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Subscriptions by area and minimum level: who may keep them, what is refused, and who is mailed, once. */
@LinliIntegrationTest
class AlertSubscriptionTests extends AlertTestSupport {

  @Autowired TestRestTemplate rest;

  @Test
  void subscribersOfTheAreaAndLevelAreMailedEachAlertOnce() throws Exception {
    subscribe("county-iii@example.com", "330106", IncidentLevel.III);
    subscribe("county-iii@example.com", "330106002", IncidentLevel.IV); // the same address twice
    subscribe("township-ii@example.com", "330106002", IncidentLevel.II);
    subscribe("village-iv@example.com", "330106002001", IncidentLevel.IV);
    subscribe("neighbour-village@example.com", "330106002002", IncidentLevel.IV);
    subscribe("other-township@example.com", "330106003", IncidentLevel.IV);
    subscribe("county-i@example.com", "330106", IncidentLevel.I);
    jdbc.sql("insert into alert_subscription (email, division_code, min_level, created_by, created_at, active)"
        + " values ('ended@example.com', '330106', 'IV', 'huang.hua', current_timestamp, false)").update();

    Ev iii = incident(IncidentLevel.III); // 桃源村, 330106002001
    publish(iii);
    assertThat(deliver()).containsExactlyInAnyOrder("county-iii@example.com", "village-iv@example.com");
    MimeMessage m = smtp.getReceivedMessages()[0];
    String id = ofCase(iii).get(0).identifier();
    assertThat(m.getSubject()).isEqualTo("【应急预警】桃源村后山发生山体滑坡（III级） (Emergency alert)");
    String text = text(m);
    assertThat(text).contains("发布 Alert", "III级（较大） level III (Major)", "青溪县桃源镇桃源村", "2026-07-01 10:00", id,
        "3 人被困", "远离事发区域", "https://linli.example/api/public/emergency/alerts/" + id + ".xml")
        .doesNotContain("null", "/cases/");
    String html = (String) ((jakarta.mail.internet.MimeMultipart) m.getContent()).getBodyPart(1).getContent();
    assertThat(html).contains("订阅人 ", "桃源村后山发生山体滑坡", id);

    Ev ii = iii.change(LEVEL_CHANGED, IncidentLevel.II, T0.plusSeconds(3600));
    publish(ii);
    assertThat(deliver()).containsExactlyInAnyOrder("county-iii@example.com", "village-iv@example.com",
        "township-ii@example.com");

    // lowered below III and cleared: everyone told at II hears it, the level-I county list still not
    Ev iv = ii.change(LEVEL_CHANGED, IncidentLevel.IV, T0.plusSeconds(7200));
    publish(iv);
    publish(iv.change(ALL_CLEAR, IncidentLevel.IV, T0.plusSeconds(9000)));
    List<String> mailed = deliver();
    assertThat(mailed).hasSize(6).containsOnly("county-iii@example.com", "village-iv@example.com", "township-ii@example.com");
    assertThat(deliver()).as("nothing twice").isEmpty();
    assertThat(jdbc.sql("select count(*) from notification_outbox where recipient_address = 'county-iii@example.com'")
        .query(Long.class).single()).as("one row per alert for the address with two subscriptions").isEqualTo(4);
    assertThat(Arrays.stream(smtp.getReceivedMessages()).map(x -> {
      try {
        return x.getSubject();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    })).anyMatch(s -> s.contains("【解除】")).anyMatch(s -> s.contains("【降级】")).anyMatch(s -> s.contains("【升级】"));

    // an alert elsewhere reaches the other township's subscriber and the county's, not 桃源镇's
    publish(incident(IncidentLevel.I).in("330106003002"));
    assertThat(deliver()).containsExactlyInAnyOrder("county-iii@example.com", "other-township@example.com",
        "county-i@example.com");
  }

  @Test
  void supervisorsKeepTheSubscriptionsOfTheirArea() {
    ResponseEntity<Map<String, Object>> created = post("huang.hua",
        body(" Watch@Example.com ", "县应急值班", "330106002001", "iii"));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getBody()).containsEntry("email", "watch@example.com").containsEntry("divisionCode", "330106002001")
        .containsEntry("minLevel", "III").containsEntry("createdBy", "huang.hua").containsEntry("active", true);
    long id = ((Number) created.getBody().get("id")).longValue();

    assertThat(post("huang.hua", body("watch@example.com", null, "330106002001", "II")).getStatusCode())
        .as("the same address and area twice").isEqualTo(HttpStatus.CONFLICT);

    // a township supervisor: only below 桃源镇
    assertThat(post("xu.ming", body("town@example.com", null, "330106002", "IV")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    ResponseEntity<Map<String, Object>> outside = post("xu.ming", body("town@example.com", null, "330106003", "IV"));
    assertThat(outside.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(outside.getBody().get("errors").toString()).contains("divisionCode");
    assertThat(list("xu.ming")).extracting(m -> m.get("email")).containsExactlyInAnyOrder("watch@example.com", "town@example.com");
    assertThat(list("admin")).hasSize(2);

    // everything wrong at once, as problem+json naming each field; nothing written
    ResponseEntity<Map<String, Object>> bad = post("admin", body("not an address", "x".repeat(101), "330106999", "V"));
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(bad.getBody().get("errors").toString()).contains("field=email", "field=displayName", "field=divisionCode",
        "field=minLevel");
    assertThat(post("admin", body("a@example.com", null, null, null)).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(list("admin")).hasSize(2);

    // only supervisors and administrators
    assertThat(post("liu.yang", body("x@example.com", null, "330106002", "IV")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("wang.fang", "demo").exchange("/api/emergency/alert-subscriptions", HttpMethod.GET, null,
        String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.exchange("/api/emergency/alert-subscriptions", HttpMethod.GET, null, String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);

    // ending: not for a township officer; a township supervisor ends those of the township only
    assertThat(delete("sun.li", id)).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("huang.hua", body("yl@example.com", null, "330106003", "IV")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    long yunling = ((Number) list("huang.hua").stream().filter(m -> "yl@example.com".equals(m.get("email"))).findFirst()
        .orElseThrow().get("id")).longValue();
    assertThat(delete("xu.ming", yunling)).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(delete("xu.ming", id)).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(delete("xu.ming", id)).as("again: nothing changes").isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(list("huang.hua")).extracting(m -> m.get("email")).containsExactlyInAnyOrder("town@example.com", "yl@example.com");
    assertThat(jdbc.sql("select ended_by from alert_subscription where id = ?").param(id).query(String.class).single())
        .isEqualTo("xu.ming");
    assertThat(post("huang.hua", body("watch@example.com", null, "330106002001", "II")).getStatusCode())
        .as("after the end, the address may subscribe again").isEqualTo(HttpStatus.CREATED);
  }

  static Map<String, Object> body(String email, String name, String division, String level) {
    Map<String, Object> b = new HashMap<>();
    b.put("email", email);
    b.put("displayName", name);
    b.put("divisionCode", division);
    b.put("minLevel", level);
    return b;
  }

  ResponseEntity<Map<String, Object>> post(String user, Map<String, Object> body) {
    return rest.withBasicAuth(user, "demo").exchange("/api/emergency/alert-subscriptions", HttpMethod.POST,
        new HttpEntity<>(body), new ParameterizedTypeReference<>() {});
  }

  List<Map<String, Object>> list(String user) {
    ResponseEntity<List<Map<String, Object>>> r = rest.withBasicAuth(user, "demo").exchange(
        "/api/emergency/alert-subscriptions", HttpMethod.GET, null, new ParameterizedTypeReference<>() {});
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
    return r.getBody();
  }

  HttpStatus delete(String user, long id) {
    return HttpStatus.valueOf(rest.withBasicAuth(user, "demo").exchange("/api/emergency/alert-subscriptions/{id}",
        HttpMethod.DELETE, null, String.class, id).getStatusCode().value());
  }
}
