package org.linli.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.WebSession;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An htmx request of the workbench after the session ended: a full navigation to the log-in page
 * (401 with HX-Redirect), never the log-in page swapped into the task table; after signing in the
 * user is back on the page they were on, and only on a page of this server.
 */
@LinliIntegrationTest
class HtmxSessionExpiryTests {

  @LocalServerPort int port;

  Map<String, String> htmx(String currentUrl) {
    return currentUrl == null ? Map.of("HX-Request", "true") : Map.of("HX-Request", "true", "HX-Current-URL", currentUrl);
  }

  @Test
  void anHtmxRequestWithoutSessionIsSentToTheLogInAndBackToItsPage() {
    WebSession expired = WebSession.on(port);
    WebSession.Reply rows = expired.get("/tasks/rows?queue=GROUP&q=%E8%B7%AF%E7%81%AF",
        htmx("http://localhost:" + port + "/tasks?queue=GROUP&q=%E8%B7%AF%E7%81%AF"));
    assertThat(rows.status()).isEqualTo(401);
    assertThat(rows.header("HX-Redirect")).contains("/login?expired");
    assertThat(rows.body()).doesNotContain("password");

    WebSession.Reply login = expired.get("/login?expired");
    assertThat(login.body()).contains("登录已过期");
    WebSession.Reply signedIn = expired.form("/login", Map.of("username", "wang.fang", "password", "demo"));
    assertThat(signedIn.status()).isEqualTo(302);
    assertThat(signedIn.location()).endsWith("/tasks?queue=GROUP&q=%E8%B7%AF%E7%81%AF").doesNotContain("/rows");
  }

  @Test
  void aRequestOfThePageItselfStillRedirectsToTheLogIn() {
    WebSession anonymous = WebSession.on(port);
    WebSession.Reply r = anonymous.get("/tasks?queue=MINE");
    assertThat(r.status()).isEqualTo(302);
    assertThat(r.location()).endsWith("/login");
    assertThat(r.header("HX-Redirect")).isEmpty();
    WebSession.Reply signedIn = anonymous.login("wang.fang", "demo");
    assertThat(signedIn.location()).contains("/tasks?queue=MINE");
  }

  @Test
  void aPageOfAnotherHostIsNeverTheTarget() {
    for (String evil : new String[] {"http://evil.example/tasks", "//evil.example/tasks", "https://localhost:" + port + "/tasks",
        "http://localhost:" + port + "@evil.example/tasks", "javascript:alert(1)", "/\\evil.example/tasks"}) {
      WebSession s = WebSession.on(port);
      WebSession.Reply rows = s.get("/tasks/rows", htmx(evil));
      assertThat(rows.status()).as(evil).isEqualTo(401);
      assertThat(rows.header("HX-Redirect")).as(evil).contains("/login?expired");
      WebSession.Reply signedIn = s.login("wang.fang", "demo");
      assertThat(signedIn.status()).as(evil).isEqualTo(302);
      assertThat(signedIn.location()).as(evil).doesNotContain("evil").endsWith("/tasks");
    }
  }

  @Test
  void anHtmxActionWhoseTokenDiedWithTheSessionGoesToTheLogInToo() {
    WebSession expired = WebSession.on(port); // the session, and with it the page's token, is gone
    WebSession.Reply claim = expired.formHeaders("/tasks/1/claim", Map.of(),
        Map.of("HX-Request", "true", "HX-Current-URL", "http://localhost:" + port + "/tasks?queue=GROUP",
            "X-CSRF-TOKEN", "a-token-of-the-old-session"));
    assertThat(claim.status()).isEqualTo(401);
    assertThat(claim.header("HX-Redirect")).contains("/login?expired");
    assertThat(expired.login("wang.fang", "demo").location()).endsWith("/tasks?queue=GROUP");
  }
}
