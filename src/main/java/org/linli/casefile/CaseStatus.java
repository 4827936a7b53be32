package org.linli.casefile;

public enum CaseStatus {
  OPEN,
  CLOSED,
  CANCELLED
}
