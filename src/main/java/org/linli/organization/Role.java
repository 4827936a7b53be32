package org.linli.organization;

/** Roles staff hold at a place. Each maps to one candidate group per place (see {@link CandidateGroups}). */
public enum Role {
  /** 村社区工作者: signs for, handles, replies, calls back. */
  CASEWORKER("caseworker", DivisionLevel.VILLAGE),
  /** 网格员: reports from the street, does visits. */
  GRID_WORKER("gridworker", DivisionLevel.VILLAGE),
  /** 乡镇/街道 officer: dispatches, reviews, approves extensions. */
  TOWNSHIP_OFFICER("township", DivisionLevel.TOWNSHIP),
  /** 县级部门 officer: handles dispatched work; held at a county for one department. */
  DEPARTMENT_OFFICER("dept", DivisionLevel.COUNTY),
  /** 应急指挥部: the county's emergency command, activated for grave (II) and particularly grave (I) events. */
  COMMANDER("command", DivisionLevel.COUNTY),
  /**
   * 负责人: the head of a unit, who answers for its work and receives the cards (黄牌/红牌) issued to it.
   * Held at a township or a village (乡镇/街道、村社区负责人), or at a county for one department (部门负责人),
   * like DEPARTMENT_OFFICER. Sees the unit's cases; no step is offered to heads.
   */
  HEAD("head", null),
  /** 督查: watches overdue cases of a county or township. */
  SUPERVISOR("supervisor", null),
  /** Edits and deploys BPMN, DMN and forms. */
  DESIGNER("designer", null),
  /** Runs the service; the engine's administrator group. */
  ADMIN("camunda-admin", null),
  /**
   * A system that talks to the engine's REST API (系统集成), with only the engine authorizations an
   * administrator grants it. No case, page or step of Linli's is open to it.
   */
  INTEGRATION("linli-integration", null);

  private final String groupPrefix;
  private final DivisionLevel level;

  Role(String groupPrefix, DivisionLevel level) {
    this.groupPrefix = groupPrefix;
    this.level = level;
  }

  public String groupPrefix() {
    return groupPrefix;
  }

  /** The level the role is held at, or null for roles held at any level or at none. */
  public DivisionLevel level() {
    return level;
  }

  public boolean isPlaced() {
    return this != DESIGNER && this != ADMIN && this != INTEGRATION;
  }
}
