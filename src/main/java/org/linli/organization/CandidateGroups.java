package org.linli.organization;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule for candidate-group names: a role at a place, such as {@code
 * caseworker@330106001001}, {@code township@330106001}, {@code dept-mz@330106}, {@code
 * supervisor@330106}, the heads {@code head@330106002} and {@code head-mz@330106}; {@code designer}
 * and {@code camunda-admin} are not placed.
 */
public final class CandidateGroups {

  private static final Pattern PLACED = Pattern.compile("([a-z]+)(?:-([a-z0-9]{1,16}))?@(\\d{6}|\\d{9}|\\d{12})");

  /** Every staff member also belongs to this group; it holds no engine authorizations. */
  public static final String STAFF = "linli-staff";

  private CandidateGroups() {}

  public static String of(RoleAssignment a) {
    Role role = a.role();
    if (!role.isPlaced()) {
      return role.groupPrefix();
    }
    if (role == Role.DEPARTMENT_OFFICER) {
      return department(a.departmentCode(), a.divisionCode());
    }
    if (role == Role.HEAD && a.departmentCode() != null) {
      return departmentHeads(a.departmentCode(), a.divisionCode());
    }
    return role.groupPrefix() + "@" + a.divisionCode();
  }

  public static String caseworkers(String villageCode) {
    return Role.CASEWORKER.groupPrefix() + "@" + requireLevel(villageCode, DivisionLevel.VILLAGE);
  }

  public static String gridWorkers(String villageCode) {
    return Role.GRID_WORKER.groupPrefix() + "@" + requireLevel(villageCode, DivisionLevel.VILLAGE);
  }

  public static String township(String townshipCode) {
    return Role.TOWNSHIP_OFFICER.groupPrefix() + "@" + requireLevel(townshipCode, DivisionLevel.TOWNSHIP);
  }

  public static String department(String departmentCode, String countyCode) {
    if (departmentCode == null || !departmentCode.matches("[a-z0-9]{1,16}")) {
      throw new IllegalArgumentException("not a department code: " + departmentCode);
    }
    return Role.DEPARTMENT_OFFICER.groupPrefix() + "-" + departmentCode + "@" + requireLevel(countyCode, DivisionLevel.COUNTY);
  }

  /** The county's emergency command (应急指挥部). */
  public static String command(String countyCode) {
    return Role.COMMANDER.groupPrefix() + "@" + requireLevel(countyCode, DivisionLevel.COUNTY);
  }

  /** The heads (负责人) of a township or a village. */
  public static String heads(String divisionCode) {
    DivisionLevel level = DivisionLevel.ofCode(divisionCode);
    if (level != DivisionLevel.TOWNSHIP && level != DivisionLevel.VILLAGE) {
      throw new IllegalArgumentException("not a township or village code: " + divisionCode);
    }
    return Role.HEAD.groupPrefix() + "@" + divisionCode;
  }

  /** The heads (负责人) of a county department. */
  public static String departmentHeads(String departmentCode, String countyCode) {
    if (departmentCode == null || !departmentCode.matches("[a-z0-9]{1,16}")) {
      throw new IllegalArgumentException("not a department code: " + departmentCode);
    }
    return Role.HEAD.groupPrefix() + "-" + departmentCode + "@" + requireLevel(countyCode, DivisionLevel.COUNTY);
  }

  public static String supervisors(String divisionCode) {
    if (DivisionLevel.ofCode(divisionCode) == null) {
      throw new IllegalArgumentException("not a division code: " + divisionCode);
    }
    return Role.SUPERVISOR.groupPrefix() + "@" + divisionCode;
  }

  /** Reads a group name back into the role and place it stands for. */
  public static Optional<RoleAssignment> parse(String group) {
    if (group == null) {
      return Optional.empty();
    }
    for (Role role : Role.values()) {
      if (!role.isPlaced() && role.groupPrefix().equals(group)) {
        return Optional.of(new RoleAssignment(role, null, null));
      }
    }
    Matcher m = PLACED.matcher(group);
    if (!m.matches()) {
      return Optional.empty();
    }
    String prefix = m.group(1);
    String dept = m.group(2);
    String code = m.group(3);
    for (Role role : Role.values()) {
      if (!role.isPlaced() || !role.groupPrefix().equals(prefix)) {
        continue;
      }
      if ((role == Role.DEPARTMENT_OFFICER) != (dept != null) && role != Role.HEAD) {
        return Optional.empty();
      }
      // a head is held at a township or a village, or at a county for one department
      if (role == Role.HEAD && (dept != null) != (DivisionLevel.ofCode(code) == DivisionLevel.COUNTY)) {
        return Optional.empty();
      }
      if (role.level() != null && role.level() != DivisionLevel.ofCode(code)) {
        return Optional.empty();
      }
      return Optional.of(new RoleAssignment(role, code, dept));
    }
    return Optional.empty();
  }

  private static String requireLevel(String code, DivisionLevel level) {
    if (DivisionLevel.ofCode(code) != level) {
      throw new IllegalArgumentException("not a " + level.name().toLowerCase() + " code: " + code);
    }
    return code;
  }
}
