package org.linli.system;

/** The request is valid but the thing has moved on (claimed by another, step done); 409. */
public class ConflictException extends RuntimeException {
  public ConflictException(String message) {
    super(message);
  }
}
