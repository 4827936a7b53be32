package org.linli.assistance.internal;

import static org.linli.assistance.AssistanceProcess.*;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
import org.springframework.stereotype.Component;
import org.linli.system.TypedFields;
import org.linli.calendar.WorkingCalendar;

/** The decisions of each assistance step; review steps belong to ApprovalSteps. */
@Component
class AssistanceSteps implements StepCompleter {

  private final ApprovalSteps approvals;

  private final WorkingCalendar calendar;

  AssistanceSteps(ApprovalSteps approvals, WorkingCalendar calendar) {
    this.calendar = calendar;
    this.approvals = approvals;
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
        v.put(VAR_HOME_VISIT, homeVisit(in, comment));
        comment = String.valueOf(v.get(VAR_HOME_VISIT)); // the timeline's step name says 入户调查
      }
      default -> { }
    }
    v.put(CaseVariables.COMMENT, comment);
    return v;
  }

  /** Two different staff, a visit day not in the future, and what they found. */
  private String homeVisit(StepInput in, String findings) {
    List<FieldError> errors = new ArrayList<>();
    String first = text(in.fields().get("visitor1"));
    String second = text(in.fields().get("visitor2"));
    if (first == null) {
      errors.add(new FieldError("visitor1", "请填写第一位调查人 name the first visitor"));
    }
    if (second == null) {
      errors.add(new FieldError("visitor2", "请填写第二位调查人 name the second visitor"));
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
    return first + "、" + second + " " + day + "：" + findings;
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
