package org.linli.tasklist;

import java.util.List;
import java.util.Map;
import org.linli.casefile.CaseTask;
import org.linli.security.LinliUser;

/**
 * A feature's knowledge of its steps: which decisions each offers and which process variables a
 * valid decision sets. Implementations refuse bad input with {@link
 * org.linli.system.InvalidInputException} before anything is written.
 */
public interface StepCompleter {

  /** The case kind whose steps this completes. */
  String kind();

  List<String> decisions(CaseTask task);

  Map<String, Object> variables(CaseTask task, StepInput input, LinliUser user);
}
