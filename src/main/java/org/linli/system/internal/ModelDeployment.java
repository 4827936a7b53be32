package org.linli.system.internal;

import java.io.IOException;
import java.io.InputStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the project's {@code bpmn/} and {@code forms/} folders (copied onto the class path by
 * the build) as soon as the engine is built, before any job or request can use it. Unchanged models are filtered out, so a restart deploys
 * nothing and a changed model becomes a new version; running instances stay on their version.
 */
@Component
class ModelDeployment extends AbstractProcessEnginePlugin {

  static final String DEPLOYMENT_NAME = "linli-models";
  static final String[] PATTERNS = {
    "classpath*:bpmn/**/*.bpmn", "classpath*:bpmn/**/*.dmn", "classpath*:forms/**/*.form"
  };

  private static final Logger log = LoggerFactory.getLogger(ModelDeployment.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    try {
      deploy(engine.getRepositoryService());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the models to deploy", e);
    }
  }

  void deploy(RepositoryService repository) throws IOException {
    DeploymentBuilder builder =
        repository.createDeployment().name(DEPLOYMENT_NAME).source("linli").enableDuplicateFiltering(true);
    int count = 0;
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    for (String pattern : PATTERNS) {
      for (Resource r : resolver.getResources(pattern)) {
        String path = r.getURL().toString();
        String name = path.substring(path.lastIndexOf(pattern.contains("forms") ? "forms/" : "bpmn/"));
        try (InputStream in = r.getInputStream()) {
          builder.addInputStream(name, new java.io.ByteArrayInputStream(in.readAllBytes()));
        }
        count++;
      }
    }
    if (count == 0) {
      log.warn("No models found on the class path under bpmn/ or forms/.");
      return;
    }
    DeploymentWithDefinitions deployment = builder.deployWithResult();
    log.info(
        "Models: {} resources checked, {} process definitions newly deployed.",
        count,
        deployment.getDeployedProcessDefinitions() == null ? 0 : deployment.getDeployedProcessDefinitions().size());
  }
}
