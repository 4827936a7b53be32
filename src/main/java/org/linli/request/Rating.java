package org.linli.request;

import org.linli.system.InvalidInputException;

/** The resident's rating of the reply. */
public enum Rating {
  SATISFIED,
  BASICALLY_SATISFIED,
  NOT_SATISFIED;

  /** Reads a rating from input, or refuses it naming the field. */
  public static Rating parse(String value) {
    try {
      return valueOf(value);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidInputException("rating", "应为 SATISFIED、BASICALLY_SATISFIED 或 NOT_SATISFIED");
    }
  }
}
