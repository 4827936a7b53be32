package org.linli.tasklist;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseTask;
import org.linli.casefile.Page;
import org.linli.casefile.TaskFilter;
import org.linli.security.LinliUser;
import org.linli.system.ConflictException;
import org.linli.system.EngineClock;
import org.linli.system.ForbiddenException;
import org.linli.system.InvalidInputException;
import org.linli.system.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The caseworker's queues and the claim, unclaim and complete actions on them. */
@Service
public class TaskActions {

  /** The queues of the task list. */
  public enum Queue {
    /** Assigned to me. */
    MINE,
    /** Unclaimed, in one of my groups. */
    GROUP
  }

  private final CaseFiles cases;
  private final org.camunda.bpm.engine.TaskService engineTasks;
  private final Map<String, StepCompleter> completers;

  TaskActions(CaseFiles cases, org.camunda.bpm.engine.TaskService engineTasks, List<StepCompleter> completers) {
    this.cases = cases;
    this.engineTasks = engineTasks;
    this.completers = completers.stream().collect(Collectors.toMap(StepCompleter::kind, Function.identity()));
  }

  public Page<TaskView> list(
      LinliUser user, Queue queue, String kind, String category, String step, Instant dueBefore, boolean overdue,
      boolean latestDueFirst, int page, int size) {
    Instant now = EngineClock.now();
    Instant before = overdue && (dueBefore == null || now.isBefore(dueBefore)) ? now : dueBefore;
    TaskFilter filter =
        queue == Queue.MINE
            ? new TaskFilter(user.username(), null, kind, category, step, before, latestDueFirst)
            : new TaskFilter(null, user.groups(), kind, category, step, before, latestDueFirst);
    Page<CaseTask> tasks = cases.tasks(filter, page, size);
    return new Page<>(tasks.items().stream().map(t -> TaskView.of(t, now, decisions(t))).toList(),
        tasks.page(), tasks.size(), tasks.total());
  }

  /** A task the user may see: theirs, their group's, or one of a case in their area. */
  public TaskView get(LinliUser user, String taskId) {
    CaseTask task = visible(user, taskId);
    return TaskView.of(task, EngineClock.now(), decisions(task));
  }

  @Transactional
  public TaskView claim(LinliUser user, String taskId) {
    CaseTask task = actionable(user, taskId);
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
    Map<String, Object> variables = completer.variables(task, input, user);
    if (task.assignee() == null) {
      engineTasks.claim(taskId, user.username());
    }
    engineTasks.complete(taskId, variables);
  }

  private List<String> decisions(CaseTask task) {
    StepCompleter completer = completers.get(task.kind());
    return completer == null ? List.of() : completer.decisions(task);
  }

  private StepCompleter completer(CaseTask task) {
    StepCompleter completer = completers.get(task.kind());
    if (completer == null) {
      throw new ConflictException("steps of " + task.kind() + " cases are completed elsewhere");
    }
    return completer;
  }

  private CaseTask visible(LinliUser user, String taskId) {
    CaseTask task = cases.task(taskId).orElseThrow(() -> new NotFoundException("no open task " + taskId));
    boolean mine = user.username().equals(task.assignee()) || user.inGroup(task.candidateGroup());
    if (!mine && !user.scope().covers(task.divisionCode(), task.departmentCode())) {
      throw new NotFoundException("no open task " + taskId);
    }
    return task;
  }

  private CaseTask actionable(LinliUser user, String taskId) {
    CaseTask task = visible(user, taskId);
    if (!user.username().equals(task.assignee()) && !user.inGroup(task.candidateGroup())) {
      throw new ForbiddenException("task " + taskId + " belongs to " + task.candidateGroup() + ", not to you");
    }
    return task;
  }
}
