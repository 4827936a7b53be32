package org.linli.hazard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linli.support.LinliIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** /api/emergency/hazard-points over HTTP with the demo users. */
@LinliIntegrationTest
class HazardPointApiTests {

  static final ParameterizedTypeReference<Object> JSON = new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate http;
  @Autowired JdbcClient jdbc;

  ResponseEntity<Object> call(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setBasicAuth(user, "demo");
    return http.exchange(path, method, new HttpEntity<>(body, headers), JSON);
  }

  Map<String, Object> point() {
    Map<String, Object> p = new HashMap<>();
    p.put("name", "后山滑坡点");
    p.put("divisionCode", "330106002001");
    p.put("location", "桃源村后山3组上方");
    p.put("hazardType", "LANDSLIDE_SLOPE");
    p.put("cycleDays", 7);
    return p;
  }

  @Test
  @SuppressWarnings("unchecked")
  void registerListAdjustAndRefuse() {
    long before = jdbc.sql("select count(*) from hazard_point").query(Long.class).single();
    Map<String, Object> bad = point();
    bad.put("cycleDays", 0);
    bad.put("name", "");
    ResponseEntity<Object> r = call("liu.yang", HttpMethod.POST, "/api/emergency/hazard-points", bad);
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(r.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    assertThat(((Map<String, Object>) r.getBody()).get("errors").toString()).contains("cycleDays").contains("name");
    assertThat(call("ma.tao", HttpMethod.POST, "/api/emergency/hazard-points", point()).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(jdbc.sql("select count(*) from hazard_point").query(Long.class).single()).isEqualTo(before);

    r = call("liu.yang", HttpMethod.POST, "/api/emergency/hazard-points", point());
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    Number id = (Number) ((Map<String, Object>) r.getBody()).get("id");

    List<Map<String, Object>> mine = (List<Map<String, Object>>) call("li.qiang", HttpMethod.GET, "/api/emergency/hazard-points", null).getBody();
    assertThat(mine).extracting(m -> ((Number) m.get("id")).longValue()).contains(id.longValue());
    List<Map<String, Object>> others = (List<Map<String, Object>>) call("zhou.yun", HttpMethod.GET, "/api/emergency/hazard-points", null).getBody();
    assertThat(others).extracting(m -> ((Number) m.get("id")).longValue()).doesNotContain(id.longValue());

    r = call("he.jun", HttpMethod.PUT, "/api/emergency/hazard-points/" + id, Map.of("active", false));
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(((Map<String, Object>) r.getBody()).get("active")).isEqualTo(false);
  }
}
