package org.linli.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linli.support.LinliIntegrationTest;

/** Every mail type renders with its documented keys, and with none, and arrives intact in both parts. */
@LinliIntegrationTest
class NotificationTemplatesTests extends MailTestSupport {

  static final Instant DUE = Instant.parse("2026-03-02T09:30:00Z"); // 17:30 in Asia/Shanghai

  static Map<String, Object> caseModel() {
    Map<String, Object> m = new HashMap<>();
    m.put("caseNumber", "MH2026-000001");
    m.put("title", "村口路灯坏了三天");
    m.put("stepName", "签收");
    m.put("group", "caseworker@330106002001");
    m.put("dueAt", DUE);
    m.put("divisionName", "桃源村");
    m.put("note", "请尽快联系居民 <张三>");
    return m;
  }

  MimeMessage only(String address) throws Exception {
    List<MimeMessage> to = Arrays.stream(received()).filter(m -> {
      try {
        return to(m).contains(address);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
    assertThat(to).as("mails to %s", address).hasSize(1);
    return to.get(0);
  }

  @Test
  void aNewTaskGoesToEveryMemberOfTheGroupWithCaseFactsInBothParts() throws Exception {
    int written = inTransaction(() -> notifications.toGroups(NotificationType.NEW_TASK, "task:t1",
        List.of("caseworker@330106002001", "gridworker@330106002001", "caseworker@330106002001"), caseModel(), NO_CASE));
    assertThat(written).as("wang.fang and li.qiang, once each").isEqualTo(2);
    assertThat(sender.deliverDue()).isEqualTo(2);
    assertThat(parts(only("li.qiang@linli.example"))[0]).contains("李强，您好");

    MimeMessage m = only("wang.fang@linli.example");
    assertThat(m.getSubject()).isEqualTo("【新任务】MH2026-000001 村口路灯坏了三天 · 签收 (New task)");
    assertThat(m.getFrom()[0].toString()).contains("noreply@linli.example").contains("Linli");
    assertThat(to(m)).contains("wang.fang@linli.example");
    assertThat(m.getHeader("Message-ID")[0]).matches("<[0-9a-f]{40}\\.linli@linli\\.example>");
    String[] parts = parts(m);
    for (String part : parts) {
      assertThat(part).contains("王芳", "MH2026-000001", "村口路灯坏了三天", "签收", "桃源村", "caseworker@330106002001",
          "2026-03-02 17:30", "https://linli.example/cases/MH2026-000001", "有一项新任务", "A new task");
    }
    assertThat(parts[0]).contains("请尽快联系居民 <张三>");
    assertThat(parts[1]).contains("邻里 Linli", "请尽快联系居民 &lt;张三&gt;", "href=\"https://linli.example/cases/MH2026-000001\"");
    assertThat(outboxRows()).hasSize(2);
    assertThat(outboxRows().get(0)).containsEntry("CASE_ID", NO_CASE).containsEntry("STATUS", "SENT")
        .containsEntry("RECIPIENT_USER", "wang.fang");
  }

  @Test
  void reminderOverdueEscalationAndUrgingSayWhatHappened() throws Exception {
    Map<String, Object> model = caseModel();
    model.put("urgedBy", "黄华");
    model.put("fromGroup", "caseworker@330106002001");
    model.put("toGroup", "township@330106002");
    inTransaction(() -> notifications.toUsers(NotificationType.REMINDER, "remind:t1", List.of("wang.fang"), model, NO_CASE)
        + notifications.toUsers(NotificationType.OVERDUE, "overdue:t1", List.of("zhao.min"), model, NO_CASE)
        + notifications.toUsers(NotificationType.ESCALATION, "escalate:t1", List.of("liu.yang"), model, NO_CASE)
        + notifications.toUsers(NotificationType.URGED, "urge:t1", List.of("chen.jing"), model, NO_CASE));
    assertThat(sender.deliverDue()).isEqualTo(4);

    assertThat(only("wang.fang@").getSubject()).isEqualTo("【即将到期】MH2026-000001 村口路灯坏了三天 · 签收 (Due soon)");
    assertThat(parts(only("wang.fang@"))[0]).contains("即将到期", "This task is due soon", "2026-03-02 17:30");
    assertThat(only("zhao.min@").getSubject()).startsWith("【已超期】MH2026-000001");
    assertThat(parts(only("zhao.min@"))[1]).contains("已超过办理时限", "overdue");
    assertThat(only("liu.yang@").getSubject()).startsWith("【已升级】");
    assertThat(parts(only("liu.yang@"))[0])
        .contains("由 caseworker@330106002001 升级至 township@330106002", "escalated from caseworker@330106002001 to township@330106002");
    assertThat(only("chen.jing@").getSubject()).startsWith("【督办】");
    assertThat(parts(only("chen.jing@"))[1]).contains("黄华", "督办", "has urged this case");
  }

  @Test
  void aReplyReachesTheResidentWithTheRatingLink() throws Exception {
    Map<String, Object> model = Map.of("caseNumber", "MH2026-000002", "title", "小区东门路灯一直不亮",
        "reply", "路灯已于今日修复。\n感谢反映。", "ratingLink", "https://linli.example/rate/abc", "residentName", "李四");
    assertThat(inTransaction(() -> notifications.toAddress(NotificationType.REPLY, "reply:2", "Li.Si@Example.com", "李四", model, NO_CASE)))
        .isEqualTo(1);
    assertThat(sender.deliverDue()).isEqualTo(1);
    MimeMessage m = only("li.si@example.com");
    assertThat(m.getSubject()).isEqualTo("【答复】MH2026-000002 小区东门路灯一直不亮 (Reply)");
    assertThat(to(m)).contains("李四");
    for (String part : parts(m)) {
      assertThat(part).contains("李四，您好", "路灯已于今日修复。", "https://linli.example/rate/abc", "MH2026-000002");
    }
    assertThat(outboxRows().get(0)).containsEntry("RECIPIENT_USER", null).containsEntry("RECIPIENT_ADDRESS", "li.si@example.com");
  }

  @Test
  void aReceiptTellsTheResidentTheNumberTheExpectedTimeAndHowToFollow() throws Exception {
    Map<String, Object> model = Map.of("caseNumber", "MH2026-000003", "title", "路灯：村口路灯坏了", "dueAt", DUE,
        "followLink", "https://linli.example/portal/follow?number=MH2026-000003", "residentName", "张三");
    inTransaction(() -> notifications.toAddress(NotificationType.RECEIVED, "received:3", "zhang.san@example.com", "张三", model, NO_CASE));
    assertThat(sender.deliverDue()).isEqualTo(1);
    MimeMessage m = only("zhang.san@example.com");
    assertThat(m.getSubject()).isEqualTo("【已受理】MH2026-000003 路灯：村口路灯坏了 (Received)");
    for (String part : parts(m)) {
      assertThat(part).contains("张三，您好", "已受理", "MH2026-000003", "2026-03-02 17:30",
          "https://linli.example/portal/follow?number=MH2026-000003", "后四位");
    }
  }

  @Test
  void theDailyDigestListsOverdueAndAtRiskCases() throws Exception {
    Map<String, Object> model = new HashMap<>();
    model.put("supervisorName", "黄华");
    model.put("areaName", "青溪县");
    model.put("date", LocalDate.of(2026, 3, 2));
    model.put("overdue", List.of(
        Map.of("caseNumber", "MH2026-000011", "title", "垃圾清运不及时", "divisionName", "杏花村", "stepName", "办理", "dueAt", DUE),
        Map.of("caseNumber", "MH2026-000012", "title", "井盖缺失"))); // an item with keys missing
    model.put("atRisk", List.of());
    inTransaction(() -> notifications.toUsers(NotificationType.DIGEST, "digest:2026-03-02", List.of("huang.hua"), model, null));
    assertThat(sender.deliverDue()).isEqualTo(1);
    MimeMessage m = only("huang.hua@");
    assertThat(m.getSubject()).isEqualTo("【每日督查】2026-03-02 青溪县 超期 2 件 · 将到期 0 件 (Daily digest)");
    for (String part : parts(m)) {
      assertThat(part).contains("黄华", "青溪县", "MH2026-000011", "垃圾清运不及时", "杏花村", "2026-03-02 17:30",
          "MH2026-000012", "井盖缺失", "https://linli.example/cases/MH2026-000012", "无 None");
    }
  }

  @Test
  void everyTypeRendersWithoutAnyModelKeys() throws Exception {
    inTransaction(() -> {
      int n = 0;
      for (NotificationType type : NotificationType.values()) {
        n += type.toResidents()
            ? notifications.toAddress(type, "empty", "resident@example.com", null, Map.of(), null)
            : notifications.toUsers(type, "empty", List.of("xu.ming"), null, null);
      }
      return n;
    });
    assertThat(outboxRows()).hasSize(NotificationType.values().length)
        .allSatisfy(r -> assertThat(r.get("STATUS")).isEqualTo("PENDING"));
    assertThat(sender.deliverDue()).isEqualTo(NotificationType.values().length);
    for (MimeMessage m : received()) {
      String[] parts = parts(m);
      assertThat(parts[0]).contains("邻里 Linli").doesNotContain("null");
      assertThat(parts[1]).contains("邻里 Linli").doesNotContain("null");
    }
  }
}
