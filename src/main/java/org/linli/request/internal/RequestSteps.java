package org.linli.request.internal;

import static org.linli.request.RequestProcess.*;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseTask;
import org.linli.casefile.CaseVariables;
import org.linli.deadline.Deadlines;
import org.linli.deadline.TimeLimit;
import org.linli.deadline.TimeLimits;
import org.linli.organization.CandidateGroups;
import org.linli.organization.Division;
import org.linli.organization.DivisionLevel;
import org.linli.organization.OrganizationService;
import org.linli.organization.Routing;
import org.linli.request.Rating;
import org.linli.request.RequestDeadlines;
import org.linli.request.RequestProcess;
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
  private final Deadlines steps;
  private final CaseFiles cases;

  RequestSteps(RuntimeService runtime, OrganizationService organization, RequestDeadlines deadlines, Deadlines steps, CaseFiles cases) {
    this.runtime = runtime;
    this.organization = organization;
    this.deadlines = deadlines;
    this.steps = steps;
    this.cases = cases;
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
        if (in.decision().equals(RETURN)) {
          checkReturnWindow(task);
        }
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
        Map<String, Object> pinned = pinned(task);
        int max = deadlines.rule(pinned, RequestDeadlines.RULE_EXTENSION_MAX).amount();
        Integer days = in.extensionDays();
        if (days == null || days < 1 || days > max) {
          throw new InvalidInputException("extensionDays", "延期应为1至" + max + "个工作日 1 to " + max + " working days");
        }
        require(comment, "comment", "请说明延期理由 give the reason for the extension");
        TimeLimit notice = deadlines.rule(pinned, RequestDeadlines.RULE_EXTENSION_NOTICE);
        if (task.dueAt() != null && deadlines.after(notice, EngineClock.now()).isAfter(task.dueAt())) {
          throw new InvalidInputException("decision", "延期须在到期前至少" + describe(notice) + "申请 an extension must be asked at least "
              + notice + " before the due time (" + task.dueAt() + ")");
        }
        v.put(VAR_EXTENSION_DAYS, days);
      }
      case GRANT -> {
        Date due = (Date) runtime.getVariable(task.processInstanceId(), VAR_HANDLE_DUE);
        int days = ((Number) runtime.getVariable(task.processInstanceId(), VAR_EXTENSION_DAYS)).intValue();
        v.put(VAR_HANDLE_DUE, Date.from(deadlines.extend(due.toInstant(), days)));
        // the whole request moves on with its handling step
        CaseFile c = cases.byId(task.caseId()).orElseThrow();
        if (c.caseDue() != null) {
          Instant caseDue = deadlines.extend(c.caseDue(), days);
          cases.changeCaseDue(c.id(), caseDue, steps.warnAt(true, c.openedAt(), caseDue));
        }
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

  /** A unit may return a request only within the return window after it received it. */
  private void checkReturnWindow(CaseTask task) {
    Date received = (Date) runtime.getVariable(task.processInstanceId(), VAR_RECEIVED_AT);
    if (received == null) {
      return;
    }
    TimeLimit window = deadlines.rule(pinned(task), RequestDeadlines.RULE_RETURN_WINDOW);
    Instant last = deadlines.after(window, received.toInstant());
    if (EngineClock.now().isAfter(last)) {
      throw new InvalidInputException("decision", "退单须在收到后" + describe(window) + "内提出, 已于 " + last
          + " 截止 a request may be returned within " + window + " of receiving it; that ended at " + last);
    }
  }

  private Map<String, Object> pinned(CaseTask task) {
    return runtime.getVariables(task.processInstanceId(), List.of(TimeLimits.VAR_DECISION, TimeLimits.VAR_KIND,
        TimeLimits.VAR_CATEGORY, TimeLimits.VAR_CATEGORY_TYPE, TimeLimits.VAR_PRIORITY));
  }

  private static String describe(TimeLimit limit) {
    return switch (limit.unit()) {
      case WORKING_DAYS -> limit.amount() + "个工作日";
      case WORKING_HOURS -> limit.amount() + "个工作小时";
      case CALENDAR -> limit.duration().toString();
    };
  }

  /** A new unit takes the request: it gets its own handler and a fresh handling limit. */
  private static void reroute(Map<String, Object> v, String handler) {
    v.put(VAR_HANDLER, handler);
    v.put(VAR_HANDLE_DUE, null);
  }

  /** The handling level, read off the step's group so that task lists need no engine call per row. */
  private Routing.Level level(CaseTask task) {
    return CandidateGroups.parse(task.candidateGroup())
        .map(r -> switch (r.role()) {
          case TOWNSHIP_OFFICER -> Routing.Level.TOWNSHIP;
          case DEPARTMENT_OFFICER -> Routing.Level.DEPARTMENT;
          default -> Routing.Level.VILLAGE;
        })
        .orElseGet(() -> Routing.Level.valueOf((String) runtime.getVariable(task.processInstanceId(), VAR_LEVEL)));
  }

  private static void require(String value, String field, String message) {
    if (value == null) {
      throw new InvalidInputException(field, message);
    }
  }
}
