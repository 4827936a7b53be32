package org.linli.emergency;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseStatus;
import org.linli.organization.CandidateGroups;
import org.linli.organization.DivisionLevel;
import org.linli.security.LinliUser;
import org.linli.system.ConflictException;
import org.linli.system.ForbiddenException;
import org.linli.system.InvalidInputException;
import org.linli.system.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raises or lowers an emergency's level at any time until the all-clear: a message to the running
 * case, whose open steps, mail and time limits then follow the new level.
 */
@Service
public class EmergencyLevels {

  private final CaseFiles cases;
  private final Incidents incidents;
  private final RuntimeService runtime;

  EmergencyLevels(CaseFiles cases, Incidents incidents, RuntimeService runtime) {
    this.cases = cases;
    this.incidents = incidents;
    this.runtime = runtime;
  }

  /**
   * @throws NotFoundException outside the user's area, or not an emergency
   * @throws ForbiddenException unless the user is of the township, emergency management, the command
   *     or a supervisor of the place; lowering only by the current lead's level or above
   * @throws ConflictException after the all-clear
   */
  @Transactional
  public IncidentLevel change(String caseNumber, String level, String reason, LinliUser user) {
    CaseFile c = cases.visible(caseNumber, user.scope());
    if (!EmergencyProcess.KIND.equals(c.kind())) {
      throw new NotFoundException("没有这个突发事件 no emergency " + caseNumber);
    }
    cases.lockOpen(c.id()); // one level change of a case at a time; the engine re-checks the all-clear
    if (!mayChange(user, c.divisionCode())) {
      throw new ForbiddenException("只有乡镇、应急管理部门、应急指挥部或督查人员可以调整响应级别"
          + " only the township, emergency management, the command or supervisors may change the level");
    }
    Incident incident = incidents.of(c.id()).orElseThrow(() -> new NotFoundException("没有这个突发事件 no emergency " + caseNumber));
    if (c.status() != CaseStatus.OPEN || incident.allClearAt() != null || incident.withdrawnAt() != null) {
      throw new ConflictException("事件已解除，不能再调整级别 the event is over: its level can no longer change");
    }
    if (level == null || level.isBlank()) {
      throw new InvalidInputException("level", "请选择新的响应级别 choose the new level");
    }
    IncidentLevel to;
    try {
      to = IncidentLevel.valueOf(level == null ? "" : level.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("level", "级别应为 I、II、III 或 IV the level is one of I, II, III, IV");
    }
    if (to == incident.level()) {
      throw new InvalidInputException("level", "已是" + to.name() + "级 already at level " + to.name());
    }
    if (!to.atLeast(incident.level()) && rank(user, c.divisionCode()) < leadRank(incident.level())) {
      throw new ForbiddenException("降低响应级别须由当前牵头单位或其上级决定 only the current lead or those above it may lower the level");
    }
    if (reason == null || reason.isBlank() || reason.length() > 500) {
      throw new InvalidInputException("reason", "请说明调整理由（500字以内） give the reason, at most 500 characters");
    }
    runtime.createMessageCorrelation(EmergencyProcess.MESSAGE_LEVEL_CHANGED)
        .processInstanceBusinessKey(c.caseNumber())
        .setVariables(Map.of(EmergencyProcess.VAR_LEVEL_REQUESTED, to.name(), EmergencyProcess.VAR_LEVEL_REASON, reason.strip(),
            EmergencyProcess.VAR_LEVEL_CHANGED_BY, user.username()))
        .correlateWithResult();
    return to;
  }

  /** 1 the township, 2 emergency management, 3 the command and the county's supervisors. */
  static int rank(LinliUser user, String divisionCode) {
    String county = DivisionLevel.COUNTY.ancestorOf(divisionCode);
    if (user.inGroup(CandidateGroups.command(county)) || user.inGroup(CandidateGroups.supervisors(county))) {
      return 3;
    }
    return user.inGroup(CandidateGroups.department(EmergencyRouting.EMERGENCY_DEPARTMENT, county)) ? 2 : 1;
  }

  /** The rank of the level's lead (see {@link EmergencyRouting#lead}). */
  static int leadRank(IncidentLevel level) {
    return switch (level) {
      case IV -> 1;
      case III -> 2;
      case II, I -> 3;
    };
  }

  /** Township officers and supervisors of the place, emergency management, the command, county supervisors. */
  public static boolean mayChange(LinliUser user, String divisionCode) {
    String county = DivisionLevel.COUNTY.ancestorOf(divisionCode);
    String township = DivisionLevel.TOWNSHIP.ancestorOf(divisionCode);
    return user.inGroup(CandidateGroups.department(EmergencyRouting.EMERGENCY_DEPARTMENT, county))
        || user.inGroup(CandidateGroups.command(county))
        || user.inGroup(CandidateGroups.supervisors(county))
        || township != null && (user.inGroup(CandidateGroups.township(township)) || user.inGroup(CandidateGroups.supervisors(township)));
  }
}
