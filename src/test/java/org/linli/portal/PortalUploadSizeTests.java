package org.linli.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A photo larger than the server takes, over real HTTP: the multipart body fails to parse before the
 * CSRF check reads its token, and the resident must learn that the photo was too large, not that
 * the page expired; nothing is stored.
 */
@LinliIntegrationTest
class PortalUploadSizeTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  long cases() {
    return jdbc.sql("select count(*) from case_file").query(Long.class).single();
  }

  static byte[] form(String boundary, String token, int photoBytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    fields.put("_csrf", token);
    fields.putAll(Map.of("categoryCode", "streetlight", "description", "小区东门路灯一直不亮", "divisionCode", "330106002001",
        "address", "东门", "residentName", "李四", "residentPhone", "13800002222"));
    fields.forEach((k, v) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n"
        + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
    out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"big.jpg\"\r\n"
        + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    byte[] photo = new byte[photoBytes];
    photo[0] = (byte) 0xFF;
    photo[1] = (byte) 0xD8;
    photo[2] = (byte) 0xFF;
    out.writeBytes(photo);
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  @Test
  void aPhotoOverTheServersLimitIsA413SayingSoNotAnExpiredPage() {
    // over the file limit but under the request limit, and over both
    for (int megabytes : new int[] {6 * 1024 * 1024 + 300 * 1024, 8 * 1024 * 1024}) {
      WebSession browser = WebSession.on(port);
      browser.get("/portal/requests/new");
      long before = cases();
      String boundary = "----linli" + System.nanoTime();
      WebSession.Reply r = browser.post("/portal/requests/new", "multipart/form-data; boundary=" + boundary,
          form(boundary, browser.csrfToken(), megabytes));
      assertThat(r.status()).as(megabytes + " bytes: " + r.body()).isEqualTo(413);
      assertThat(r.body()).as(megabytes + " bytes").contains("照片不能超过 5 MB").doesNotContain("页面已过期");
      assertThat(cases()).isEqualTo(before);
    }
  }
}
