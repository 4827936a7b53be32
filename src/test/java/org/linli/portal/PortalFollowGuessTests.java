package org.linli.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.linli.support.LinliIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.DefaultResponseErrorHandler;
import org.springframework.web.client.RestTemplate;

/**
 * Guessing the four phone digits of one case is cut off per case, whatever the address; and the
 * portal still hands out its form token afterwards. Over real HTTP, as a browser does it.
 */
@LinliIntegrationTest
class PortalFollowGuessTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  RestTemplate browser() {
    RestTemplate t = new RestTemplate();
    t.setErrorHandler(new DefaultResponseErrorHandler() {
      @Override
      public boolean hasError(ClientHttpResponse response) {
        return false;
      }
    });
    return t;
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  /** A first visit: the form's token and the cookies a browser sends back (the session holds the token). */
  static String[] token(ResponseEntity<String> page) {
    String cookie = String.join("; ", page.getHeaders().get(HttpHeaders.SET_COOKIE).stream().map(c -> c.split(";")[0]).toList());
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.getBody());
    assertThat(m.find()).isTrue();
    return new String[] {cookie, m.group(1)};
  }

  int follow(String number, String digits) {
    RestTemplate b = browser();
    String[] t = token(b.getForEntity(url("/portal/follow"), String.class));
    HttpHeaders h = new HttpHeaders();
    h.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    h.add(HttpHeaders.COOKIE, t[0]);
    LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("_csrf", t[1]);
    form.add("number", number);
    form.add("phoneTail", digits);
    return b.postForEntity(url("/portal/follow"), new HttpEntity<>(form, h), String.class).getStatusCode().value();
  }

  @Test
  void theEleventhMissOnOneCaseIsRefusedAndThePortalGoesOn() {
    String number = "MH2026-800001";
    jdbc.sql("delete from rate_limit_bucket where bucket_key = ?").param("follow-miss:" + number).update();
    jdbc.sql("delete from rate_limit_bucket where bucket_key like 'follow:%'").update();
    try {
      for (int i = 0; i < 10; i++) {
        assertThat(follow(number, String.format("%04d", i))).isEqualTo(200);
      }
      assertThat(follow(number, "9999")).isEqualTo(429);
      // a new visitor still gets the form and its token
      assertThat(token(browser().getForEntity(url("/portal/requests/new"), String.class))[1]).isNotBlank();
    } finally {
      jdbc.sql("delete from rate_limit_bucket where bucket_key = ?").param("follow-miss:" + number).update();
      jdbc.sql("delete from rate_limit_bucket where bucket_key like 'follow:%'").update();
    }
  }
}
