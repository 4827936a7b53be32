package org.linli.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.portal.PortalProperties;
import org.linli.support.LinliIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Submission limits that stop scripts and not people: many residents behind one address (a village
 * service hall) get through; one phone number gets a few an hour; a flood from one address is still
 * stopped. Refusals keep what was typed. The limits in application-test.yml are high; each test
 * fills its own buckets close to the limit, as the window's rows would be after so many hits.
 */
@LinliIntegrationTest
class PortalSubmitLimitTests {

  static final String TAOYUAN = "330106002001";
  static final AtomicInteger CLIENTS = new AtomicInteger(1);

  @Autowired WebApplicationContext context;
  @Autowired JdbcClient jdbc;
  @Autowired PortalProperties properties;

  MockMvc mvc;
  String client;

  @BeforeEach
  void setUp() {
    mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    client = "10.9.7." + CLIENTS.getAndIncrement();
  }

  static String phone() {
    return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
  }

  MockHttpServletResponse submit(String phone, String description) throws Exception {
    Map<String, String> fields = new HashMap<>(Map.of("categoryCode", "streetlight", "description", description,
        "divisionCode", TAOYUAN, "address", "村委会服务大厅", "residentName", "周九", "residentPhone", phone));
    MockHttpServletRequestBuilder b = multipart("/portal/requests/new");
    fields.forEach(b::param);
    MockHttpServletResponse r = mvc.perform(b.with(csrf()).with(req -> {
      req.setRemoteAddr(client);
      return req;
    })).andReturn().getResponse();
    r.setCharacterEncoding("UTF-8");
    return r;
  }

  long cases() {
    return jdbc.sql("select count(*) from case_file").query(Long.class).single();
  }

  /** The bucket {@code key} of the current window, already holding {@code hits}. */
  void filled(String key, Duration window, int hits) {
    long size = window.toMillis();
    Instant start = Instant.ofEpochMilli(Math.floorDiv(Instant.now().toEpochMilli(), size) * size);
    jdbc.sql("delete from rate_limit_bucket where bucket_key = ?").param(key).update();
    jdbc.sql("insert into rate_limit_bucket (bucket_key, window_start, window_end, hits) values (?, ?, ?, ?)")
        .params(key, Timestamp.from(start), Timestamp.from(start.plus(window)), hits).update();
  }

  @Test
  void theShippedLimitsLetAServiceHallServeManyResidentsAndOnePhoneAFew() throws Exception {
    var yaml = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml")).get(0);
    PortalProperties shipped = new Binder(ConfigurationPropertySources.from(yaml)).bindOrCreate("linli.portal", PortalProperties.class);
    assertThat(shipped.submitLimit()).isEqualTo(60);
    assertThat(shipped.submitWindow()).isEqualTo(Duration.ofHours(1));
    assertThat(shipped.submitPhoneLimit()).isEqualTo(3);
    assertThat(shipped.submitPhoneWindow()).isEqualTo(Duration.ofHours(1));
    PortalProperties defaults = new Binder().bindOrCreate("linli.portal", PortalProperties.class);
    assertThat(defaults.submitLimit()).isEqualTo(60);
    assertThat(defaults.submitPhoneLimit()).isEqualTo(3);

    // a service hall at one address, with the shipped address limit's hits so far: 8 residents, 8 phones
    filled("submit:" + client, properties.submitWindow(), properties.submitLimit() - shipped.submitLimit());
    long before = cases();
    for (int i = 0; i < 8; i++) {
      MockHttpServletResponse r = submit(phone(), "服务大厅代办第" + (i + 1) + "位居民的诉求：路灯不亮");
      assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(303);
    }
    assertThat(cases()).isEqualTo(before + 8);
  }

  @Test
  void theFourthSubmissionWithOnePhoneInTheHourIsRefusedAndKeepsWhatWasTyped() throws Exception {
    String phone = phone();
    // as if the shipped limit of 3 held: the configured one less three hits
    filled("submit-phone:" + SubmitLimits.phoneKey(phone), properties.submitPhoneWindow(), properties.submitPhoneLimit() - 3);
    long before = cases();
    for (int i = 0; i < 3; i++) {
      assertThat(submit(phone, "第" + (i + 1) + "件：小区路灯不亮").getStatus()).isEqualTo(303);
    }
    // the number counts from any address: a script that changes its address is stopped too
    client = "10.9.8." + CLIENTS.getAndIncrement();
    String typed = "第四件：楼道灯也坏了，晚上很黑";
    MockHttpServletResponse refused = submit(phone, typed);
    assertThat(refused.getStatus()).isEqualTo(429);
    assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 3600L);
    assertThat(refused.getContentAsString()).contains("同一个电话号码一小时内最多提交", "您填写的内容已保留", typed,
        "村委会服务大厅", "name=\"_csrf\"", "<form");
    assertThat(cases()).isEqualTo(before + 3);
    // another phone from the same address goes through
    assertThat(submit(phone(), "另一位居民：路灯不亮").getStatus()).isEqualTo(303);
    // the number is kept only as a hash
    assertThat(jdbc.sql("select count(*) from rate_limit_bucket where bucket_key like ?").param("%" + phone.substring(3) + "%")
        .query(Long.class).single()).isZero();
  }

  @Test
  void oneNumberWrittenInItsUsualWaysIsOneBucket() {
    assertThat(SubmitLimits.phoneKey("0571-88886666")).isEqualTo(SubmitLimits.phoneKey("057188886666"))
        .isEqualTo(SubmitLimits.phoneKey(" 0571 8888 6666 ")).isNotNull();
    assertThat(SubmitLimits.phoneKey("+86 138-0000-2222")).isEqualTo(SubmitLimits.phoneKey("13800002222"));
    assertThat(SubmitLimits.phoneKey("13800002222")).isNotEqualTo(SubmitLimits.phoneKey("13800002223"));
    assertThat(SubmitLimits.phoneKey("")).isNull();
    assertThat(SubmitLimits.phoneKey(null)).isNull();
  }

  @Test
  void aFloodFromOneAddressIsStillStopped() throws Exception {
    filled("submit:" + client, properties.submitWindow(), properties.submitLimit() - 2);
    long before = cases();
    assertThat(submit(phone(), "路灯不亮，第一件").getStatus()).isEqualTo(303);
    assertThat(submit(phone(), "路灯不亮，第二件").getStatus()).isEqualTo(303);
    String typed = "路灯不亮，第三件，来自同一地址";
    MockHttpServletResponse refused = submit(phone(), typed);
    assertThat(refused.getStatus()).isEqualTo(429);
    assertThat(refused.getHeader("Retry-After")).isNotBlank();
    assertThat(refused.getContentAsString()).contains("这个网络提交的诉求太多", typed);
    assertThat(cases()).isEqualTo(before + 2);
  }

  @Test
  void thePublicApiTakesThePhoneLimitToo() throws Exception {
    String phone = phone();
    filled("submit-phone:" + SubmitLimits.phoneKey(phone), properties.submitPhoneWindow(), properties.submitPhoneLimit());
    long before = cases();
    String body = """
        {"categoryCode":"streetlight","description":"小区东门路灯一直不亮","divisionCode":"330106002001",
         "address":"桃源村东门","residentName":"李四","residentPhone":"%s"}""";
    MockHttpServletResponse refused = api(body.formatted(phone));
    assertThat(refused.getStatus()).as(refused.getContentAsString()).isEqualTo(429);
    assertThat(refused.getContentType()).startsWith("application/problem+json");
    assertThat(refused.getHeader("Retry-After")).isNotBlank();
    assertThat(refused.getContentAsString()).contains("\"status\":429", "residentPhone");
    assertThat(cases()).isEqualTo(before);
    assertThat(api(body.formatted(phone())).getStatus()).isEqualTo(201);
  }

  @Test
  void bodiesThePublicApiRefusesDoNotUseUpAResidentsNumber() throws Exception {
    String phone = phone();
    String key = "submit-phone:" + SubmitLimits.phoneKey(phone);
    filled(key, properties.submitPhoneWindow(), properties.submitPhoneLimit() - 1);
    String broken = """
        {"categoryCode":"streetlight","description":"灯","divisionCode":"330106002001",
         "address":"桃源村东门","residentName":"李四","residentPhone":"%s"}""";
    for (int i = 0; i < 5; i++) {
      assertThat(api(broken.formatted(phone)).getStatus()).as("description too short").isEqualTo(400);
    }
    assertThat(jdbc.sql("select hits from rate_limit_bucket where bucket_key = ?").param(key).query(Integer.class).single())
        .isEqualTo(properties.submitPhoneLimit() - 1);
    String valid = """
        {"categoryCode":"streetlight","description":"小区东门路灯一直不亮","divisionCode":"330106002001",
         "address":"桃源村东门","residentName":"李四","residentPhone":"%s"}""";
    assertThat(api(valid.formatted(phone)).getStatus()).as("the resident's own request still goes through").isEqualTo(201);
    assertThat(api(valid.formatted(phone)).getStatus()).as("and the limit still holds").isEqualTo(429);
  }

  MockHttpServletResponse api(String json) throws Exception {
    MockHttpServletResponse r = mvc.perform(post("/api/public/requests").contentType(MediaType.APPLICATION_JSON).content(json)
        .with(req -> {
          req.setRemoteAddr(client);
          return req;
        })).andReturn().getResponse();
    r.setCharacterEncoding("UTF-8");
    return r;
  }
}
