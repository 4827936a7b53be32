package org.linli.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Camunda's REST API serves "the default engine" from a registry for the whole JVM, where the last
 * of the suite's application contexts to start wins. A context on a database of its own
 * (AuthorizationMatrixTests) would then answer {@code /engine-rest} for every later test. Before
 * each test, the engine of that test's own context is made the one the registry gives.
 */
public class EngineOfThisContext extends AbstractTestExecutionListener {

  @Override
  public void beforeTestMethod(TestContext testContext) {
    testContext.getApplicationContext().getBeanProvider(ProcessEngine.class).ifAvailable(ProcessEngines::registerProcessEngine);
  }
}
