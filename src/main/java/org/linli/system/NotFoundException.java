package org.linli.system;

/** Answered as 404; also used for things that exist but lie outside the caller's area. */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message);
  }
}
