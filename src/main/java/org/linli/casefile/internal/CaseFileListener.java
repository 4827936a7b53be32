package org.linli.casefile.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.linli.calendar.WorkingCalendar;
import org.linli.casefile.CaseEvent;
import org.linli.casefile.CaseEventType;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseKindDefinition;
import org.linli.casefile.CaseStatus;
import org.linli.casefile.CaseTask;
import org.linli.casefile.CaseTaskClosed;
import org.linli.casefile.CaseTaskDueChanged;
import org.linli.casefile.CaseTaskOpened;
import org.linli.casefile.CaseVariables;
import org.linli.casefile.StepGate;
import org.linli.casefile.WarningTimes;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.linli.system.EngineClock;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Keeps case records, open tasks and timelines in step with the engine, in the engine's own
 * transaction. Attached to every process and user task by {@link CaseFileParseListener}.
 */
@Component
public class CaseFileListener implements ExecutionListener, TaskListener {

  private final CaseFileRepository cases;
  private final CaseTaskRepository tasks;
  private final CaseEventRepository timeline;
  private final Map<String, CaseKindDefinition> kindsByProcess;
  private final ApplicationEventPublisher events;
  private final ObjectProvider<WarningTimes> warningTimes;
  private final ObjectProvider<WorkingCalendar> calendar;
  private final StepTimeRepository stepTimes;

  CaseFileListener(
      CaseFileRepository cases,
      CaseTaskRepository tasks,
      CaseEventRepository timeline,
      List<CaseKindDefinition> kinds,
      ApplicationEventPublisher events,
      ObjectProvider<WarningTimes> warningTimes,
      ObjectProvider<WorkingCalendar> calendar,
      StepTimeRepository stepTimes) {
    this.cases = cases;
    this.tasks = tasks;
    this.timeline = timeline;
    this.events = events;
    this.warningTimes = warningTimes;
    this.calendar = calendar;
    this.stepTimes = stepTimes;
    this.kindsByProcess =
        kinds.stream().collect(Collectors.toMap(CaseKindDefinition::processDefinitionKey, Function.identity()));
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.getSuperExecution() != null) {
      return; // a called process belongs to the calling case
    }
    if (EVENTNAME_START.equals(execution.getEventName())) {
      open(execution);
    } else if (EVENTNAME_END.equals(execution.getEventName())) {
      cases.idByProcessInstance(execution.getProcessInstanceId())
          .ifPresent(
              id -> {
                boolean cancelled = execution.isCanceled();
                Instant now = EngineClock.now();
                cases.close(id, cancelled ? CaseStatus.CANCELLED : CaseStatus.CLOSED, now);
                // a step that closed the case (a supervisor's 办结, a closing notice) has said so, with who and why
                List<CaseEvent> events = timeline.ofCase(id);
                boolean saidByAStep = !cancelled && !events.isEmpty()
                    && events.get(events.size() - 1).type() == CaseEventType.CLOSED;
                if (!saidByAStep) {
                  timeline.insert(id, CaseEventType.CLOSED, null, null, actor(execution.getProcessEngineServices(), null), null,
                      null, cancelled ? "cancelled" : null, now);
                }
              });
    }
  }

  /**
   * Links the case Linli recorded before the start ({@link org.linli.casefile.CaseFiles#open}) to its
   * process instance. A case process started any other way, with whatever variables a caller chose,
   * is refused: cases open through Linli's intake.
   */
  private void open(DelegateExecution execution) {
    String key = processDefinitionKey(execution);
    CaseKindDefinition kind = kindsByProcess.get(key);
    if (kind == null) {
      return;
    }
    String number = execution.getProcessBusinessKey();
    long id = (number == null ? Optional.<Long>empty() : cases.attach(number, kind.kind(), execution.getProcessInstanceId()))
        .orElseThrow(() -> new AuthorizationException("案件须经邻里受理 cases of kind " + kind.kind()
            + " are opened through Linli, not by starting process " + key + " directly"));
    timeline.insert(id, CaseEventType.CREATED, null, null, actor(execution.getProcessEngineServices(), null), null, null, null,
        EngineClock.now());
  }

  @Override
  public void notify(DelegateTask task) {
    Optional<Long> caseId = caseOf(task.getExecution());
    if (caseId.isEmpty()) {
      return;
    }
    long id = caseId.get();
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> {
        String group = candidateGroup(task);
        Instant now = EngineClock.now();
        Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
        // set by the task's input mappings, on its own scope
        Date stepWarnAt = (Date) task.getExecution().getVariableLocal(CaseVariables.STEP_WARN_AT);
        Instant warnAt = stepWarnAt != null ? stepWarnAt.toInstant() : warnAt(now, due);
        tasks.insert(task.getId(), id, task.getTaskDefinitionKey(), task.getName(), group, candidateUser(task),
            task.getAssignee(), now, warnAt, due);
        cases.stepStarted(id, task.getTaskDefinitionKey(), task.getName(), group, task.getAssignee(), due);
        cases.refreshDeadlineState(id, now);
        CaseFile c = cases.byId(id).orElseThrow();
        events.publishEvent(new CaseTaskOpened(id, c.caseNumber(), c.title(), task.getId(), task.getTaskDefinitionKey(),
            task.getName(), group, task.getAssignee(), c.divisionCode(), now, warnAt, due));
      }
      case EVENTNAME_ASSIGNMENT -> {
        requireMember(task, tasks.byId(task.getId()).map(CaseTask::candidateUser).orElse(null));
        tasks.assignee(task.getId(), task.getAssignee());
        cases.currentAssignee(id, task.getTaskDefinitionKey(), task.getAssignee());
      }
      case EVENTNAME_UPDATE -> {
        // someone moved the due date (Tasklist, REST): the warning follows, counted from the step's start
        Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
        Optional<CaseTask> before = tasks.byId(task.getId());
        if (before.isPresent() && !java.util.Objects.equals(before.get().dueAt(), due)) {
          Instant warnAt = warnAt(task.getCreateTime().toInstant(), due);
          // a process that moved the date itself (an emergency's new level) also set the step's warning
          Date ownDue = (Date) task.getExecution().getVariableLocal(CaseVariables.STEP_DUE);
          Date ownWarnAt = (Date) task.getExecution().getVariableLocal(CaseVariables.STEP_WARN_AT);
          if (due != null && ownDue != null && ownWarnAt != null && ownDue.toInstant().equals(due)) {
            warnAt = ownWarnAt.toInstant();
          }
          tasks.due(task.getId(), warnAt, due);
          cases.stepEnded(id);
          cases.refreshDeadlineState(id, EngineClock.now());
          events.publishEvent(new CaseTaskDueChanged(id, task.getId(), task.getExecutionId(), before.get().warnAt(),
              before.get().dueAt(), warnAt, due));
        }
      }
      case EVENTNAME_COMPLETE -> {
        if (!StepGate.isOpenFor(task.getId())) {
          throw new AuthorizationException("步骤须在邻里中按规则办理 step " + task.getTaskDefinitionKey() + " of case "
              + task.getExecution().getProcessBusinessKey() + " is completed through Linli (POST /api/tasks/" + task.getId()
              + "/complete), where its rules are checked");
        }
        Instant now = EngineClock.now();
        // how long the step took, from when Linli saw it open: kept on its completion for the averages
        Instant started = tasks.createdAt(task.getId()).orElse(task.getCreateTime().toInstant());
        int minutes = (int) Math.min(Integer.MAX_VALUE, calendar.getObject().workingTimeBetween(started, now).toMinutes());
        tasks.delete(task.getId());
        String decision = (String) task.getVariable(CaseVariables.DECISION);
        CaseEventType type = CaseEventType.forDecision(decision);
        String note = (String) task.getVariable(CaseVariables.COMMENT);
        if (type == CaseEventType.RATED) {
          String rating = (String) task.getVariable(CaseVariables.RATING);
          cases.rating(id, rating);
          note = note == null ? rating : rating + ": " + note;
        }
        // a 已办 entry only for staff's own completion through the step's rules: a resident's rating
        // through the mailed link completes a step somebody may hold, but it is not their work
        boolean byStaff = StepGate.staffCompleting(task.getId()) != null;
        timeline.completion(id, type, task.getTaskDefinitionKey(), task.getName(), actor(task.getProcessEngineServices(), task),
            candidateGroup(task), decision, note, now, byStaff, started, minutes);
        stepTimes.add(id, task.getTaskDefinitionKey(), LocalDate.ofInstant(now, calendar.getObject().zone()), minutes);
        cases.stepEnded(id);
        cases.refreshDeadlineState(id, now);
        events.publishEvent(new CaseTaskClosed(id, task.getId(), task.getTaskDefinitionKey(), true, now));
      }
      case EVENTNAME_DELETE -> {
        Instant now = EngineClock.now();
        tasks.delete(task.getId());
        cases.stepEnded(id);
        cases.refreshDeadlineState(id, now);
        events.publishEvent(new CaseTaskClosed(id, task.getId(), task.getTaskDefinitionKey(), false, now));
      }
      default -> {}
    }
  }

  /**
   * A step goes only to a member of its group, or to the one user the model offered it to when it
   * opened (as Linli recorded it then, so a candidate added later through the engine's API does not
   * count): an assignee from elsewhere would act on a case outside their area (the engine's API lets
   * a caller set any user).
   */
  private static void requireMember(DelegateTask task, String offeredTo) {
    String assignee = task.getAssignee();
    String group = candidateGroup(task);
    if (assignee == null || group == null || assignee.equals(offeredTo)) {
      return;
    }
    boolean member = task.getProcessEngineServices().getIdentityService().createUserQuery()
        .userId(assignee).memberOfGroup(group).count() > 0;
    if (!member) {
      throw new AuthorizationException("步骤只能交给本组人员 step " + task.getTaskDefinitionKey() + " belongs to " + group
          + "; " + assignee + " is not a member");
    }
  }

  private Instant warnAt(Instant start, Instant due) {
    WarningTimes policy = warningTimes.getIfAvailable();
    return due == null || policy == null ? null : policy.warnAt(start, due);
  }

  /** The case an execution belongs to; a called process belongs to its caller's case. */
  public Optional<Long> caseOf(DelegateExecution execution) {
    DelegateExecution root = execution.getProcessInstance();
    while (root.getSuperExecution() != null) {
      root = root.getSuperExecution().getProcessInstance();
    }
    return cases.idByProcessInstance(root.getId());
  }

  private static String candidateGroup(DelegateTask task) {
    for (IdentityLink link : task.getCandidates()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        return link.getGroupId();
      }
    }
    return null;
  }

  /** The one user the model offers the step to by name, if any (see {@link CaseTask#candidateUser}). */
  private static String candidateUser(DelegateTask task) {
    for (IdentityLink link : task.getCandidates()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null) {
        return link.getUserId();
      }
    }
    return null;
  }

  private static String processDefinitionKey(DelegateExecution execution) {
    String definitionId = execution.getProcessDefinitionId();
    return definitionId.substring(0, definitionId.indexOf(':'));
  }

  /** Who acted: the engine's authenticated user (REST, webapps), else the web user, else the assignee. */
  static String actor(ProcessEngineServices services, DelegateTask task) {
    String user = actingUser(services.getIdentityService());
    return user != null ? user : task == null ? null : task.getAssignee();
  }

  /** Who acts now: the engine's authenticated user (REST, webapps), else the web user; null when nobody is signed in (a timer, a job). */
  public static String actingUser(IdentityService identity) {
    Authentication engineUser = identity.getCurrentAuthentication();
    if (engineUser != null && engineUser.getUserId() != null) {
      return engineUser.getUserId();
    }
    var auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.isAuthenticated() && !"anonymousUser".equals(auth.getName())) {
      return auth.getName();
    }
    return null;
  }
}
