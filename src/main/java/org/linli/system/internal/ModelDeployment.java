package org.linli.system.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;
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
 * the build) as soon as the engine is built, before any job or request can use it. A restart with
 * unchanged models deploys nothing; running instances stay on their version.
 *
 * <p>Two deployments, because the two kinds of model are bound differently:
 *
 * <ul>
 *   <li>{@value #DEPLOYMENT_NAME}: processes and Camunda Forms, all or nothing. User tasks bind
 *       their form with {@code camunda:formRefBinding="deployment"}, so a changed form must be
 *       deployed together with the processes (a new process version), else the processes would keep
 *       finding the old form in their own deployment.
 *   <li>{@value #DECISIONS_NAME}: DMN tables, changed ones only. Cases pin the table version current
 *       at intake, so a new version of one table must not touch the others or the processes.
 * </ul>
 */
@Component
class ModelDeployment extends AbstractProcessEnginePlugin {

  static final String DEPLOYMENT_NAME = "linli-models";
  static final String DECISIONS_NAME = "linli-decisions";
  static final String[] MODEL_PATTERNS = {"classpath*:bpmn/**/*.bpmn", "classpath*:forms/**/*.form"};
  static final String[] DECISION_PATTERNS = {"classpath*:bpmn/**/*.dmn"};

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
    Map<String, byte[]> models = read(MODEL_PATTERNS);
    Map<String, byte[]> decisions = read(DECISION_PATTERNS);
    if (models.isEmpty() && decisions.isEmpty()) {
      log.warn("No models found on the class path under bpmn/ or forms/.");
      return;
    }
    if (!decisions.isEmpty()) {
      deploy(repository, DECISIONS_NAME, decisions, true);
    }
    if (!models.isEmpty()) {
      deploy(repository, DEPLOYMENT_NAME, models, false);
    }
  }

  /**
   * Deploys the resources under a name unless they equal the latest ones of that name.
   *
   * @param changedOnly true: only the changed resources; false: all of them if any changed
   * @return the new deployment, or the latest one of that name when nothing changed
   */
  DeploymentWithDefinitions deploy(RepositoryService repository, String name, Map<String, byte[]> resources,
      boolean changedOnly) {
    DeploymentBuilder builder =
        repository.createDeployment().name(name).source("linli").enableDuplicateFiltering(changedOnly);
    resources.forEach((path, bytes) -> builder.addInputStream(path, new ByteArrayInputStream(bytes)));
    DeploymentWithDefinitions deployment = builder.deployWithResult();
    log.info("Models {}: {} resources checked, {} process and {} decision definitions newly deployed.", name,
        resources.size(), size(deployment.getDeployedProcessDefinitions()),
        size(deployment.getDeployedDecisionDefinitions()));
    return deployment;
  }

  private static int size(java.util.List<?> list) {
    return list == null ? 0 : list.size();
  }

  /** Resources by their deployment name ({@code bpmn/…}, {@code forms/…}), in a stable order. */
  static Map<String, byte[]> read(String... patterns) throws IOException {
    Map<String, byte[]> resources = new TreeMap<>();
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    for (String pattern : patterns) {
      String folder = pattern.substring("classpath*:".length(), pattern.indexOf('/') + 1);
      for (Resource r : resolver.getResources(pattern)) {
        String path = r.getURL().toString();
        try (InputStream in = r.getInputStream()) {
          resources.put(path.substring(path.lastIndexOf(folder)), in.readAllBytes());
        }
      }
    }
    return resources;
  }
}
