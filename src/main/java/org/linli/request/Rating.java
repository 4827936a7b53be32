package org.linli.request;

/** The resident's rating of the reply. */
public enum Rating {
  SATISFIED,
  BASICALLY_SATISFIED,
  NOT_SATISFIED
}
