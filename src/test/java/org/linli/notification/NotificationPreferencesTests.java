package org.linli.notification;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Preferences over HTTP and what they do to mail; the operator's view of the outbox. */
@LinliIntegrationTest
class NotificationPreferencesTests extends MailTestSupport {

  static final Map<String, Object> MODEL = Map.of("caseNumber", "MH2026-000200", "title", "河道有垃圾");

  @Autowired TestRestTemplate http;

  <T> ResponseEntity<T> call(String user, HttpMethod method, String path, Object body, ParameterizedTypeReference<T> type) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (user != null) {
      headers.setBasicAuth(user, "demo");
    }
    return http.exchange(path, method, new HttpEntity<>(body, headers), type);
  }

  ResponseEntity<List<Map<String, Object>>> list(String user, HttpMethod method, Object body) {
    return call(user, method, "/api/me/notification-preferences", body, new ParameterizedTypeReference<>() {});
  }

  ResponseEntity<Map<String, Object>> problem(String user, Object body) {
    return call(user, HttpMethod.PUT, "/api/me/notification-preferences", body, new ParameterizedTypeReference<>() {});
  }

  static Map<String, Object> entry(List<Map<String, Object>> prefs, NotificationType type) {
    return prefs.stream().filter(p -> type.name().equals(p.get("type"))).findFirst().orElseThrow();
  }

  @Test
  void everyTypeIsListedWithWhetherItMayBeTurnedOff() {
    ResponseEntity<List<Map<String, Object>>> r = list("wang.fang", HttpMethod.GET, null);
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(r.getBody()).extracting(p -> p.get("type"))
        .containsExactly("NEW_TASK", "REMINDER", "OVERDUE", "ESCALATION", "URGED", "CARD", "DIGEST", "WEEKLY", "EMERGENCY",
            "EMERGENCY_ALERT");
    assertThat(r.getBody()).allSatisfy(p -> assertThat(p.get("enabled")).isEqualTo(true));
    assertThat(entry(r.getBody(), NotificationType.OVERDUE)).containsEntry("optional", false).containsEntry("label", "已超期 Overdue");
    assertThat(entry(r.getBody(), NotificationType.REMINDER)).containsEntry("optional", true);
    assertThat(entry(r.getBody(), NotificationType.EMERGENCY)).containsEntry("optional", false);
    assertThat(entry(r.getBody(), NotificationType.EMERGENCY_ALERT)).containsEntry("optional", false);
    assertThat(call(null, HttpMethod.GET, "/api/me/notification-preferences", null,
        new ParameterizedTypeReference<Map<String, Object>>() {}).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aReminderTurnedOffIsNotMailedButOverdueStillIs() {
    ResponseEntity<List<Map<String, Object>>> r =
        list("wang.fang", HttpMethod.PUT, Map.of("type", "REMINDER", "enabled", false));
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(entry(r.getBody(), NotificationType.REMINDER)).containsEntry("enabled", false);

    assertThat(inTransaction(() -> notifications.toUsers(NotificationType.REMINDER, "remind:p", List.of("wang.fang", "zhao.min"), MODEL, null)))
        .as("zhao.min only").isEqualTo(1);
    assertThat(inTransaction(() -> notifications.toGroups(NotificationType.REMINDER, "remind:g", List.of("caseworker@330106002001"), MODEL, null)))
        .isZero();
    assertThat(inTransaction(() -> notifications.toUsers(NotificationType.OVERDUE, "overdue:p", List.of("wang.fang"), MODEL, null)))
        .isEqualTo(1);
    assertThat(sender.deliverDue()).isEqualTo(2);
    assertThat(outboxRows()).extracting(row -> row.get("TYPE") + " " + row.get("RECIPIENT_USER"))
        .containsExactly("REMINDER zhao.min", "OVERDUE wang.fang");

    // and on again, in the map form
    r = list("wang.fang", HttpMethod.PUT, Map.of("REMINDER", true));
    assertThat(entry(r.getBody(), NotificationType.REMINDER)).containsEntry("enabled", true);
    assertThat(inTransaction(() -> notifications.toUsers(NotificationType.REMINDER, "remind:again", List.of("wang.fang"), MODEL, null)))
        .isEqualTo(1);
  }

  @Test
  @SuppressWarnings("unchecked")
  void overdueAndUrgingCannotBeTurnedOffAndARefusalChangesNothing() {
    ResponseEntity<Map<String, Object>> r = problem("wang.fang", Map.of("type", "OVERDUE", "enabled", false));
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(r.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    List<Map<String, Object>> errors = (List<Map<String, Object>>) r.getBody().get("errors");
    assertThat(errors).singleElement().satisfies(e -> {
      assertThat(e.get("field")).isEqualTo("enabled");
      assertThat((String) e.get("message")).contains("已超期", "cannot be turned off");
    });

    r = problem("wang.fang", Map.of("NEW_TASK", false, "URGED", false));
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((List<Map<String, Object>>) r.getBody().get("errors")).extracting(e -> e.get("field")).containsExactly("URGED");
    assertThat(entry(list("wang.fang", HttpMethod.GET, null).getBody(), NotificationType.NEW_TASK))
        .as("all or nothing").containsEntry("enabled", true);

    assertThat(problem("wang.fang", Map.of("type", "NOISE", "enabled", false)).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(problem("wang.fang", Map.of("type", "REMINDER", "enabled", "maybe")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(problem("wang.fang", Map.of()).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(jdbc.sql("select count(*) from notification_preference").query(Long.class).single()).isZero();
  }

  @Test
  void onlyAdministratorsSeeTheOutboxAndItShowsWhyMailFailed() {
    stopSmtp();
    inTransaction(() -> notifications.toUsers(NotificationType.URGED, "urge:view", List.of("liu.yang"), MODEL, NO_CASE)
        + notifications.toUsers(NotificationType.URGED, "urge:view", List.of("sun.li"), MODEL, NO_CASE));
    jdbc.sql("update notification_outbox set attempts = 7 where recipient_user = 'liu.yang'").update();
    sender.deliverDue();

    ParameterizedTypeReference<List<Map<String, Object>>> rows = new ParameterizedTypeReference<>() {};
    assertThat(call("wang.fang", HttpMethod.GET, "/api/notifications/outbox?status=FAILED", null,
        new ParameterizedTypeReference<Map<String, Object>>() {}).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<List<Map<String, Object>>> failed = call("admin", HttpMethod.GET, "/api/notifications/outbox?status=FAILED", null, rows);
    assertThat(failed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(failed.getBody()).singleElement().satisfies(row -> {
      assertThat(row).containsEntry("recipientUser", "liu.yang").containsEntry("status", "FAILED").containsEntry("attempts", 8)
          .containsEntry("caseId", (int) NO_CASE).containsEntry("type", "URGED")
          .doesNotContainKeys("bodyText", "bodyHtml");
      assertThat((String) row.get("lastError")).contains("MailSendException");
      assertThat((String) row.get("subject")).startsWith("【督办】MH2026-000200");
    });
    assertThat(call("admin", HttpMethod.GET, "/api/notifications/outbox", null, rows).getBody()).hasSize(2);
    assertThat(call("admin", HttpMethod.GET, "/api/notifications/outbox?status=LOST", null,
        new ParameterizedTypeReference<Map<String, Object>>() {}).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }
}
