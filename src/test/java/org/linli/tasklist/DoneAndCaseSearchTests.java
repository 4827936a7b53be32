package org.linli.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseStatus;
import org.linli.request.Channel;
import org.linli.request.IntakeForm;
import org.linli.request.RequestIntake;
import org.linli.request.RequestProcess;
import org.linli.support.DemoUsers;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 已办 and 查找案件: a user's completed steps and a case search that finds closed cases, each kept
 * to the user's own work and area, with phone searches logged and wildcards taken literally.
 */
@LinliIntegrationTest
class DoneAndCaseSearchTests {

  static final String TAOYUAN = "330106002001"; // 桃源村, caseworker wang.fang; township liu.yang
  static final String XINGHUA = "330106002002"; // 杏花村, caseworker zhao.min
  static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate http;
  @Autowired RequestIntake intake;
  @Autowired TaskActions tasks;
  @Autowired CaseFiles cases;
  @Autowired DemoUsers users;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  record Case(String number, String token, String phone) {}

  Case submit(String village) {
    String token = "QZ" + ThreadLocalRandom.current().nextInt(100000, 999999);
    String phone = "139" + ThreadLocalRandom.current().nextInt(10000000, 99999999);
    String number = intake.submitByStaff(new IntakeForm("streetlight", null, token + " 灯杆倾斜 50%_损坏", village, "村口", null, null,
        "张三", phone, null, Channel.HOTLINE, null), users.get("liu.yang")).caseNumber();
    return new Case(number, token, phone);
  }

  void act(String user, String number, StepInput input) {
    var open = cases.openTasks(cases.byNumber(number).orElseThrow().id());
    tasks.complete(users.get(user), open.get(0).taskId(), input);
  }

  @SuppressWarnings("unchecked")
  List<Map<String, Object>> items(String user, String path, Object... query) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    var uri = UriComponentsBuilder.fromPath(path);
    for (int i = 0; i < query.length; i += 2) {
      uri.queryParam((String) query[i], query[i + 1]);
    }
    // a URI, not a template: "%" must reach the server as the letter, encoded once
    ResponseEntity<Map<String, Object>> r = http.exchange(uri.encode().build().toUri(), HttpMethod.GET, new HttpEntity<>(headers), JSON);
    assertThat(r.getStatusCode().value()).as("%s %s: %s", user, path, r.getBody()).isEqualTo(200);
    return (List<Map<String, Object>>) r.getBody().get("items");
  }

  List<String> found(String user, String q) {
    return items(user, "/api/cases", "q", q, "size", 200).stream().map(c -> (String) c.get("caseNumber")).toList();
  }

  long phoneViews(String user, String number) {
    return jdbc.sql("select count(*) from sensitive_access_log l join case_file c on c.id = l.case_id"
            + " where l.accessed_by = ? and c.case_number = ? and l.purpose like '%phone%'")
        .params(user, number).query(Long.class).single();
  }

  @Test
  void theDoneTabListsMyCompletedStepsNewestFirstAndNothingOfOthers() {
    Case a = submit(TAOYUAN);
    act("wang.fang", a.number(), new StepInput(RequestProcess.SIGN, null, null, null, null, null));
    act("wang.fang", a.number(), StepInput.replying("路灯已修复", "更换了整流器"));
    act("wang.fang", a.number(), new StepInput(RequestProcess.RATE, "电话回访", null, null, null, "SATISFIED"));
    assertThat(cases.byNumber(a.number()).orElseThrow().status()).isEqualTo(CaseStatus.CLOSED);

    List<Map<String, Object>> done = items("wang.fang", "/api/tasks/done", "size", 200).stream()
        .filter(d -> a.number().equals(d.get("caseNumber"))).toList();
    assertThat(done).extracting(d -> d.get("step"))
        .as("newest first").containsExactly(RequestProcess.TASK_CALLBACK, RequestProcess.TASK_HANDLE, RequestProcess.TASK_SIGN);
    assertThat(done).allSatisfy(d -> {
      assertThat(d.get("caseStatus")).isEqualTo("CLOSED");
      assertThat((String) d.get("title")).contains(a.token());
      assertThat(d.get("completedAt")).isNotNull();
    });
    // the reminders and comments of a case are nobody's completed steps
    assertThat(done).extracting(d -> d.get("stepName")).doesNotContainNull();

    for (String other : List.of("zhao.min", "liu.yang", "huang.hua", "zhou.yun")) {
      assertThat(items(other, "/api/tasks/done", "size", 200)).as(other).noneMatch(d -> a.number().equals(d.get("caseNumber")));
    }

    WebSession page = WebSession.on(port);
    page.login("wang.fang", "demo");
    WebSession.Reply r = page.get("/tasks/done");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).contains(a.number(), "/cases/" + a.number(), "已办结", "回访", "id=\"queue-DONE\"");
  }

  @Test
  void theCaseSearchFindsClosedCasesOfMyAreaOnly() {
    Case a = submit(TAOYUAN);
    Case b = submit(XINGHUA);
    act("wang.fang", a.number(), new StepInput(RequestProcess.SIGN, null, null, null, null, null));
    act("wang.fang", a.number(), StepInput.replying("路灯已修复", null));
    act("wang.fang", a.number(), new StepInput(RequestProcess.RATE, "电话回访", null, null, null, "SATISFIED"));

    String shortNumber = a.number().replaceFirst("-0+", "-");
    assertThat(found("wang.fang", a.number())).containsExactly(a.number());
    assertThat(found("wang.fang", shortNumber)).as("MH2026-12 finds MH2026-000012").containsExactly(a.number());
    assertThat(found("wang.fang", a.token())).containsExactly(a.number());
    assertThat(found("wang.fang", "损坏 " + a.token())).as("every word, in any order").containsExactly(a.number());
    assertThat(found("wang.fang", a.token() + " 不在标题里")).isEmpty();
    assertThat(found("liu.yang", a.token())).as("the township above").containsExactly(a.number());
    assertThat(found("huang.hua", a.token())).as("the county's supervisor").containsExactly(a.number());

    // another village (and another township) finds the closed case neither by number nor by words
    for (String other : List.of("zhao.min", "zhou.yun", "ma.tao")) {
      assertThat(found(other, a.number())).as(other).isEmpty();
      assertThat(found(other, shortNumber)).as(other).isEmpty();
      assertThat(found(other, a.token())).as(other).isEmpty();
      assertThat(found(other, a.phone())).as(other).isEmpty();
    }
    assertThat(found("zhao.min", b.token())).containsExactly(b.number());
    assertThat(found("wang.fang", b.token())).isEmpty();

    // LIKE wildcards are letters here
    String t = a.token();
    assertThat(found("wang.fang", t.substring(0, 3) + "%" + t.substring(4))).isEmpty();
    assertThat(found("wang.fang", t.substring(0, t.length() - 1) + "_")).isEmpty();
    assertThat(found("wang.fang", "%")).allSatisfy(n -> assertThat(cases.byNumber(n).orElseThrow().title()).contains("%"));
    assertThat(found("wang.fang", "_")).allSatisfy(n -> assertThat(cases.byNumber(n).orElseThrow().title()).contains("_"));
    assertThat(found("wang.fang", "50%_")).contains(a.number());
    assertThat(found("wang.fang", "\\")).isEmpty();
    assertThat(found("wang.fang", "'; drop table case_file; --")).isEmpty();

    // a phone number finds the resident's cases, and each one shown is logged
    assertThat(phoneViews("wang.fang", a.number())).isZero();
    assertThat(found("wang.fang", a.phone())).containsExactly(a.number());
    assertThat(phoneViews("wang.fang", a.number())).isEqualTo(1);
    assertThat(phoneViews("zhao.min", a.number())).as("found nothing, logged nothing").isZero();
    // the task list's phone search is logged the same way
    assertThat(items("zhao.min", "/api/tasks", "queue", "GROUP", "q", b.phone())).extracting(x -> x.get("caseNumber"))
        .containsExactly(b.number());
    assertThat(phoneViews("zhao.min", b.number())).isEqualTo(1);

    // the page
    WebSession page = WebSession.on(port);
    page.login("wang.fang", "demo");
    WebSession.Reply r = page.get("/cases/search?q=" + a.token());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).contains(a.number(), "/cases/" + a.number(), "已办结");
    assertThat(page.get("/cases/search?q=" + a.token() + "&status=OPEN").body()).doesNotContain("/cases/" + a.number());
    assertThat(page.get("/cases/search").body()).contains("请输入案件编号");
    WebSession other = WebSession.on(port);
    other.login("zhao.min", "demo");
    assertThat(other.get("/cases/search?q=" + a.number()).body()).doesNotContain("/cases/" + a.number()).contains("没有找到");
  }

  @Test
  void anAnonymousVisitorGetsTheLoginPage() {
    WebSession anonymous = WebSession.on(port);
    for (String path : List.of("/tasks/done", "/cases/search?q=QZ1", "/cases/search")) {
      WebSession.Reply r = anonymous.get(path);
      assertThat(r.status()).as(path).isEqualTo(302);
      assertThat(r.location()).as(path).endsWith("/login");
    }
    for (String path : List.of("/api/tasks/done", "/api/cases?q=QZ1")) {
      assertThat(anonymous.get(path).status()).as(path).isEqualTo(401);
    }
  }
}
