package org.linli.deadline;

import java.util.Locale;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseLimits;
import org.springframework.stereotype.Service;

/**
 * Reads time limits from the DMN tables in {@code bpmn/}: one decision per case kind, keyed
 * {@code <kind>-time-limits} (for example {@code request-time-limits}), with the inputs {@code kind},
 * {@code category}, {@code categoryType}, {@code step}, {@code priority} and {@code severity} and one
 * output, {@code limit}. A case pins the version that was current when it opened, so a newly
 * deployed table changes new cases only; the pinned version and the inputs are read from the case
 * record ({@link CaseLimits}), never from process variables.
 */
@Service
public class TimeLimits {

  /** The inputs of a time-limit table; {@code severity} only for kinds that grade their cases. */
  public record Query(String kind, String category, String categoryType, String step, String priority, String severity) {

    public Query(String kind, String category, String categoryType, String step, String priority) {
      this(kind, category, categoryType, step, priority, null);
    }
  }

  private final RepositoryService repository;
  private final DecisionService decisions;
  private final CaseFiles cases;

  TimeLimits(RepositoryService repository, DecisionService decisions, CaseFiles cases) {
    this.repository = repository;
    this.decisions = decisions;
    this.cases = cases;
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

  /** The limit of a step (or a rule such as the return window) of a case, as its record pins it. */
  public TimeLimit limit(long caseId, String step) {
    CaseLimits c = cases.limits(caseId);
    String decisionId = c.decisionId();
    if (decisionId == null) {
      // a case opened before the tables existed: pin the current version from now on
      decisionId = current(c.kind());
      cases.pinTimeLimits(caseId, decisionId);
    }
    return limit(decisionId, new Query(c.kind(), c.categoryCode(), c.categoryType(), step, c.priority(), c.severity()));
  }
}
