package org.linli.alert;

import java.util.List;

/**
 * A produced CAP document broke the OASIS schema or a rule of the CAP 1.2 specification. Thrown
 * inside the business transaction that published the {@link org.linli.emergency.IncidentAlert},
 * so that it rolls back: nothing is stored, nothing is mailed, and the change that called for the
 * alert does not happen without it.
 */
public class InvalidAlertException extends RuntimeException {

  private final List<String> problems;

  public InvalidAlertException(String identifier, List<String> problems) {
    super("CAP alert " + identifier + " is not valid: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
