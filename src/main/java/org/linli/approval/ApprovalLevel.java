package org.linli.approval;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.linli.deadline.TimeLimit;
import org.linli.organization.CandidateGroups;
import org.linli.organization.Routing;

/**
 * One level of an approval, as the caller passes it in {@link ApprovalProcess#VAR_LEVELS} (a JSON
 * array of these, in order). A JSON string keeps the variable readable in Cockpit and free of Java
 * serialization.
 *
 * @param name what the level is called, e.g. 村级初审, 乡镇审核, 民政局审批
 * @param level VILLAGE, TOWNSHIP or DEPARTMENT: whose step it is, routed from the case's place
 * @param departmentCode the department of a DEPARTMENT level, e.g. {@code mz}; when absent, the case's
 * @param group a candidate group built by the caller instead of {@code level} (e.g. {@code dept-mz@330106})
 * @param timeLimit {@code working-days:N}, {@code working-hours:N}, an ISO-8601 duration, or the step
 *     key of the caller's time-limit table
 * @param countersign true: two different reviewers of the group must both approve (会签); one reject
 *     or return decides
 * @param decisions the decisions offered, a subset of approve, return, reject; all three when absent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApprovalLevel(
    String name, String level, String departmentCode, String group, String timeLimit, boolean countersign, List<String> decisions) {

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  public ApprovalLevel {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("an approval level needs a name");
    }
    if (group == null) {
      if (level == null) {
        throw new IllegalArgumentException("approval level " + name + " needs a level (VILLAGE, TOWNSHIP, DEPARTMENT) or a group");
      }
      try {
        Routing.Level.valueOf(level);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("approval level " + name + ": not a level: " + level);
      }
    } else if (CandidateGroups.parse(group).isEmpty()) {
      throw new IllegalArgumentException("approval level " + name + ": not a candidate group: " + group);
    }
    if (timeLimit == null || timeLimit.isBlank()) {
      throw new IllegalArgumentException("approval level " + name + " needs a time limit");
    }
    decisions = decisions == null || decisions.isEmpty() ? ApprovalProcess.ALL_DECISIONS : List.copyOf(decisions);
    for (String d : decisions) {
      if (!ApprovalProcess.ALL_DECISIONS.contains(d)) {
        throw new IllegalArgumentException("approval level " + name + ": unknown decision " + d);
      }
    }
    if (!decisions.contains(ApprovalProcess.APPROVE)) {
      throw new IllegalArgumentException("approval level " + name + " must offer approve");
    }
  }

  public static ApprovalLevel village(String name, String timeLimit) {
    return new ApprovalLevel(name, Routing.Level.VILLAGE.name(), null, null, timeLimit, false, null);
  }

  public static ApprovalLevel township(String name, String timeLimit) {
    return new ApprovalLevel(name, Routing.Level.TOWNSHIP.name(), null, null, timeLimit, false, null);
  }

  public static ApprovalLevel department(String name, String departmentCode, String timeLimit) {
    return new ApprovalLevel(name, Routing.Level.DEPARTMENT.name(), departmentCode, null, timeLimit, false, null);
  }

  /** The same level, decided by two different reviewers (会签). */
  public ApprovalLevel withCountersign() {
    return new ApprovalLevel(name, level, departmentCode, group, timeLimit, true, decisions);
  }

  /** The same level offering only these decisions. */
  public ApprovalLevel offering(String... offered) {
    return new ApprovalLevel(name, level, departmentCode, group, timeLimit, countersign, List.of(offered));
  }

  /** The limit as text, or null when it names a step of the caller's time-limit table. */
  public TimeLimit literalLimit() {
    try {
      return TimeLimit.parse(timeLimit);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  public static String toJson(List<ApprovalLevel> levels) {
    try {
      return JSON.writeValueAsString(levels);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads and checks the caller's levels; a bad list fails the call before any task opens. */
  public static List<ApprovalLevel> parse(String json) {
    if (json == null || json.isBlank()) {
      throw new IllegalArgumentException("the approval needs the variable " + ApprovalProcess.VAR_LEVELS);
    }
    List<ApprovalLevel> levels;
    try {
      levels = JSON.readValue(json, new TypeReference<List<ApprovalLevel>>() {});
    } catch (JsonProcessingException e) {
      Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
      throw new IllegalArgumentException(ApprovalProcess.VAR_LEVELS + " is not a valid list of levels: " + cause.getMessage(), e);
    }
    if (levels == null || levels.isEmpty()) {
      throw new IllegalArgumentException(ApprovalProcess.VAR_LEVELS + " has no levels");
    }
    return levels;
  }
}
