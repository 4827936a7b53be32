package org.linli.emergency.internal;

import static org.linli.emergency.EmergencyProcess.*;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseVariables;
import org.linli.deadline.Deadlines;
import org.linli.deadline.TimeLimit;
import org.linli.deadline.TimeLimits;
import org.springframework.stereotype.Component;

/**
 * Moves an emergency's open steps to a new level: to the new lead, due at their start plus the new
 * level's time limits. The steps are the engine's tasks, so this works on the engine's task API;
 * callers pass only the case and the groups.
 */
@Component
class LevelledSteps {

  /** User tasks whose group and due time follow the level. */
  static final Set<String> LEVELLED_STEPS =
      Set.of(TASK_WATCH_WARNING, TASK_ARRIVE, TASK_FIRST_REPORT, TASK_PROGRESS_REPORT, TASK_DISPOSE);

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final CaseFiles cases;
  private final TimeLimits limits;
  private final Deadlines deadlines;

  LevelledSteps(TaskService tasks, RuntimeService runtime, CaseFiles cases, TimeLimits limits, Deadlines deadlines) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.cases = cases;
    this.limits = limits;
    this.deadlines = deadlines;
  }

  /** Each open levelled step of the case moves from {@code oldLead} to {@code newLead} and gets the new level's due time. */
  void follow(long caseId, String oldLead, String newLead) {
    String processInstanceId = cases.byId(caseId).orElseThrow().processInstanceId();
    for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId).list()) {
      if (LEVELLED_STEPS.contains(task.getTaskDefinitionKey())) {
        follow(caseId, task, oldLead, newLead);
      }
    }
  }

  /** An open step moves to the new level's lead and is due at its start plus the new level's limit. */
  private void follow(long caseId, Task task, String oldLead, String newLead) {
    if (!oldLead.equals(newLead)) {
      List<IdentityLink> links = tasks.getIdentityLinksForTask(task.getId());
      for (IdentityLink link : links) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType()) && oldLead.equals(link.getGroupId())) {
          tasks.deleteCandidateGroup(task.getId(), oldLead);
        }
      }
      tasks.addCandidateGroup(task.getId(), newLead);
      if (task.getAssignee() != null) {
        tasks.setAssignee(task.getId(), null); // the new lead takes it on; the old one is told by mail
      }
      cases.taskMovedTo(caseId, task.getId(), newLead);
    }
    TimeLimit limit = limits.limit(caseId, task.getTaskDefinitionKey());
    Instant start = task.getCreateTime().toInstant();
    Instant due = deadlines.due(limit, start);
    Instant warnAt = deadlines.warnAt(limit.workingTime(), start, due);
    // the case record reads these when the due date changes, so the warning keeps calendar time
    runtime.setVariablesLocal(task.getExecutionId(),
        Map.of(CaseVariables.STEP_DUE, Date.from(due), CaseVariables.STEP_WARN_AT, Date.from(warnAt)));
    Task fresh = tasks.createTaskQuery().taskId(task.getId()).singleResult();
    fresh.setDueDate(Date.from(due));
    tasks.saveTask(fresh);
  }
}
