package org.linli.tasklist;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.Map;
import org.linli.casefile.Page;
import org.linli.security.CurrentUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tasks")
@Tag(name = "任务 Tasks", description = "The caseworker's queues and step actions")
class TaskController {

  private final TaskActions tasks;
  private final StepForms forms;
  private final CurrentUser currentUser;

  TaskController(TaskActions tasks, StepForms forms, CurrentUser currentUser) {
    this.tasks = tasks;
    this.forms = forms;
    this.currentUser = currentUser;
  }

  @GetMapping
  @Operation(summary = "My tasks (MINE), my groups' unclaimed tasks (GROUP) or all open tasks of my area (AREA), by due time")
  Page<TaskView> list(
      @RequestParam(defaultValue = "MINE") TaskActions.Queue queue,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String category,
      @RequestParam(required = false) String step,
      @RequestParam(required = false) @Parameter(description = "cases at or below this division code") String division,
      @RequestParam(required = false) @Parameter(description = "a case number, a resident's phone number or words of the title") String q,
      @RequestParam(required = false) @Parameter(description = "GREEN, YELLOW or RED now") org.linli.casefile.DeadlineState state,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant dueBefore,
      @RequestParam(defaultValue = "false") boolean overdue,
      @Parameter(description = "due (soonest first, the default) or -due (latest first)")
          @RequestParam(defaultValue = "due") @Pattern(regexp = "-?due") String sort,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
    return tasks.list(currentUser.get(),
        new TaskQuery(queue, kind, category, step, division, q, dueBefore, overdue, sort.startsWith("-"), state, page, size));
  }

  @GetMapping("/done")
  @Operation(summary = "The steps I completed (已办), newest first, of the cases of my area, with each case's state now")
  Page<org.linli.casefile.DoneStep> done(
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
    return tasks.done(currentUser.get(), page, size);
  }

  @GetMapping("/{id}")
  TaskView get(@PathVariable String id) {
    return tasks.get(currentUser.get(), id);
  }

  @PostMapping("/{id}/claim")
  TaskView claim(@PathVariable String id) {
    return tasks.claim(currentUser.get(), id);
  }

  @PostMapping("/{id}/unclaim")
  TaskView unclaim(@PathVariable String id) {
    return tasks.unclaim(currentUser.get(), id);
  }

  @PostMapping("/{id}/complete")
  @Operation(summary = "Complete a step: its form's fields by key, checked by the form and then the step's rules",
      description = "The body is the object the step's form submits (GET /api/tasks/{id}/form), e.g. "
          + "{\"decision\":\"extend\",\"extensionDays\":3,\"comment\":\"等待配件\"}. A key the form does not "
          + "take with these answers is refused by name (400 problem+json), like a broken rule; nothing changes. "
          + "The task lists the decisions it offers. docs/api.md has an example for every step.")
  ResponseEntity<Void> complete(@PathVariable String id,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
          examples = {
              @io.swagger.v3.oas.annotations.media.ExampleObject(name = "sign", value = "{\"decision\":\"sign\"}"),
              @io.swagger.v3.oas.annotations.media.ExampleObject(name = "extend",
                  value = "{\"decision\":\"extend\",\"extensionDays\":3,\"comment\":\"等待配件\"}")}))
      @RequestBody Map<String, Object> answers) {
    forms.submit(currentUser.get(), id, answers);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/{id}/form")
  @Operation(summary = "The step's Camunda Form (form-js schema, decisions narrowed to the step's) and initial data")
  StepForms.StepForm form(@PathVariable String id,
      @RequestHeader(value = org.springframework.http.HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
    return forms.form(currentUser.get(), id, org.linli.system.Bilingual.named(language));
  }
}
