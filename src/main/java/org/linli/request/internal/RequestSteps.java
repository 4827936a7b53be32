package org.linli.request.internal;

import static org.linli.request.RequestProcess.*;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseEventType;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseTask;
import org.linli.casefile.CaseVariables;
import org.linli.deadline.Deadlines;
import org.linli.deadline.TimeLimit;
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

/**
 * The rules of each request step: the decisions it offers, what each needs, and what it records.
 * Owner, place, handler, handling due time and the extension asked for go into the request's and
 * the case's records, which the next steps read; the variables returned only steer the gateways
 * right after the step.
 */
@Component
class RequestSteps implements StepCompleter {

  /** The dispatch form's choices, by the valuesKey of its selects. */
  static final String VILLAGES = "villages";
  static final String DEPARTMENTS = "departments";
  /** Names in the order a Chinese reader looks for them (pinyin). */
  private static final java.util.Comparator<Choice> BY_NAME =
      java.util.Comparator.comparing(Choice::label, java.text.Collator.getInstance(java.util.Locale.CHINA));

  private final OrganizationService organization;
  private final RequestDeadlines requestDeadlines;
  private final Deadlines deadlines;
  private final CaseFiles cases;
  private final ResidentRequestRepository requests;

  RequestSteps(OrganizationService organization, RequestDeadlines requestDeadlines, Deadlines deadlines, CaseFiles cases,
      ResidentRequestRepository requests) {
    this.organization = organization;
    this.requestDeadlines = requestDeadlines;
    this.deadlines = deadlines;
    this.cases = cases;
    this.requests = requests;
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

  /** The township's dispatch offers the villages of the township and the departments of its county, by name. */
  @Override
  public Map<String, List<Choice>> choices(CaseTask task) {
    if (!TASK_DISPATCH.equals(task.activityId())) {
      return Map.of();
    }
    String township = DivisionLevel.TOWNSHIP.ancestorOf(task.divisionCode());
    String county = DivisionLevel.COUNTY.ancestorOf(task.divisionCode());
    List<Choice> villages = organization.divisions().stream()
        .filter(d -> d.level() == DivisionLevel.VILLAGE && township.equals(d.townshipCode()))
        .map(d -> new Choice(d.code(), d.name())).sorted(BY_NAME).toList();
    List<Choice> departments = organization.departments().stream().filter(d -> county.equals(d.countyCode()))
        .map(d -> new Choice(d.code(), d.name())).sorted(BY_NAME).toList();
    return Map.of(VILLAGES, villages, DEPARTMENTS, departments);
  }

  @Override
  public Map<String, Object> complete(CaseTask task, StepInput in, LinliUser user) {
    Map<String, Object> v = new HashMap<>();
    v.put(CaseVariables.DECISION, in.decision());
    String comment = in.comment() == null || in.comment().isBlank() ? null : in.comment().strip();
    v.put(CaseVariables.COMMENT, comment);
    long caseId = task.caseId();
    switch (in.decision()) {
      case SIGN -> requests.handler(caseId, user.username());
      case RETURN, ESCALATE -> {
        require(comment, "comment", "请说明理由 give the reason");
        if (in.decision().equals(RETURN)) {
          checkReturnWindow(task);
        }
        requests.reroute(caseId, null, null);
      }
      case HANDLE -> {
        cases.route(caseId, task.divisionCode(), null);
        requests.reroute(caseId, Routing.Level.TOWNSHIP, user.username());
      }
      case DISPATCH -> {
        String county = DivisionLevel.COUNTY.ancestorOf(task.divisionCode());
        if (in.departmentCode() == null || organization.department(county, in.departmentCode()).isEmpty()) {
          throw new InvalidInputException("departmentCode", "请选择本县的承办部门 choose a department of this county");
        }
        cases.route(caseId, task.divisionCode(), in.departmentCode());
        requests.reroute(caseId, Routing.Level.DEPARTMENT, null);
      }
      case ASSIGN -> {
        String township = DivisionLevel.TOWNSHIP.ancestorOf(task.divisionCode());
        Division village = organization.division(in.divisionCode())
            .filter(d -> d.level() == DivisionLevel.VILLAGE && township.equals(d.townshipCode()))
            .orElseThrow(() -> new InvalidInputException("divisionCode", "请选择本乡镇的村社区 choose a village or community of this township"));
        cases.route(caseId, village.code(), null);
        requests.reroute(caseId, Routing.Level.VILLAGE, null);
      }
      case REPLY -> {
        // only the reply reaches the resident (portal, mail); the internal note stays with staff
        String reply = in.reply() == null || in.reply().isBlank() ? null : in.reply().strip();
        require(reply, "reply", "请填写答复居民的内容 write the reply to the resident");
        v.put(VAR_REPLY, reply);
        // the step's entry is the reply; the internal note is an entry of its own, each as written
        // (joined, two full texts would not fit one entry)
        v.put(CaseVariables.COMMENT, reply);
        if (comment != null) {
          cases.record(caseId, CaseEventType.COMMENTED, task.activityId(), task.name(), user.username(), null, comment);
        }
      }
      case EXTEND -> {
        int max = requestDeadlines.rule(caseId, RequestDeadlines.RULE_EXTENSION_MAX).amount();
        Integer days = in.extensionDays();
        if (days == null || days < 1 || days > max) {
          throw new InvalidInputException("extensionDays", "延期应为1至" + max + "个工作日 1 to " + max + " working days");
        }
        require(comment, "comment", "请说明延期理由 give the reason for the extension");
        TimeLimit notice = requestDeadlines.rule(caseId, RequestDeadlines.RULE_EXTENSION_NOTICE);
        if (task.dueAt() != null && deadlines.due(notice, EngineClock.now()).isAfter(task.dueAt())) {
          throw new InvalidInputException("decision", "延期须在到期前至少" + describe(notice) + "申请 an extension must be asked at least "
              + notice + " before the due time (" + task.dueAt() + ")");
        }
        requests.extensionAsked(caseId, days);
      }
      case GRANT -> {
        ResidentRequestRepository.Ownership owner = requests.ownership(caseId);
        if (owner.extensionDays() == null || owner.handleDue() == null) {
          throw new IllegalStateException("case " + task.caseNumber() + " has no extension asked for");
        }
        int days = owner.extensionDays();
        requests.handleDue(caseId, requestDeadlines.extend(owner.handleDue(), days), null);
        requests.extensionAsked(caseId, null);
        // the whole request moves on with its handling step
        CaseFile c = cases.byId(caseId).orElseThrow();
        if (c.caseDue() != null) {
          Instant caseDue = requestDeadlines.extend(c.caseDue(), days);
          cases.changeCaseDue(c.id(), caseDue, deadlines.warnAt(true, c.openedAt(), caseDue));
        }
      }
      case REFUSE -> {
        require(comment, "comment", "请说明不同意的理由 give the reason for refusing");
        requests.extensionAsked(caseId, null);
      }
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
    Instant received = requests.ownership(task.caseId()).receivedAt();
    if (received == null) {
      return;
    }
    TimeLimit window = requestDeadlines.rule(task.caseId(), RequestDeadlines.RULE_RETURN_WINDOW);
    Instant last = deadlines.due(window, received);
    if (EngineClock.now().isAfter(last)) {
      throw new InvalidInputException("decision", "退单须在收到后" + describe(window) + "内提出, 已于 " + last
          + " 截止 a request may be returned within " + window + " of receiving it; that ended at " + last);
    }
  }

  private static String describe(TimeLimit limit) {
    return switch (limit.unit()) {
      case WORKING_DAYS -> limit.amount() + "个工作日";
      case WORKING_HOURS -> limit.amount() + "个工作小时";
      case CALENDAR -> limit.duration().toString();
    };
  }

  /** The handling level, read off the step's group so that task lists need no engine call per row. */
  private Routing.Level level(CaseTask task) {
    return CandidateGroups.parse(task.candidateGroup())
        .map(r -> switch (r.role()) {
          case TOWNSHIP_OFFICER -> Routing.Level.TOWNSHIP;
          case DEPARTMENT_OFFICER -> Routing.Level.DEPARTMENT;
          default -> Routing.Level.VILLAGE;
        })
        .orElseGet(() -> requests.ownership(task.caseId()).level());
  }

  private static void require(String value, String field, String message) {
    if (value == null) {
      throw new InvalidInputException(field, message);
    }
  }
}
