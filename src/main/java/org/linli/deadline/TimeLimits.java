package org.linli.deadline;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;

/**
 * Reads time limits from the DMN tables in {@code bpmn/}: one decision per case kind, keyed
 * {@code <kind>-time-limits} (for example {@code request-time-limits}), with the inputs {@code kind},
 * {@code category}, {@code categoryType}, {@code step} and {@code priority} and one output,
 * {@code limit}. A case pins the version that was current when it opened, so a newly deployed table
 * changes new cases only.
 */
@Service
public class TimeLimits {

  /** Process variable: the id of the decision definition a case reads its limits from. */
  public static final String VAR_DECISION = "timeLimits";
  /** Process variables the table reads, besides the step. */
  public static final String VAR_KIND = "caseKind";
  public static final String VAR_CATEGORY_TYPE = "categoryType";
  public static final String VAR_PRIORITY = "priority";
  public static final String VAR_CATEGORY = "categoryCode";
  /** Process variable a kind with grades sets (emergency levels I to IV); null elsewhere. */
  public static final String VAR_SEVERITY = "severity";

  /** The inputs of a time-limit table; {@code severity} only for kinds that grade their cases. */
  public record Query(String kind, String category, String categoryType, String step, String priority, String severity) {

    public Query(String kind, String category, String categoryType, String step, String priority) {
      this(kind, category, categoryType, step, priority, null);
    }
  }

  private final RepositoryService repository;
  private final DecisionService decisions;

  TimeLimits(RepositoryService repository, DecisionService decisions) {
    this.repository = repository;
    this.decisions = decisions;
  }

  public static String decisionKey(String kind) {
    return kind.toLowerCase(Locale.ROOT) + "-time-limits";
  }

  /** The id of the table's latest version, for a case that is about to open. */
  public String current(String kind) {
    DecisionDefinition d =
        repository.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey(kind)).latestVersion().singleResult();
    if (d == null) {
      throw new IllegalStateException("no time-limit table " + decisionKey(kind) + " is deployed");
    }
    return d.getId();
  }

  public TimeLimit limit(String decisionId, Query q) {
    VariableMap inputs = Variables.createVariables();
    inputs.put("kind", q.kind());
    inputs.put("category", q.category());
    inputs.put("categoryType", q.categoryType());
    inputs.put("step", q.step());
    inputs.put("priority", q.priority() == null ? "NORMAL" : q.priority());
    inputs.put("severity", q.severity());
    DmnDecisionResultEntries first = decisions.evaluateDecisionById(decisionId).variables(inputs).evaluate().getFirstResult();
    Object value = first == null ? null : first.get("limit");
    if (value == null) {
      throw new IllegalStateException("the time-limit table " + decisionId + " has no rule for " + q);
    }
    try {
      return TimeLimit.parse(value.toString());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("the time-limit table " + decisionId + " gives a bad limit for " + q + ": " + e.getMessage());
    }
  }

  /** The limit of a step of a running case, from the table version the case pinned. */
  public TimeLimit limit(DelegateExecution execution, String step) {
    return limit(pinned(execution), query(execution::getVariable, step));
  }

  /** The limit of a step of a running case, given its process variables. */
  public TimeLimit limit(Map<String, Object> variables, String step) {
    String decisionId = (String) variables.get(VAR_DECISION);
    if (decisionId == null) {
      throw new IllegalStateException("the case has no " + VAR_DECISION + " variable");
    }
    return limit(decisionId, query(variables::get, step));
  }

  private String pinned(DelegateExecution execution) {
    String decisionId = (String) execution.getVariable(VAR_DECISION);
    if (decisionId == null) {
      // a case opened before the tables existed: pin the current version from now on
      decisionId = current((String) execution.getVariable(VAR_KIND));
      execution.getProcessInstance().setVariable(VAR_DECISION, decisionId);
    }
    return decisionId;
  }

  private static Query query(Function<String, Object> v, String step) {
    return new Query(
        (String) v.apply(VAR_KIND), (String) v.apply(VAR_CATEGORY), (String) v.apply(VAR_CATEGORY_TYPE), step, (String) v.apply(VAR_PRIORITY),
        (String) v.apply(VAR_SEVERITY));
  }

  /** The variables a case process starts with so that its steps can read the table. */
  public Map<String, Object> startVariables(String kind, String categoryType, String priority) {
    Map<String, Object> v = new HashMap<>();
    v.put(VAR_DECISION, current(kind));
    v.put(VAR_KIND, kind);
    v.put(VAR_CATEGORY_TYPE, categoryType);
    v.put(VAR_PRIORITY, priority == null ? "NORMAL" : priority);
    return v;
  }
}
