package org.linli.system;

/** The caller may see the thing but may not do this to it; answered as 403. */
public class ForbiddenException extends RuntimeException {
  public ForbiddenException(String message) {
    super(message);
  }
}
