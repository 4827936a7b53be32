package org.linli.support;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/** Prints the seed of this run's test order, so that an order that fails can be replayed. */
public class TestOrderSeed implements TestExecutionListener {

  @Override
  public void testPlanExecutionStarted(TestPlan plan) {
    String seed = plan.getConfigurationParameters().get("junit.jupiter.execution.order.random.seed").orElse("(JUnit's own)");
    System.out.println("[linli] test order seed " + seed + ": replay with -Dlinli.test.seed=" + seed);
  }
}
