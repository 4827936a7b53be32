package org.linli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped decision tables on the engine's DMN evaluator alone, without the application: the
 * thresholds a designer edits, at their edges. The flows that read them are the process tests'.
 */
class DecisionTablesTests {

  static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  static DmnDecisionRuleResult evaluate(String table, Map<String, Object> inputs) throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("bpmn", table + ".dmn"))) {
      DmnDecision decision = DMN.parseDecision(table, in);
      VariableMap variables = Variables.createVariables();
      inputs.forEach(variables::putValue);
      return DMN.evaluateDecisionTable(decision, variables).getSingleResult();
    }
  }

  @ParameterizedTest(name = "{0} {1}: dead {2}, injured {3}, affected {4}, loss {5} → {6}")
  @CsvSource({
      "ACCIDENT,         ,        30,   0,       0,         0, I",
      "ACCIDENT,         ,        29,   0,       0,         0, II",
      "ACCIDENT,         ,         0, 100,       0,         0, I",
      "ACCIDENT,         ,         0,  99,       0,         0, II",
      "ACCIDENT,         ,         0,   0,       0, 100000000, I",
      "ACCIDENT,         ,         0,   0,       0,  99999999, II",
      "ACCIDENT,         ,         3,   0,       0,         0, III",
      "ACCIDENT,         ,         2,   9,       0,   9999999, IV",
      "NATURAL_DISASTER, ,       200,   0,       0,         0, I",
      "NATURAL_DISASTER, ,         0,   0, 1999999,         0, II",
      "NATURAL_DISASTER, ,        49,   0,  499999,         0, IV",
      "PUBLIC_HEALTH,    FOOD_POISONING, 1, 0, 101, 0, II",
      "PUBLIC_HEALTH,    FOOD_POISONING, 0, 0, 101, 0, III",
      "PUBLIC_HEALTH,    FOOD_POISONING, 0, 0, 100, 0, IV",
      "PUBLIC_HEALTH,    ,         1,   0,       0,         0, III",
      "SOCIAL_SECURITY,  ,         0,   0,    1000,         0, II",
      "SOCIAL_SECURITY,  ,         0,   0,     299,         0, IV"})
  void anEmergencyIsGradedByTheNationalThresholds(String type, String subtype, int dead, int injured, int affected, double loss,
      String level) throws IOException {
    Map<String, Object> in = new java.util.HashMap<>(Map.of("incidentType", type, "deadOrMissing", dead, "injured", injured,
        "affected", affected, "directLoss", loss));
    in.put("categoryCode", subtype);
    assertThat(evaluate("emergency-grading", in).<String>getEntry("level")).isEqualTo(level);
  }

  @ParameterizedTest(name = "{0}: {1} per person against {2}, savings {3} → {5} {6}")
  @CsvSource({
      "DIBAO,  500, 1170,     0,  3, true,  2010",
      "DIBAO, 1170, 1170,     0,  3, false,    0",
      "DIBAO,  500, 1170, 50001,  3, false,    0",
      "TEKUN,    0, 1170,     0,  1, true,  1521",
      "LINSHI, 5000, 1170, 90000, 3, true,  2000"})
  void eligibilityAndTheAmountFollowTheStandards(String programme, double income, double standard, double savings, int size,
      boolean eligible, double amount) throws IOException {
    Map<String, Object> in = new java.util.HashMap<>();
    in.put("programme", programme);
    in.put("perCapitaIncome", income);
    in.put("standard", standard);
    in.put("savingsPerCapita", savings);
    in.put("savingsLimit", 50000.0);
    in.put("vehicleValue", 0.0);
    in.put("vehicleLimit", 50000.0);
    in.put("dwellings", 1);
    in.put("maxDwellings", 1);
    in.put("householdSize", size);
    in.put("tekunGroup", true);
    in.put("supportStandard", 1521.0);
    in.put("oneOffAmount", 2000.0);
    DmnDecisionRuleResult result = evaluate("assistance-eligibility", in);
    assertThat(result.<Boolean>getEntry("eligible")).isEqualTo(eligible);
    assertThat(((Number) result.getEntry("monthlyAmount")).doubleValue()).isEqualTo(amount);
  }

  @ParameterizedTest(name = "{0} {1} {2} → {3}")
  @CsvSource({
      "Task_SignRequest,   ,             NORMAL, working-days:1",
      "Task_SignRequest,   ,             URGENT, working-hours:2",
      "Task_HandleRequest, CONSULTATION, NORMAL, working-days:3",
      "Task_HandleRequest, HELP,         NORMAL, working-days:5",
      "Task_HandleRequest, COMPLAINT,    NORMAL, working-days:15",
      "Task_HandleRequest, COMPLAINT,    URGENT, working-days:2",
      "extension-max,      ,             NORMAL, working-days:10"})
  void aRequestsStepsHaveTheirTimeLimits(String step, String categoryType, String priority, String limit) throws IOException {
    Map<String, Object> in = new java.util.HashMap<>();
    in.put("kind", "REQUEST");
    in.put("step", step);
    in.put("categoryType", categoryType);
    in.put("category", "streetlight");
    in.put("priority", priority);
    assertThat(evaluate("request-time-limits", in).<String>getEntry("limit")).isEqualTo(limit);
  }
}
