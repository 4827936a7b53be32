package org.linli.request;

import org.linli.organization.Routing;

/**
 * A kind of request, with the level that handles it first and the department it belongs to. Its
 * time limits come from {@code bpmn/request-time-limits.dmn}, by category and type.
 */
public record RequestCategory(
    String code,
    String name,
    String nameEn,
    Type type,
    Routing.Level handlingLevel,
    String departmentCode,
    int sortOrder,
    boolean active) {

  /** Consultations, help requests and complaints have different statutory-style limits. */
  public enum Type {
    CONSULTATION,
    HELP,
    COMPLAINT
  }
}
