package org.linli.request;

/** Where a request came in. */
public enum Channel {
  PORTAL,
  HOTLINE,
  GRID,
  API
}
