package org.linli.tasklist;

import java.util.List;
import java.util.Map;
import org.linli.casefile.CaseTask;
import org.linli.security.LinliUser;

/**
 * A feature's rules for its steps: which decisions each offers, what a valid decision records in
 * Linli's tables, and which process variables it hands the engine for the gateways that follow. The
 * task list calls {@link #complete} in the completion's transaction and then completes the task
 * through {@link org.linli.casefile.StepGate}; no step completes any other way.
 */
public interface StepCompleter {

  /** The case kind whose steps this completes. */
  String kind();

  List<String> decisions(CaseTask task);

  /**
   * The decisions the step offers this user, which its form shows: by default all of them. A step
   * offered to one user by name beside its group may offer that user fewer; {@link #complete} still
   * refuses the others from him.
   */
  default List<String> decisions(CaseTask task, LinliUser user) {
    return decisions(task);
  }

  /** One thing a step's form offers to choose from Linli's records: the value sent, the name shown. */
  record Choice(String value, String label) {}

  /**
   * What the step's form offers to choose from, by the form field's {@code valuesKey} (the villages
   * of the township, the departments of the county): given to the form as data, and the only values
   * the form then takes. None by default.
   */
  default Map<String, List<Choice>> choices(CaseTask task) {
    return Map.of();
  }

  /**
   * Checks the input (refusing bad input with {@link org.linli.system.InvalidInputException} before
   * anything is written), records what the step decided (a new owner, an extension asked for, a
   * review) in the feature's tables, and returns the variables the process's next gateways read in
   * this same transaction. Facts later steps need are read back from the tables, not from these.
   */
  Map<String, Object> complete(CaseTask task, StepInput input, LinliUser user);
}
