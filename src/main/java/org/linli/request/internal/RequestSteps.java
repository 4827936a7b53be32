package org.linli.request.internal;

import static org.linli.request.RequestProcess.*;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.linli.casefile.CaseTask;
import org.linli.casefile.CaseVariables;
import org.linli.organization.Division;
import org.linli.organization.DivisionLevel;
import org.linli.organization.OrganizationService;
import org.linli.organization.Routing;
import org.linli.request.Rating;
import org.linli.request.RequestDeadlines;
import org.linli.request.RequestProcess;
import org.linli.request.RequestProperties;
import org.linli.security.LinliUser;
import org.linli.system.EngineClock;
import org.linli.system.InvalidInputException;
import org.linli.tasklist.StepCompleter;
import org.linli.tasklist.StepInput;
import org.springframework.stereotype.Component;

/** The decisions of each request step, what each needs, and the variables it sets. */
@Component
class RequestSteps implements StepCompleter {

  private final RuntimeService runtime;
  private final OrganizationService organization;
  private final RequestDeadlines deadlines;
  private final RequestProperties limits;

  RequestSteps(RuntimeService runtime, OrganizationService organization, RequestDeadlines deadlines, RequestProperties limits) {
    this.runtime = runtime;
    this.organization = organization;
    this.deadlines = deadlines;
    this.limits = limits;
  }

  @Override
  public String kind() {
    return RequestProcess.KIND;
  }

  @Override
  public List<String> decisions(CaseTask task) {
    return switch (task.activityId()) {
      case TASK_SIGN -> List.of(SIGN, RETURN);
      case TASK_DISPATCH -> List.of(HANDLE, DISPATCH, ASSIGN);
      case TASK_HANDLE -> switch (level(task)) {
        case VILLAGE -> List.of(REPLY, EXTEND, ESCALATE);
        case TOWNSHIP -> List.of(REPLY, EXTEND);
        case DEPARTMENT -> List.of(REPLY, EXTEND, RETURN);
      };
      case TASK_REVIEW_EXTENSION -> List.of(GRANT, REFUSE);
      case TASK_CALLBACK -> List.of(RATE);
      case TASK_SUPERVISOR_DECISION -> List.of(CLOSE, REDO);
      default -> List.of();
    };
  }

  @Override
  public Map<String, Object> variables(CaseTask task, StepInput in, LinliUser user) {
    Map<String, Object> v = new HashMap<>();
    v.put(CaseVariables.DECISION, in.decision());
    String comment = in.comment() == null || in.comment().isBlank() ? null : in.comment().strip();
    v.put(CaseVariables.COMMENT, comment);
    switch (in.decision()) {
      case SIGN -> v.put(VAR_HANDLER, user.username());
      case RETURN, ESCALATE -> {
        require(comment, "comment", "请说明理由 give the reason");
        reroute(v, null);
      }
      case HANDLE -> {
        v.put(VAR_LEVEL, Routing.Level.TOWNSHIP.name());
        v.put(CaseVariables.DEPARTMENT_CODE, null);
        reroute(v, user.username());
      }
      case DISPATCH -> {
        String county = DivisionLevel.COUNTY.ancestorOf(task.divisionCode());
        if (in.departmentCode() == null || organization.department(county, in.departmentCode()).isEmpty()) {
          throw new InvalidInputException("departmentCode", "请选择本县的承办部门 choose a department of this county");
        }
        v.put(VAR_LEVEL, Routing.Level.DEPARTMENT.name());
        v.put(CaseVariables.DEPARTMENT_CODE, in.departmentCode());
        reroute(v, null);
      }
      case ASSIGN -> {
        String township = DivisionLevel.TOWNSHIP.ancestorOf(task.divisionCode());
        Division village = organization.division(in.divisionCode())
            .filter(d -> d.level() == DivisionLevel.VILLAGE && township.equals(d.townshipCode()))
            .orElseThrow(() -> new InvalidInputException("divisionCode", "请选择本乡镇的村社区 choose a village or community of this township"));
        v.put(VAR_LEVEL, Routing.Level.VILLAGE.name());
        v.put(CaseVariables.DIVISION_CODE, village.code());
        v.put(CaseVariables.DEPARTMENT_CODE, null);
        reroute(v, null);
      }
      case REPLY -> {
        require(comment, "comment", "请填写答复内容 write the reply");
        v.put(VAR_REPLY, comment);
      }
      case EXTEND -> {
        Integer days = in.extensionDays();
        if (days == null || days < 1 || days > limits.maxExtensionDays()) {
          throw new InvalidInputException("extensionDays", "延期应为1至" + limits.maxExtensionDays() + "个工作日 1 to " + limits.maxExtensionDays() + " working days");
        }
        require(comment, "comment", "请说明延期理由 give the reason for the extension");
        if (task.dueAt() != null && !EngineClock.now().isBefore(task.dueAt())) {
          throw new InvalidInputException("decision", "已超期, 不能再申请延期 the step is overdue; an extension must be asked before the due time");
        }
        v.put(VAR_EXTENSION_DAYS, days);
      }
      case GRANT -> {
        Date due = (Date) runtime.getVariable(task.processInstanceId(), VAR_HANDLE_DUE);
        Number days = (Number) runtime.getVariable(task.processInstanceId(), VAR_EXTENSION_DAYS);
        v.put(VAR_HANDLE_DUE, deadlines.extend(due, days.intValue()));
      }
      case REFUSE -> require(comment, "comment", "请说明不同意的理由 give the reason for refusing");
      case RATE -> {
        Rating rating = Rating.parse(in.rating());
        if (rating == Rating.NOT_SATISFIED) {
          require(comment, "comment", "请说明不满意的原因 say why the resident is not satisfied");
        }
        v.put(CaseVariables.RATING, rating.name());
      }
      case CLOSE, REDO -> require(comment, "comment", "请说明督查意见 give the supervisor's reasoning");
      default -> throw new InvalidInputException("decision", "unknown decision " + in.decision());
    }
    return v;
  }

  /** A new unit takes the request: it gets its own handler and a fresh handling limit. */
  private static void reroute(Map<String, Object> v, String handler) {
    v.put(VAR_HANDLER, handler);
    v.put(VAR_HANDLE_DUE, null);
  }

  private Routing.Level level(CaseTask task) {
    return Routing.Level.valueOf((String) runtime.getVariable(task.processInstanceId(), VAR_LEVEL));
  }

  private static void require(String value, String field, String message) {
    if (value == null) {
      throw new InvalidInputException(field, message);
    }
  }
}
