package org.linli.casefile;

/**
 * Declares a kind of case: its number prefix and the process that runs it. Features publish one
 * as a bean; instances of any other process get no case record (they belong to a calling case).
 */
public record CaseKindDefinition(String kind, String numberPrefix, String processDefinitionKey) {

  public CaseKindDefinition {
    if (!numberPrefix.matches("[A-Z]{2}")) {
      throw new IllegalArgumentException("case number prefix must be two capital letters: " + numberPrefix);
    }
  }
}
