package org.linli.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseTask;
import org.linli.request.Channel;
import org.linli.request.IntakeForm;
import org.linli.request.RequestIntake;
import org.linli.request.RequestProcess;
import org.linli.support.DemoUsers;
import org.linli.support.LinliIntegrationTest;
import org.linli.tasklist.StepInput;
import org.linli.tasklist.TaskActions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The resident portal's pages as a browser uses them (through the security filters, with CSRF). */
@LinliIntegrationTest
class PortalTests {

  static final String TAOYUAN = "330106002001"; // 桃源村, caseworker wang.fang
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
  static final AtomicInteger CLIENTS = new AtomicInteger(1);

  @Autowired WebApplicationContext context;
  @Autowired JdbcClient jdbc;
  @Autowired RequestIntake intake;
  @Autowired CaseFiles cases;
  @Autowired TaskActions tasks;
  @Autowired DemoUsers users;
  @Autowired org.springframework.boot.test.web.client.TestRestTemplate http;

  MockMvc mvc;
  /** Each test is its own client address, so that rate limits of one do not reach another. */
  String client;

  @BeforeEach
  void setUp() {
    mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    client = "10.9.0." + CLIENTS.getAndIncrement();
  }

  RequestPostProcessor from(String address) {
    return r -> {
      r.setRemoteAddr(address);
      return r;
    };
  }

  MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
    MockHttpServletResponse response = mvc.perform(request.with(from(client))).andReturn().getResponse();
    response.setCharacterEncoding("UTF-8");
    return response;
  }

  long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  Map<String, Long> counts() {
    return Map.of("case_file", count("case_file"), "act_ru_execution", count("act_ru_execution"),
        "case_attachment", count("case_attachment"), "notification_outbox", count("notification_outbox"),
        "resident_request", count("resident_request"));
  }

  MockHttpServletRequestBuilder requestForm(MockMultipartFile photo, Map<String, String> fields) {
    var b = multipart("/portal/requests/new");
    if (photo != null) {
      b.file(photo);
    }
    Map<String, String> all = new java.util.HashMap<>(Map.of("categoryCode", "streetlight", "description",
        "小区东门路灯一直不亮，晚上出行不便", "divisionCode", TAOYUAN, "address", "东门", "residentName", "李四",
        "residentPhone", "13800002222"));
    all.putAll(fields);
    all.forEach((k, v) -> b.param(k, v));
    return b.with(csrf());
  }

  String caseNumberIn(String html) {
    Matcher m = Pattern.compile("MH\\d{4}-\\d{6}").matcher(html);
    assertThat(m.find()).as("a case number in the page").isTrue();
    return m.group();
  }

  /** The receipt page a successful submission redirects to (303), read with the cookies the POST set. */
  MockHttpServletResponse receiptOf(MockHttpServletResponse posted) throws Exception {
    assertThat(posted.getStatus()).as(posted.getContentAsString()).isEqualTo(303);
    assertThat(posted.getRedirectedUrl()).isEqualTo("/portal/receipt");
    MockHttpServletResponse receipt = perform(get("/portal/receipt").cookie(posted.getCookies()));
    assertThat(receipt.getStatus()).isEqualTo(200);
    return receipt;
  }

  String submitAndSign(String phone) {
    String number = intake.submitPublic(new IntakeForm("streetlight", null, "村口路灯坏了三天", TAOYUAN, "村口", null, null,
        "张三", phone, null, Channel.PORTAL, null)).caseNumber();
    act("wang.fang", number, new StepInput(RequestProcess.SIGN, "内部备注：先联系电工老刘", null, null, null, null));
    return number;
  }

  void act(String user, String number, StepInput input) {
    CaseTask task = cases.openTasks(cases.byNumber(number).orElseThrow().id()).get(0);
    tasks.complete(users.get(user), task.taskId(), input);
  }

  @Test
  void pagesAreOpenChineseFirstAndSwitchToEnglish() throws Exception {
    MockHttpServletResponse home = perform(get("/portal"));
    assertThat(home.getStatus()).isEqualTo(200);
    assertThat(home.getContentAsString()).contains("居民服务", "我要反映", "办理进度", "/css/portal.css");
    MockHttpServletResponse en = perform(get("/portal").param("lang", "en"));
    assertThat(en.getContentAsString()).contains("Resident services", "Submit a request");
    assertThat(en.getCookie("linli-lang")).isNotNull();
    MockHttpServletResponse form = perform(get("/portal/requests/new"));
    assertThat(form.getContentAsString()).contains("name=\"_csrf\"", "桃源镇", "桃源村", "路灯", "enctype=\"multipart/form-data\"");
  }

  @Test
  void aSubmissionWithAValidationErrorWritesNothing() throws Exception {
    Map<String, Long> before = counts();
    MockHttpServletResponse r = perform(requestForm(new MockMultipartFile("photo", "a.png", "image/png", PNG),
        Map.of("residentPhone", "12345", "description", "", "residentEmail", "li.si@example.com")));
    assertThat(r.getStatus()).isEqualTo(200);
    assertThat(r.getContentAsString()).contains("请按提示修改后再提交", "请填写正确的手机号或带区号的固定电话", "请描述诉求",
        "pt-invalid", "value=\"li.si@example.com\"" /* what was typed stays */);
    assertThat(counts()).isEqualTo(before);

    // without the CSRF token the form is refused, also with valid input
    MockHttpServletResponse noToken = perform(multipart("/portal/requests/new").param("categoryCode", "streetlight"));
    assertThat(noToken.getStatus()).isEqualTo(403);
    assertThat(noToken.getForwardedUrl()).isEqualTo("/portal/denied");
    assertThat(perform(get("/portal/denied")).getContentAsString()).contains("页面已过期");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void aSubmissionWithAPhotoStoresItAndMailsTheReceipt() throws Exception {
    MockHttpServletResponse r = perform(requestForm(new MockMultipartFile("photo", "C:\\photos\\门口.png", "image/png", PNG),
        Map.of("residentEmail", "li.si@example.com")));
    String html = receiptOf(r).getContentAsString();
    String number = caseNumberIn(html);
    assertThat(html).contains("提交成功", "预计答复时间", "受理通知已发送到您的邮箱");
    long caseId = cases.byNumber(number).orElseThrow().id();
    Map<String, Object> photo = jdbc.sql("select file_name, content_type, size_bytes, uploaded_by, visible_to_resident,"
        + " content from case_attachment where case_id = ?").param(caseId).query().singleRow();
    assertThat(photo).containsEntry("FILE_NAME", "门口.png").containsEntry("CONTENT_TYPE", "image/png")
        .containsEntry("SIZE_BYTES", (long) PNG.length).containsEntry("UPLOADED_BY", "resident")
        .containsEntry("VISIBLE_TO_RESIDENT", true);
    assertThat((byte[]) photo.get("CONTENT")).isEqualTo(PNG);
    Map<String, Object> mail = jdbc.sql("select type, recipient_address, subject, body_text from notification_outbox"
        + " where case_id = ? and type = 'RECEIVED'").param(caseId).query().singleRow();
    assertThat(mail).containsEntry("TYPE", "RECEIVED").containsEntry("RECIPIENT_ADDRESS", "li.si@example.com");
    assertThat((String) mail.get("SUBJECT")).startsWith("【已受理】" + number);
    assertThat((String) mail.get("BODY_TEXT")).contains("/portal/follow?number=" + number, "李四");
  }

  @Test
  void aBrowserPostsTheMultipartFormWithTheTokenFromThePageAndItsCookie() {
    var page = http.getForEntity("/portal/requests/new", String.class);
    // like a browser, send back every cookie the page set (the session holds the form's token)
    String cookie = String.join("; ", page.getHeaders().get(org.springframework.http.HttpHeaders.SET_COOKIE).stream()
        .map(c -> c.split(";")[0]).toList());
    Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.getBody());
    assertThat(token.find()).isTrue();
    var body = new org.springframework.util.LinkedMultiValueMap<String, Object>();
    body.add("_csrf", token.group(1));
    Map.of("categoryCode", "rubbish", "description", "垃圾三天没有清运了", "divisionCode", TAOYUAN, "address", "村委会旁",
        "residentName", "王五", "residentPhone", "13700003333").forEach(body::add);
    body.add("photo", new org.springframework.core.io.ByteArrayResource(PNG) {
      @Override
      public String getFilename() {
        return "垃圾.png";
      }
    });
    var headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA);
    headers.add(org.springframework.http.HttpHeaders.COOKIE, cookie);
    // a client that shows the redirect (TestRestTemplate would follow it, without the cookies)
    var browser = new org.springframework.web.client.RestTemplate(new org.springframework.http.client.SimpleClientHttpRequestFactory());
    var r = browser.postForEntity(http.getRootUri() + "/portal/requests/new",
        new org.springframework.http.HttpEntity<>(body, headers), String.class);
    assertThat(r.getStatusCode().value()).isEqualTo(303);
    assertThat(r.getHeaders().getLocation()).hasPath("/portal/receipt");
    // the browser follows with GET and the cookies, the receipt's among them
    var receiptHeaders = new org.springframework.http.HttpHeaders();
    receiptHeaders.add(org.springframework.http.HttpHeaders.COOKIE, String.join("; ", r.getHeaders()
        .get(org.springframework.http.HttpHeaders.SET_COOKIE).stream().map(c -> c.split(";")[0]).toList()));
    var receipt = http.exchange("/portal/receipt", org.springframework.http.HttpMethod.GET,
        new org.springframework.http.HttpEntity<>(receiptHeaders), String.class);
    String number = caseNumberIn(receipt.getBody());
    assertThat(jdbc.sql("select count(*) from case_attachment where case_id = ?")
        .param(cases.byNumber(number).orElseThrow().id()).query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void theReceiptIsAPageOfItsOwnThatAReloadDoesNotSubmitAgain() throws Exception {
    Map<String, Long> before = counts();
    MockHttpServletResponse posted = perform(requestForm(null, Map.of("residentPhone", "13800007777")));
    String number = caseNumberIn(receiptOf(posted).getContentAsString());
    Map<String, Long> after = counts();
    assertThat(after.get("case_file")).isEqualTo(before.get("case_file") + 1);
    // reloading the receipt shows it again and writes nothing
    for (int i = 0; i < 3; i++) {
      MockHttpServletResponse again = receiptOf(posted);
      assertThat(again.getContentAsString()).contains("提交成功", number);
      assertThat(again.getHeader("Cache-Control")).contains("no-store");
    }
    assertThat(counts()).isEqualTo(after);

    // without a receipt of its own, a browser gets a neutral page: no case number, a way to follow
    MockHttpServletResponse none = perform(get("/portal/receipt"));
    assertThat(none.getStatus()).isEqualTo(200);
    assertThat(none.getContentAsString()).contains("没有可显示的回执", "/portal/follow").doesNotContainPattern("MH\\d{4}-\\d{6}");
    // nor with a receipt cookie it changed: the signature no longer fits
    jakarta.servlet.http.Cookie mine = posted.getCookie("linli-receipt");
    String other = mine.getValue().replace(number, "MH2026-000001");
    MockHttpServletResponse forged = perform(get("/portal/receipt").cookie(new jakarta.servlet.http.Cookie("linli-receipt", other)));
    assertThat(forged.getContentAsString()).contains("没有可显示的回执").doesNotContain("MH2026-000001");
    // opening the form again (the next resident at a shared computer) forgets the receipt
    MockHttpServletResponse form = perform(get("/portal/requests/new").cookie(mine));
    assertThat(form.getCookie("linli-receipt")).isNotNull().satisfies(c -> assertThat(c.getMaxAge()).isZero());
  }

  @Test
  void aPhotoThatIsNoImageOrTooLargeIsRefused() throws Exception {
    Map<String, Long> before = counts();
    byte[] pdf = "%PDF-1.7 not a photo".getBytes(StandardCharsets.US_ASCII);
    MockHttpServletResponse r = perform(requestForm(new MockMultipartFile("photo", "photo.jpg", "image/jpeg", pdf), Map.of()));
    assertThat(r.getContentAsString()).contains("只能上传 JPG、PNG 或 WebP 格式的图片");
    byte[] big = new byte[5 * 1024 * 1024 + 1];
    System.arraycopy(PNG, 0, big, 0, PNG.length);
    r = perform(requestForm(new MockMultipartFile("photo", "big.png", "image/png", big), Map.of()));
    assertThat(r.getContentAsString()).contains("照片不能超过 5 MB");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void followingNeedsTheRightDigitsAndShowsNoStaffDetails() throws Exception {
    String number = submitAndSign("13900005678");

    MockHttpServletResponse right = perform(post("/portal/follow").param("number", number.toLowerCase())
        .param("phoneTail", "5678").with(csrf()));
    String html = right.getContentAsString();
    assertThat(right.getStatus()).isEqualTo(200);
    assertThat(html).contains(number, "办理中", "已受理", "已签收", "预计答复时间", "路灯");
    assertThat(html).doesNotContain("王芳", "wang.fang", "caseworker@", "内部备注", "老刘", "Task_");

    String wrongDigits = perform(post("/portal/follow").param("number", number).param("phoneTail", "5679").with(csrf()))
        .getContentAsString();
    String wrongNumber = perform(post("/portal/follow").param("number", "MH2026-999999").param("phoneTail", "5678")
        .with(csrf())).getContentAsString();
    assertThat(wrongDigits).contains("没有查到匹配的记录").doesNotContain("已签收");
    assertThat(withoutToken(wrongNumber.replace("MH2026-999999", number))).isEqualTo(withoutToken(wrongDigits));
  }

  static String withoutToken(String html) {
    return html.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
  }

  @Test
  void notSatisfiedThroughTheLinkReopensTheRequest() throws Exception {
    String number = submitAndSign("13900001234");
    act("wang.fang", number, StepInput.replying("已更换灯泡，恢复照明。", "INTERNAL-NOTE 电工老刘说线路老化，下月要整体更换"));
    String token = jdbc.sql("select rating_token from resident_request where case_number = ?").param(number)
        .query(String.class).single();

    // the follow page offers the rating too, with the published reply
    String status = perform(post("/portal/follow").param("number", number).param("phoneTail", "1234").with(csrf()))
        .getContentAsString();
    assertThat(status).contains("已答复，待您评价", "已更换灯泡，恢复照明。", "/portal/rate/" + token);
    // the internal notes of the steps stay with staff
    assertThat(status).doesNotContain("INTERNAL-NOTE", "线路老化", "内部备注");

    MockHttpServletResponse page = perform(get("/portal/rate/" + token));
    assertThat(page.getStatus()).isEqualTo(200);
    assertThat(page.getContentAsString()).contains(number, "已更换灯泡，恢复照明。", "不满意", "name=\"_csrf\"");
    assertThat(page.getContentAsString()).doesNotContain("INTERNAL-NOTE", "线路老化", "内部备注");

    MockHttpServletResponse noReason = perform(post("/portal/rate/" + token).param("rating", "NOT_SATISFIED").with(csrf()));
    assertThat(noReason.getStatus()).isEqualTo(400);
    assertThat(noReason.getContentAsString()).contains("请告诉我们哪里不满意");

    MockHttpServletResponse rated = perform(post("/portal/rate/" + token).param("rating", "NOT_SATISFIED")
        .param("comment", "晚上还是不亮").with(csrf()));
    assertThat(rated.getStatus()).isEqualTo(200);
    assertThat(rated.getContentAsString()).contains("感谢您的评价", "我们将重新办理");
    CaseTask reopened = cases.openTasks(cases.byNumber(number).orElseThrow().id()).get(0);
    assertThat(reopened.activityId()).isEqualTo(RequestProcess.TASK_HANDLE);

    MockHttpServletResponse used = perform(get("/portal/rate/" + token));
    assertThat(used.getStatus()).isEqualTo(410);
    assertThat(used.getContentAsString()).contains("已使用或已失效").doesNotContain("Exception");
    assertThat(perform(post("/portal/rate/" + token).param("rating", "SATISFIED").with(csrf())).getStatus()).isEqualTo(410);
    MockHttpServletResponse unknown = perform(get("/portal/rate/no-such-token"));
    assertThat(unknown.getStatus()).isEqualTo(404);
    assertThat(unknown.getContentAsString()).contains("评价链接无效");
  }

  @Test
  void thePublicApiTakesTheSameLimits() {
    // the submit bucket of this machine's address, full for the current hour
    long hour = java.time.Duration.ofHours(1).toMillis();
    java.time.Instant start = java.time.Instant.ofEpochMilli(Math.floorDiv(java.time.Instant.now().toEpochMilli(), hour) * hour);
    java.util.List<String> keys = java.util.List.of("submit:127.0.0.1", "submit:0:0:0:0:0:0:0:1");
    for (String key : keys) {
      jdbc.sql("delete from rate_limit_bucket where bucket_key = ?").param(key).update();
      jdbc.sql("insert into rate_limit_bucket (bucket_key, window_start, window_end, hits) values (?, ?, ?, ?)")
          .params(key, java.sql.Timestamp.from(start), java.sql.Timestamp.from(start.plusMillis(hour)), 1_000_000).update();
    }
    try {
      var client = new org.springframework.web.client.RestTemplate();
      client.setErrorHandler(new org.springframework.web.client.DefaultResponseErrorHandler() {
        @Override
        public boolean hasError(org.springframework.http.client.ClientHttpResponse response) {
          return false;
        }
      });
      var refused = client.postForEntity(http.getRootUri() + "/api/public/requests", Map.of("categoryCode", "streetlight"),
          String.class);
      assertThat(refused.getStatusCode().value()).isEqualTo(429);
      assertThat(refused.getHeaders().getFirst("Retry-After")).isNotBlank();
      assertThat(refused.getBody()).contains("too many requests");
    } finally {
      for (String key : keys) {
        jdbc.sql("delete from rate_limit_bucket where bucket_key = ?").param(key).update();
      }
    }
  }

  @Test
  void tooManyLookUpsFromOneAddressAreRefusedUntilTheWindowEnds() throws Exception {
    for (int i = 0; i < 20; i++) {
      // a different number each time: misses on one case have a limit of their own
      assertThat(perform(post("/portal/follow").param("number", "MH2026-9" + String.format("%05d", i)).param("phoneTail", "0000")
          .with(csrf())).getStatus()).isEqualTo(200);
    }
    MockHttpServletResponse refused = perform(post("/portal/follow").param("number", "MH2026-000000")
        .param("phoneTail", "0000").header("X-Forwarded-For", "203.0.113.7").with(csrf()));
    assertThat(refused.getStatus()).as("X-Forwarded-For is not trusted").isEqualTo(429);
    assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 600L);
    assertThat(refused.getContentAsString()).contains("操作过于频繁");
    // another address is not affected, and the rows are one per client and window
    String other = client;
    client = "10.9.1." + CLIENTS.getAndIncrement();
    assertThat(perform(post("/portal/follow").param("number", "x").param("phoneTail", "1").with(csrf())).getStatus())
        .isEqualTo(200);
    assertThat(jdbc.sql("select hits from rate_limit_bucket where bucket_key = ?").param("follow:" + other)
        .query(Integer.class).list()).containsExactly(20);
  }
}
