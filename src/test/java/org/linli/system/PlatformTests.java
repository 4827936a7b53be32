package org.linli.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.linli.support.LinliIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The landing page, health, API description, the engine's REST API and model deployment. */
@LinliIntegrationTest
class PlatformTests {

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;

  @Test
  void theLandingPageSaysWhatIsRunningAndLinksEverything() {
    ResponseEntity<String> page = http.getForEntity("/", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    // the demo profile shows what runs here; see SideDoorTests for a production install
    assertThat(page.getBody()).contains("邻里 Linli", "/camunda/app/cockpit/", "/camunda/app/admin/", "/swagger-ui.html",
        "/v3/api-docs", "/actuator/health", "resident-request", "7.24.0");
  }

  @Test
  @SuppressWarnings("unchecked")
  void healthReportsTheEngineAndTheDatabase() {
    Map<String, Object> health = http.getForObject("/actuator/health", Map.class);
    assertThat(health.get("status")).isEqualTo("UP");
    Map<String, Object> components = (Map<String, Object>) health.get("components");
    assertThat(components).containsKeys("processEngine", "db");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theApiIsDescribedWithOpenApi() {
    Map<String, Object> api = http.getForObject("/v3/api-docs", Map.class);
    assertThat(((Map<String, Object>) api.get("paths")).keySet())
        .contains("/api/public/requests", "/api/tasks", "/api/tasks/{id}/complete", "/api/cases/{number}");
    assertThat(http.getForEntity("/swagger-ui/index.html", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void theEngineRestApiIsForAdministrators() {
    assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    HttpHeaders admin = new HttpHeaders();
    admin.setBasicAuth("admin", "demo");
    ResponseEntity<List> definitions =
        http.exchange("/engine-rest/process-definition?key=resident-request", HttpMethod.GET, new HttpEntity<>(admin), List.class);
    assertThat(definitions.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(definitions.getBody()).isNotEmpty();
    // a caseworker uses Linli's API, with its area checks and step rules
    HttpHeaders caseworker = new HttpHeaders();
    caseworker.setBasicAuth("chen.jing", "demo");
    ResponseEntity<String> instances =
        http.exchange("/engine-rest/process-instance", HttpMethod.GET, new HttpEntity<>(caseworker), String.class);
    assertThat(instances.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void staffAndGroupsAreMirroredIntoTheEngine() {
    var identity = engine.getIdentityService();
    assertThat(identity.createUserQuery().memberOfGroup("caseworker@330106002001").list())
        .extracting(u -> u.getId()).containsExactly("wang.fang");
    assertThat(identity.createGroupQuery().groupId("dept-zj@330106").singleResult().getName()).contains("住房和城乡建设局");
    assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").list()).extracting(u -> u.getId()).contains("admin");
    assertThat(identity.checkPassword("wang.fang", "demo")).isTrue();
    // what the webapps ask at log-in
    var authorizations = engine.getAuthorizationService();
    assertThat(authorizations.isUserAuthorized("admin", List.of("camunda-admin"), Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isTrue();
    assertThat(authorizations.isUserAuthorized("wang.fang", List.of("linli-staff", "caseworker@330106002001"), Permissions.ACCESS,
        Resources.APPLICATION, "tasklist")).as("staff work in Linli's task list, not Camunda's").isFalse();
    assertThat(authorizations.isUserAuthorized("wang.fang", List.of("linli-staff", "caseworker@330106002001"), Permissions.ACCESS,
        Resources.APPLICATION, "cockpit")).isFalse();
  }
}
