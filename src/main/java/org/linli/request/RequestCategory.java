package org.linli.request;

import org.linli.organization.Routing;

/**
 * A kind of request, with the level that handles it first, the department it belongs to, and its
 * handling time limit in working days.
 */
public record RequestCategory(
    String code,
    String name,
    String nameEn,
    Type type,
    Routing.Level handlingLevel,
    String departmentCode,
    int timeLimitDays,
    int sortOrder,
    boolean active) {

  /** Consultations, help requests and complaints have different statutory-style limits. */
  public enum Type {
    CONSULTATION,
    HELP,
    COMPLAINT
  }
}
