package org.linli.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linli.casefile.CaseEventType;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.request.Channel;
import org.linli.request.IntakeForm;
import org.linli.request.RequestIntake;
import org.linli.support.DemoUsers;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 督办 on the workbench: from the case page with a note, and from the area list for several ticked
 * cases at once, through the same rules as {@code POST /api/cases/{number}/urge}. A refusal keeps
 * what was typed and records nothing.
 */
@LinliIntegrationTest
class UrgeFromWorkbenchTests {

  @LocalServerPort int port;
  @Autowired RequestIntake intake;
  @Autowired CaseFiles cases;
  @Autowired DemoUsers users;

  String request(String village, String description) {
    return intake.submitByStaff(new IntakeForm("streetlight", null, description, village, "村口", null, null, "张三", "13900001111",
        null, Channel.HOTLINE, null), users.get("huang.hua")).caseNumber();
  }

  CaseFile caseFile(String number) {
    return cases.byNumber(number).orElseThrow();
  }

  long urgings(String number) {
    return cases.timeline(caseFile(number).id()).stream().filter(e -> e.type() == CaseEventType.URGED).count();
  }

  WebSession signedIn(String user) {
    WebSession s = WebSession.on(port);
    s.login(user, "demo");
    return s;
  }

  /** A form with repeated fields (the ticked boxes), with the last page's token unless told otherwise. */
  static WebSession.Reply postForm(WebSession s, String path, List<String[]> fields, boolean withToken) {
    List<String[]> all = new ArrayList<>(fields);
    if (withToken) {
      all.add(new String[] {"_csrf", s.csrfToken()});
    }
    String body = String.join("&", all.stream().map(f -> URLEncoder.encode(f[0], StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(f[1], StandardCharsets.UTF_8)).toList());
    return s.post(path, "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aSupervisorUrgesFromTheCasePageAndARefusedNoteStaysTyped() {
    String number = request("330106002001", "路灯不亮了，晚上出行很不方便");
    WebSession supervisor = signedIn("xu.ming");
    WebSession.Reply page = supervisor.get("/cases/" + number);
    assertThat(page.body()).contains("id=\"urge-note\"", "action=\"/cases/" + number + "/urge\"");

    String tooLong = "请".repeat(501);
    WebSession.Reply refused = supervisor.form("/cases/" + number + "/urge", Map.of("note", tooLong));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("请填写督办意见", tooLong).doesNotContain("give the urging note");
    assertThat(caseFile(number).urgedAt()).isNull();

    WebSession.Reply urged = supervisor.form("/cases/" + number + "/urge", Map.of("note", "居民反映强烈，请今日内签收"));
    assertThat(urged.status()).isEqualTo(303);
    assertThat(urged.location()).endsWith("/cases/" + number + "?urged");
    assertThat(supervisor.get("/cases/" + number + "?urged").body()).contains("已督办，承办人将收到邮件通知。", "居民反映强烈，请今日内签收");
    assertThat(caseFile(number).urgedBy()).isEqualTo("xu.ming");

    // once a day: the second note comes back as typed, with the reason
    WebSession.Reply again = supervisor.form("/cases/" + number + "/urge", Map.of("note", "再次督办"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body()).contains("今天已督办过", "再次督办");
    assertThat(urgings(number)).isEqualTo(1);
  }

  @Test
  void aCaseworkerCannotUrgeNorASupervisorOutsideHisAreaNorAnyoneWithoutTheFormToken() {
    String number = request("330106002001", "垃圾桶满了没有清运");
    String yunling = request("330106003001", "村道路灯坏了");

    WebSession caseworker = signedIn("wang.fang");
    assertThat(caseworker.get("/cases/" + number).body()).doesNotContain("urge-note");
    assertThat(caseworker.form("/cases/" + number + "/urge", Map.of("note", "我也想督办")).status()).isEqualTo(403);
    caseworker.get("/tasks?queue=AREA");
    assertThat(postForm(caseworker, "/tasks/urge", List.of(new String[] {"cases", number}, new String[] {"note", "督办"}), true)
        .status()).isEqualTo(403);

    WebSession supervisor = signedIn("xu.ming");
    assertThat(supervisor.get("/cases/" + yunling).status()).as("another township's case is not found").isEqualTo(404);
    supervisor.get("/cases/" + number);
    assertThat(supervisor.form("/cases/" + yunling + "/urge", Map.of("note", "越界督办")).status()).isEqualTo(404);

    // without the page's token: refused, nothing done
    WebSession.Reply noToken = supervisor.formWithout("/cases/" + number + "/urge", Map.of("note", "没有令牌"));
    assertThat(noToken.status()).isEqualTo(403);
    supervisor.get("/tasks?queue=AREA");
    assertThat(postForm(supervisor, "/tasks/urge", List.of(new String[] {"cases", number}, new String[] {"note", "没有令牌"}), false)
        .status()).isEqualTo(403);

    assertThat(urgings(number) + urgings(yunling)).as("nothing recorded").isZero();
    assertThat(caseFile(number).urgedAt()).isNull();
    assertThat(caseFile(yunling).urgedAt()).isNull();
  }

  @Test
  void aSupervisorUrgesTheTickedCasesOfHisAreaWithOneNoteAndReadsWhatWasRefused() {
    String first = request("330106002001", "路灯闪烁第一处");
    String second = request("330106002002", "路灯闪烁第二处");
    String urgedToday = request("330106002001", "路灯闪烁第三处");
    String outside = request("330106003001", "云岭村路灯");
    WebSession.Reply earlier = WebSession.on(port).basic("huang.hua", "demo")
        .json("POST", "/api/cases/" + urgedToday + "/urge", "{\"note\":\"县里已督办\"}");
    assertThat(earlier.status()).isEqualTo(200);

    WebSession supervisor = signedIn("xu.ming");
    WebSession.Reply area = supervisor.get("/tasks?queue=AREA&q=" + first);
    assertThat(area.body()).contains("id=\"urge-form\"", "name=\"cases\" form=\"urge-form\" value=\"" + first + "\"");
    assertThat(signedIn("liu.yang").get("/tasks?queue=AREA").body()).as("not for a township officer").doesNotContain("urge-form");

    // a refused note urges nothing and keeps the note and the ticks
    String tooLong = "快".repeat(501);
    WebSession.Reply refused = postForm(supervisor, "/tasks/urge", List.of(new String[] {"queue", "AREA"},
        new String[] {"q", first}, new String[] {"cases", first}, new String[] {"note", tooLong}), true);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("督办尚未发出", tooLong);
    assertThat(refused.body()).as("the tick is kept")
        .containsPattern("name=\"cases\" form=\"urge-form\" value=\"" + first + "\"[^>]*checked=\"checked\"");
    WebSession.Reply none = postForm(supervisor, "/tasks/urge", List.of(new String[] {"queue", "AREA"}, new String[] {"note", "请尽快"}),
        true);
    assertThat(none.status()).isEqualTo(400);
    assertThat(none.body()).contains("请勾选要督办的案件");
    assertThat(urgings(first)).isZero();

    supervisor.get("/tasks?queue=AREA");
    WebSession.Reply done = postForm(supervisor, "/tasks/urge", List.of(new String[] {"queue", "AREA"},
        new String[] {"overdue", "false"}, new String[] {"cases", first}, new String[] {"cases", second},
        new String[] {"cases", first}, new String[] {"cases", urgedToday}, new String[] {"cases", outside},
        new String[] {"note", "本周集中督办路灯问题"}), true);
    assertThat(done.status()).isEqualTo(303);
    assertThat(done.location()).contains("/tasks?queue=AREA");
    String result = supervisor.get(done.location().replaceFirst("^https?://[^/]+", "")).body();
    assertThat(result).contains("已督办 2 件。", "未督办 2 件：", "refused-" + urgedToday, "今天已督办过", "refused-" + outside,
        "辖区内没有这个案件").doesNotContain("already urged", "no such case");

    assertThat(urgings(first)).isEqualTo(1);
    assertThat(urgings(second)).isEqualTo(1);
    assertThat(urgings(urgedToday)).as("urged once today, by the county").isEqualTo(1);
    assertThat(caseFile(urgedToday).urgedBy()).isEqualTo("huang.hua");
    assertThat(urgings(outside)).isZero();
    assertThat(cases.timeline(caseFile(second).id())).filteredOn(e -> e.type() == CaseEventType.URGED)
        .singleElement().satisfies(e -> assertThat(e.note()).isEqualTo("本周集中督办路灯问题"));
    // the result is shown once
    assertThat(supervisor.get("/tasks?queue=AREA").body()).doesNotContain("urge-result");
  }
}
