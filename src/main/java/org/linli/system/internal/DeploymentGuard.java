package org.linli.system.internal;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.linli.system.ModelBean;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Whatever is deployed passes {@link ModelRules} before the engine reads it, whoever deploys it: a
 * refused deployment is a {@link NotValidException} (400 on the engine's REST API) naming each
 * problem, and nothing of it is stored. Expressions also see only the {@link ModelBean} beans at run
 * time, so a name that is not on the list resolves to nothing rather than to any bean of the
 * application.
 */
@Component
class DeploymentGuard extends AbstractProcessEnginePlugin {

  private final ApplicationContext context;
  private volatile Set<String> beanNames;

  DeploymentGuard(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> deployers = new ArrayList<>();
    if (configuration.getCustomPreDeployers() != null) {
      deployers.addAll(configuration.getCustomPreDeployers());
    }
    deployers.add(this::check);
    configuration.setCustomPreDeployers(deployers);
    configuration.setExpressionManager(new SpringExpressionManager(context, new ModelBeans()));
  }

  /** The beans models may name, read once the application's bean definitions are known. */
  Set<String> beanNames() {
    Set<String> names = beanNames;
    if (names == null) {
      names = Set.copyOf(new TreeSet<>(List.of(context.getBeanNamesForAnnotation(ModelBean.class))));
      beanNames = names;
    }
    return names;
  }

  ModelRules rules() {
    return new ModelRules(new ExpressionRules(beanNames()));
  }

  private void check(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return; // read back from the database: it passed when it went in
    }
    Map<String, byte[]> resources = new LinkedHashMap<>();
    for (ResourceEntity r : deployment.getResources().values()) {
      resources.put(r.getName(), r.getBytes());
    }
    List<String> problems = rules().check(resources);
    if (!problems.isEmpty()) {
      throw new NotValidException("部署被拒绝 the deployment '" + deployment.getName() + "' was refused: "
          + String.join("; ", problems));
    }
  }

  /** The listed beans by name, looked up when an expression asks for one. */
  private final class ModelBeans extends AbstractMap<Object, Object> {

    @Override
    public boolean containsKey(Object key) {
      return key instanceof String name && beanNames().contains(name);
    }

    @Override
    public Object get(Object key) {
      return containsKey(key) ? context.getBean((String) key) : null;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
      return beanNames().stream()
          .map(name -> (Entry<Object, Object>) new SimpleImmutableEntry<Object, Object>(name, context.getBean(name)))
          .collect(Collectors.toSet());
    }
  }
}
