package org.linli.tasklist;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.linli.casefile.CaseEventType;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseSearch;
import org.linli.casefile.DoneStep;
import org.linli.casefile.CaseTask;
import org.linli.casefile.Page;
import org.linli.casefile.StepGate;
import org.linli.casefile.TaskFilter;
import org.linli.organization.OrganizationService;
import org.linli.organization.StaffMember;
import org.linli.security.LinliUser;
import org.linli.system.ConflictException;
import org.linli.system.EngineClock;
import org.linli.system.ForbiddenException;
import org.linli.system.InvalidInputException;
import org.linli.system.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.linli.system.TypedFields;

/** The caseworker's queues and the claim, unclaim and complete actions on them. */
@Service
public class TaskActions {

  /** The queues of the task list. */
  public enum Queue {
    /** Assigned to me. */
    MINE,
    /** Unclaimed, in one of my groups. */
    GROUP,
    /** Everything open in my area; read-only where it is not mine. */
    AREA
  }

  /** How many tasks each queue holds for the user. */
  public record QueueCounts(long mine, long group, long area) {}

  private final CaseFiles cases;
  private final org.camunda.bpm.engine.TaskService engineTasks;
  private final Map<String, StepCompleter> completers;
  private final Map<String, CaseKindSupport> kinds;
  private final OrganizationService organization;
  private final CaseSearch search;

  TaskActions(CaseFiles cases, org.camunda.bpm.engine.TaskService engineTasks, List<StepCompleter> completers,
      List<CaseKindSupport> kinds, OrganizationService organization, CaseSearch search) {
    this.search = search;
    this.cases = cases;
    this.engineTasks = engineTasks;
    this.completers = completers.stream().collect(Collectors.toMap(StepCompleter::kind, Function.identity()));
    this.kinds = kinds.stream().collect(Collectors.toMap(CaseKindSupport::kind, Function.identity()));
    this.organization = organization;
  }

  public Page<TaskView> list(LinliUser user, TaskQuery q) {
    Instant now = EngineClock.now();
    Instant before = q.overdue() && (q.dueBefore() == null || now.isBefore(q.dueBefore())) ? now : q.dueBefore();
    Set<Long> caseIds = null;
    String text = TypedFields.text(q.q());
    boolean byPhone = CaseSearch.isPhone(text);
    if (byPhone) {
      caseIds = search.casesByPhone(text);
      text = null;
    }
    TaskFilter filter = queueFilter(user, q.queue()).narrowed(TypedFields.text(q.kind()), TypedFields.text(q.category()),
        TypedFields.text(q.step()), TypedFields.text(q.division()), before, text, caseIds, q.latestDueFirst(), q.state(), now);
    Page<CaseTask> tasks = cases.tasks(filter, q.page(), q.size());
    if (byPhone) {
      search.phoneSearched(user, tasks.items().stream().map(CaseTask::caseId).toList());
    }
    return new Page<>(tasks.items().stream().map(t -> TaskView.of(t, now, decisions(t, user))).toList(),
        tasks.page(), tasks.size(), tasks.total());
  }

  /** The steps the user completed (已办), newest first, of the cases of their area. */
  public Page<DoneStep> done(LinliUser user, int page, int size) {
    return cases.done(user.username(), user.scope(), Math.max(0, page), size < 1 ? 20 : Math.min(size, 200));
  }

    public QueueCounts counts(LinliUser user) {
    return new QueueCounts(cases.countTasks(queueFilter(user, Queue.MINE)), cases.countTasks(queueFilter(user, Queue.GROUP)),
        cases.countTasks(queueFilter(user, Queue.AREA)));
  }

  private static TaskFilter queueFilter(LinliUser user, Queue queue) {
    return switch (queue) {
      case MINE -> TaskFilter.mine(user.username());
      case GROUP -> TaskFilter.group(user.groups());
      case AREA -> TaskFilter.area(user.scope());
    };
  }

  /**
   * Whether the user may act on the task rather than only look: it is their group's, or offered to
   * them by name. Being its assignee is not enough on its own; the engine gives steps only to those.
   */
  public boolean mayAct(LinliUser user, CaseTask task) {
    return task.isFor(user);
  }

  /** Hands a task over to a colleague of the same group (转交). */
  @Transactional
  public TaskView handOver(LinliUser user, String taskId, String colleague, String note) {
    CaseTask task = actionable(user, taskId);
    if (!user.inGroup(task.candidateGroup())) {
      // offered to one person by name: not theirs to pass on to the group
      throw new ForbiddenException("只有本组人员可以转交 only members of " + task.candidateGroup() + " hand this step over");
    }
    if (task.assignee() != null && !task.assignee().equals(user.username())) {
      throw new ConflictException("task " + taskId + " is claimed by " + task.assignee());
    }
    if (colleague == null || colleague.equals(user.username())
        || organization.membersOf(task.candidateGroup()).stream().noneMatch(s -> s.username().equals(colleague))) {
      throw new InvalidInputException("to", "请选择本组的同事 choose a colleague of " + task.candidateGroup());
    }
    engineTasks.setAssignee(taskId, colleague);
    cases.record(task.caseId(), CaseEventType.HANDED_OVER, task.activityId(), task.name(), user.username(),
        task.candidateGroup(), "→ " + colleague + (note == null || note.isBlank() ? "" : ": " + note.strip()));
    return TaskView.of(cases.task(taskId).orElseThrow(), EngineClock.now(), decisions(task, user));
  }

  /** The colleagues a task may be handed over to. */
  public List<StaffMember> colleagues(LinliUser user, CaseTask task) {
    if (!user.inGroup(task.candidateGroup())) {
      return List.of();
    }
    return organization.membersOf(task.candidateGroup()).stream().filter(s -> !s.username().equals(user.username())).toList();
  }

  public Optional<CaseKindSupport> kindSupport(String kind) {
    return Optional.ofNullable(kinds.get(kind));
  }

  /** The entry pages of every case kind this user may open cases of, ordered by kind. */
  public List<CaseKindSupport.EntryLink> entryLinks(LinliUser user) {
    return kinds.values().stream().sorted(java.util.Comparator.comparing(CaseKindSupport::kind))
        .flatMap(k -> k.entryLink(user).stream()).toList();
  }

  public List<CaseKindSupport.EntryLink> caseActions(LinliUser user, org.linli.casefile.CaseFile c) {
    return kindSupport(c.kind()).map(k -> k.caseActions(user, c)).orElse(List.of());
  }

  /** A task the user may see: theirs, their group's, or one of a case in their area. */
  public TaskView get(LinliUser user, String taskId) {
    CaseTask task = visible(user, taskId);
    return TaskView.of(task, EngineClock.now(), decisions(task, user));
  }

  @Transactional
  public TaskView claim(LinliUser user, String taskId) {
    CaseTask task = actionable(user, taskId);
    if (!user.inGroup(task.candidateGroup())) {
      // offered by name: taking it would lock its own group out of it
      throw new ForbiddenException("此环节请直接办理，无需领取 this step is offered to you by name: complete it, it cannot be taken");
    }
    if (task.assignee() != null) {
      if (task.assignee().equals(user.username())) {
        return get(user, taskId);
      }
      throw new ConflictException("task " + taskId + " is already claimed by " + task.assignee());
    }
    try {
      engineTasks.claim(taskId, user.username());
    } catch (TaskAlreadyClaimedException e) {
      throw new ConflictException("task " + taskId + " was just claimed by " + e.getTaskAssignee());
    }
    return get(user, taskId);
  }

  @Transactional
  public TaskView unclaim(LinliUser user, String taskId) {
    CaseTask task = actionable(user, taskId);
    if (task.assignee() == null) {
      return get(user, taskId);
    }
    if (!task.assignee().equals(user.username())) {
      throw new ForbiddenException("only " + task.assignee() + " can hand task " + taskId + " back");
    }
    engineTasks.setAssignee(taskId, null);
    return get(user, taskId);
  }

  /** Completes a step; an unclaimed task of the user's group is claimed on the way. */
  @Transactional
  public void complete(LinliUser user, String taskId, StepInput input) {
    CaseTask task = actionable(user, taskId);
    if (task.assignee() != null && !task.assignee().equals(user.username())) {
      throw new ConflictException("task " + taskId + " is claimed by " + task.assignee());
    }
    StepCompleter completer = completer(task);
    List<String> offered = completer.decisions(task);
    if (!offered.contains(input.decision())) {
      throw new InvalidInputException("decision", "must be one of " + offered + " at this step");
    }
    Map<String, Object> variables = completer.complete(task, input, user);
    if (task.assignee() == null && user.inGroup(task.candidateGroup())) {
      engineTasks.claim(taskId, user.username());
    }
    StepGate.completeByStaff(taskId, user.username(), () -> engineTasks.complete(taskId, variables));
  }

  /** What the form of a task the user may see offers to choose from (see {@link StepCompleter#choices}). */
  public Map<String, List<StepCompleter.Choice>> choices(LinliUser user, String taskId) {
    CaseTask task = visible(user, taskId);
    StepCompleter completer = completers.get(task.kind());
    return completer == null ? Map.of() : completer.choices(task);
  }

  /** What the step offers this user (its form shows no more). */
  private List<String> decisions(CaseTask task, LinliUser user) {
    StepCompleter completer = completers.get(task.kind());
    return completer == null ? List.of() : completer.decisions(task, user);
  }

  private StepCompleter completer(CaseTask task) {
    StepCompleter completer = completers.get(task.kind());
    if (completer == null) {
      throw new ConflictException("steps of " + task.kind() + " cases are completed elsewhere");
    }
    return completer;
  }

  public CaseTask visible(LinliUser user, String taskId) {
    CaseTask task = cases.task(taskId).orElseThrow(() -> new NotFoundException("no open task " + taskId));
    boolean mine = user.username().equals(task.assignee()) || task.isFor(user);
    if (!mine && !user.scope().covers(task.divisionCode(), task.departmentCode())) {
      throw new NotFoundException("no open task " + taskId);
    }
    return task;
  }

  private CaseTask actionable(LinliUser user, String taskId) {
    CaseTask task = visible(user, taskId);
    if (!mayAct(user, task)) {
      throw new ForbiddenException("task " + taskId + " belongs to " + task.candidateGroup() + ", not to you");
    }
    return task;
  }
}
