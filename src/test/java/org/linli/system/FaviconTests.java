package org.linli.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.WebSession;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The site's icon: served to everyone, asked for by its habitual name too, and linked from every page. */
@LinliIntegrationTest
class FaviconTests {

  @LocalServerPort int port;

  @Test
  void theIconIsOpenToEveryoneUnderBothNames() {
    WebSession anonymous = WebSession.on(port);
    WebSession.Reply svg = anonymous.get("/favicon.svg");
    assertThat(svg.status()).isEqualTo(200);
    assertThat(svg.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
    assertThat(svg.body()).contains("<svg", "邻", "#1f5fbf");
    WebSession.Reply ico = anonymous.get("/favicon.ico");
    assertThat(ico.status()).isEqualTo(301);
    assertThat(ico.location()).endsWith("/favicon.svg");
  }

  @Test
  void everyLayoutLinksTheIcon() {
    WebSession anonymous = WebSession.on(port);
    for (String page : new String[] {"/", "/login", "/portal", "/portal/follow", "/portal/requests/new"}) {
      assertThat(anonymous.get(page).body()).as(page).contains("rel=\"icon\"", "/favicon.svg");
    }
    WebSession staff = WebSession.on(port);
    staff.login("wang.fang", "demo");
    assertThat(staff.get("/tasks").body()).contains("rel=\"icon\"", "/favicon.svg");
    WebSession.Reply missing = staff.get("/cases/MH1999-999999");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body()).contains("rel=\"icon\"", "/favicon.svg");
  }
}
