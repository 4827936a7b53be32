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
}
