package org.linli.system.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.linli.request.RequestProcess;
import org.linli.support.LinliIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Processes and their forms deploy together; decision tables on their own. */
@LinliIntegrationTest
class ModelDeploymentTests {

  @Autowired RepositoryService repository;
  @Autowired org.linli.request.RequestIntake intake;
  @Autowired org.linli.tasklist.StepForms forms;
  @Autowired org.linli.casefile.CaseFiles cases;
  @Autowired org.linli.support.DemoUsers users;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  long deployments(String name) {
    return repository.createDeploymentQuery().deploymentName(name).count();
  }

  ProcessDefinition latestRequestProcess() {
    return repository.createProcessDefinitionQuery().processDefinitionKey(RequestProcess.KEY).latestVersion().singleResult();
  }

  @Test
  void aChangedFormAloneIsDeployedTogetherWithTheProcesses() throws IOException {
    ModelDeployment deployer = new ModelDeployment();
    long models = deployments(ModelDeployment.DEPLOYMENT_NAME);
    long decisions = deployments(ModelDeployment.DECISIONS_NAME);
    ProcessDefinition before = latestRequestProcess();
    assertThat(repository.getDeploymentResourceNames(before.getDeploymentId()))
        .contains("bpmn/resident-request.bpmn", "forms/request-sign.form", "forms/request-handle.form")
        .noneMatch(n -> n.endsWith(".dmn"));

    // unchanged models: nothing new
    deployer.deploy(repository);
    assertThat(deployments(ModelDeployment.DEPLOYMENT_NAME)).isEqualTo(models);
    assertThat(deployments(ModelDeployment.DECISIONS_NAME)).isEqualTo(decisions);

    Map<String, byte[]> changed = new TreeMap<>(ModelDeployment.read(ModelDeployment.MODEL_PATTERNS));
    String form = new String(changed.get("forms/request-sign.form"), StandardCharsets.UTF_8);
    changed.put("forms/request-sign.form", form.replace("签收 Sign for", "签收确认 Confirm").getBytes(StandardCharsets.UTF_8));
    DeploymentWithDefinitions deployment = deployer.deploy(repository, ModelDeployment.DEPLOYMENT_NAME, changed, false);
    try {
      // the process comes again in the same deployment, so formRefBinding="deployment" finds the new form
      assertThat(repository.getDeploymentResourceNames(deployment.getId()))
          .contains("bpmn/resident-request.bpmn", "forms/request-sign.form", "forms/request-callback.form");
      ProcessDefinition after = latestRequestProcess();
      assertThat(after.getDeploymentId()).isEqualTo(deployment.getId());
      assertThat(after.getVersion()).isEqualTo(before.getVersion() + 1);
      String deployedForm = new String(
          repository.getResourceAsStream(deployment.getId(), "forms/request-sign.form").readAllBytes(), StandardCharsets.UTF_8);
      assertThat(deployedForm).contains("签收确认 Confirm");
      assertThat(deployments(ModelDeployment.DECISIONS_NAME)).as("decision tables untouched").isEqualTo(decisions);
    } finally {
      // leave the models as the other tests expect them
      repository.deleteDeployment(deployment.getId(), true);
    }
    assertThat(latestRequestProcess().getId()).isEqualTo(before.getId());
  }

  /**
   * A request that started before the handling form had a reply field of its own keeps the form it
   * started with (formRefBinding="deployment"), whose one comment field was the reply: it still
   * replies, and the resident reads that text.
   */
  @Test
  void aRequestOnTheFormBeforeTheReplyFieldStillReplies() throws IOException {
    Map<String, byte[]> old = new TreeMap<>(ModelDeployment.read(ModelDeployment.MODEL_PATTERNS));
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    var form = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(old.get("forms/request-handle.form"));
    var components = (com.fasterxml.jackson.databind.node.ArrayNode) form.get("components");
    for (int i = components.size() - 1; i >= 0; i--) {
      var c = (com.fasterxml.jackson.databind.node.ObjectNode) components.get(i);
      if ("reply".equals(c.path("key").asText())) {
        components.remove(i);
      } else if ("comment".equals(c.path("key").asText())) {
        c.put("label", "答复或理由 Reply or reason");
        ((com.fasterxml.jackson.databind.node.ObjectNode) c.get("validate")).put("required", true);
      }
    }
    old.put("forms/request-handle.form", json.writeValueAsBytes(form));
    DeploymentWithDefinitions deployment = new ModelDeployment().deploy(repository, ModelDeployment.DEPLOYMENT_NAME, old, false);
    try {
      String number = intake.submitByStaff(new org.linli.request.IntakeForm("streetlight", null, "旧版本表单上的诉求", "330106002001",
          "村口", null, null, "张三", "13900004321", null, org.linli.request.Channel.HOTLINE, null), users.get("wang.fang")).caseNumber();
      var wang = users.get("wang.fang");
      forms.submit(wang, openTask(number), Map.of("decision", "sign"));
      String handle = openTask(number);
      assertThat(forms.form(wang, handle).schema().toString()).contains("答复或理由").doesNotContain("\"key\":\"reply\"");
      forms.submit(wang, handle, Map.of("decision", "reply", "comment", "旧表单的答复"));
      assertThat(jdbc.sql("select reply from resident_request where case_number = ?").param(number).query(String.class).single())
          .isEqualTo("旧表单的答复");
      forms.submit(wang, openTask(number), Map.of("decision", "rate", "rating", "SATISFIED"));
      assertThat(cases.byNumber(number).orElseThrow().status()).isEqualTo(org.linli.casefile.CaseStatus.CLOSED);
    } finally {
      repository.deleteDeployment(deployment.getId(), true);
    }
  }

  String openTask(String number) {
    return cases.openTasks(cases.byNumber(number).orElseThrow().id()).get(0).taskId();
  }
}
