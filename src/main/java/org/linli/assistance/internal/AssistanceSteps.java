package org.linli.assistance.internal;

import static org.linli.assistance.AssistanceProcess.*;

import java.text.Collator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.linli.approval.ApprovalSteps;
import org.linli.assistance.AssistanceProcess;
import org.linli.casefile.CaseTask;
import org.linli.casefile.CaseVariables;
import org.linli.security.LinliUser;
import org.linli.system.InvalidInputException.FieldError;
import org.linli.system.InvalidInputException;
import org.linli.tasklist.StepCompleter;
import org.linli.tasklist.StepInput;
import org.linli.organization.CandidateGroups;
import org.linli.organization.OrganizationService;
import org.linli.organization.StaffMember;
import org.springframework.stereotype.Component;
import org.linli.system.TypedFields;
import org.linli.calendar.WorkingCalendar;

/** The decisions of each assistance step; review steps belong to ApprovalSteps. */
@Component
class AssistanceSteps implements StepCompleter {

  private final ApprovalSteps approvals;

  private final WorkingCalendar calendar;
  private final OrganizationService organization;

  AssistanceSteps(ApprovalSteps approvals, WorkingCalendar calendar, OrganizationService organization) {
    this.calendar = calendar;
    this.approvals = approvals;
    this.organization = organization;
  }

  /** The home visit's choice of visitors, by the valuesKey of its selects. */
  static final String VILLAGE_STAFF = "villageStaff";
  private static final Comparator<Choice> BY_NAME = Comparator.comparing(Choice::label, Collator.getInstance(Locale.CHINA));

  /** The home visit is made by two of the village's own staff: its caseworkers and grid workers. */
  @Override
  public Map<String, List<Choice>> choices(CaseTask task) {
    if (!TASK_HOME_VISIT.equals(task.activityId()) || task.divisionCode() == null) {
      return Map.of();
    }
    Map<String, Choice> staff = new LinkedHashMap<>();
    for (String group : List.of(CandidateGroups.caseworkers(task.divisionCode()), CandidateGroups.gridWorkers(task.divisionCode()))) {
      organization.membersOf(group).forEach(s -> staff.putIfAbsent(s.username(), new Choice(s.username(), s.name())));
    }
    return Map.of(VILLAGE_STAFF, staff.values().stream().sorted(BY_NAME).toList());
  }

  @Override
  public String kind() {
    return AssistanceProcess.KIND;
  }

  @Override
  public List<String> decisions(CaseTask task) {
    if (approvals.handles(task)) {
      return approvals.decisions(task);
    }
    return switch (task.activityId()) {
      case TASK_URGENT_GRANT -> List.of(RELIEVE, DECLINE);
      case TASK_ACCEPT -> List.of(ACCEPT, RETURN, REJECT);
      case TASK_COMPLETE_MATERIALS -> List.of(RESUBMIT);
      case TASK_HOME_VISIT -> List.of(VISIT);
      default -> List.of();
    };
  }

  @Override
  public Map<String, Object> complete(CaseTask task, StepInput in, LinliUser user) {
    if (approvals.handles(task)) {
      return approvals.complete(task, in, user);
    }
    List<String> offered = decisions(task);
    if (in.decision() == null || !offered.contains(in.decision())) {
      throw new InvalidInputException("decision", "请选择处理决定 choose one of " + offered);
    }
    String comment = TypedFields.text(in.comment());
    Map<String, Object> v = new HashMap<>();
    v.put(CaseVariables.DECISION, in.decision());
    switch (in.decision()) {
      case RETURN -> {
        require(comment, "comment", "请说明退回理由 give the reason for returning");
        require(TypedFields.text(in.missing()), "missing", "请列明需补齐的材料 list what is missing");
        comment = "材料不全，退回补齐 Returned for missing materials: " + comment + "；需补齐 Missing: " + in.missing().strip();
      }
      case DECLINE -> require(comment, "comment", "请说明不予先行救助的理由 give the reason");
      case REJECT -> require(comment, "comment", "请说明不予受理的理由 give the reason for not accepting");
      case RESUBMIT -> require(comment, "comment", "请说明补齐了哪些材料 say what was supplied");
      case VISIT -> {
        v.put(VAR_HOME_VISIT, homeVisit(task, in, comment));
        comment = String.valueOf(v.get(VAR_HOME_VISIT)); // the timeline's step name says 入户调查
      }
      default -> { }
    }
    v.put(CaseVariables.COMMENT, comment);
    return v;
  }

  /** Two different staff of the village, a visit day not in the future, and what they found. */
  private String homeVisit(CaseTask task, StepInput in, String findings) {
    List<FieldError> errors = new ArrayList<>();
    List<Choice> choices = choices(task).getOrDefault(VILLAGE_STAFF, List.of());
    List<String> staff = choices.stream().map(Choice::value).toList();
    String first = byName(text(in.fields().get("visitor1")), choices);
    String second = byName(text(in.fields().get("visitor2")), choices);
    if (first == null) {
      errors.add(new FieldError("visitor1", "请选择第一位调查人 choose the first visitor"));
    } else if (!staff.contains(first)) {
      errors.add(new FieldError("visitor1", "请从本村社区工作人员中选择 choose one of the village's staff"));
    }
    if (second == null) {
      errors.add(new FieldError("visitor2", "请选择第二位调查人 choose the second visitor"));
    } else if (!staff.contains(second)) {
      errors.add(new FieldError("visitor2", "请从本村社区工作人员中选择 choose one of the village's staff"));
    } else if (second.equals(first)) {
      errors.add(new FieldError("visitor2", "入户调查须由两名工作人员进行 two different staff visit"));
    }
    LocalDate day = null;
    String date = text(in.fields().get("visitDate"));
    try {
      day = date == null ? null : LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      day = null;
    }
    if (day == null || day.isAfter(calendar.today())) {
      errors.add(new FieldError("visitDate", "请填写调查日期（不晚于今天） give the day of the visit, not in the future"));
    }
    if (findings == null) {
      errors.add(new FieldError("comment", "请填写调查情况 write what the visit found"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return name(first) + "、" + name(second) + " " + day + "：" + findings;
  }

  /**
   * A visitor as the step's form sends it: a user name; or, from a form deployed before the picker
   * (cases started then keep it), the name typed, when exactly one of the village's staff bears it.
   */
  private static String byName(String given, List<Choice> staff) {
    if (given == null || staff.stream().anyMatch(c -> c.value().equals(given))) {
      return given;
    }
    List<Choice> named = staff.stream().filter(c -> c.label().equals(given)).toList();
    return named.size() == 1 ? named.get(0).value() : given;
  }

  private String name(String username) {
    return organization.staff(username).map(StaffMember::name).orElse(username);
  }

  private static String text(Object o) {
    return o == null || o.toString().isBlank() ? null : o.toString().strip();
  }

  private static void require(String value, String field, String message) {
    if (value == null) {
      throw new InvalidInputException(field, message);
    }
  }
}
