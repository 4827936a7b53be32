package org.linli.tasklist.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.linli.casefile.CaseFilter;
import org.linli.casefile.CaseSearch;
import org.linli.casefile.CaseStatus;
import org.linli.casefile.DeadlineState;
import org.linli.casefile.Page;
import org.linli.organization.Division;
import org.linli.organization.DivisionLevel;
import org.linli.organization.OrganizationService;
import org.linli.security.CurrentUser;
import org.linli.security.LinliUser;
import org.linli.system.EngineClock;
import org.linli.system.ConflictException;
import org.linli.system.ForbiddenException;
import org.linli.system.InvalidInputException;
import org.linli.system.NotFoundException;
import org.linli.tasklist.TaskActions;
import org.linli.tasklist.TaskQuery;
import org.linli.tasklist.TaskView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.linli.system.TypedFields;

/**
 * The caseworker's task list: three queues with counts, filters, search, paging; claim, unclaim and
 * hand over without a full page reload (htmx swaps the table).
 */
@Controller
class WorkbenchController {

  private final TaskActions tasks;
  private final CurrentUser currentUser;
  private final OrganizationService organization;
  private final CaseSearch search;
  private final org.linli.supervision.Urging urging;

  WorkbenchController(TaskActions tasks, CurrentUser currentUser, OrganizationService organization, CaseSearch search,
      org.linli.supervision.Urging urging) {
    this.urging = urging;
    this.search = search;
    this.tasks = tasks;
    this.currentUser = currentUser;
    this.organization = organization;
  }

  /** The form fields of the filter bar; blank means any. */
  record Filter(TaskActions.Queue queue, String kind, String category, String division, String q, Boolean overdue,
      DeadlineState state, String sort, Integer page) {

    TaskQuery query() {
      return new TaskQuery(queue == null ? TaskActions.Queue.GROUP : queue, kind, category, null, division, q, null,
          Boolean.TRUE.equals(overdue), "-due".equals(sort), state, page == null ? 0 : page, 20);
    }
  }

  @GetMapping("/login")
  String login() {
    return "work/login";
  }

  @GetMapping("/tasks")
  String tasks(@ModelAttribute Filter filter, Model model) {
    fill(filter, model);
    model.addAttribute("counts", tasks.counts(currentUser.get()));
    model.addAttribute("divisions", divisionsOf(currentUser.get()));
    return "work/tasks";
  }

  /** 已办: the steps the user completed, newest first, each with its case as it stands now. */
  @GetMapping("/tasks/done")
  String done(@RequestParam(defaultValue = "0") int page, Model model) {
    LinliUser user = currentUser.get();
    model.addAttribute("done", tasks.done(user, page, 20));
    model.addAttribute("counts", tasks.counts(user));
    model.addAttribute("tab", "done");
    model.addAttribute("user", user);
    return "work/done";
  }

  /** 查找案件: open and closed cases of the user's area by number, title words or the resident's phone. */
  @GetMapping("/cases/search")
  String search(@RequestParam(required = false) String q, @RequestParam(required = false) CaseStatus status,
      @RequestParam(defaultValue = "0") int page, Model model) {
    LinliUser user = currentUser.get();
    String text = TypedFields.text(q);
    model.addAttribute("q", text);
    model.addAttribute("status", status);
    model.addAttribute("found", text == null ? null
        : search.search(user, new CaseFilter(user.scope(), status, null, null, null, null, null, null), text, Math.max(0, page), 20));
    model.addAttribute("counts", tasks.counts(user));
    model.addAttribute("tab", "search");
    model.addAttribute("user", user);
    return "work/search";
  }

  /** The table alone, for htmx. */
  @GetMapping("/tasks/rows")
  String rows(@ModelAttribute Filter filter, Model model, HttpServletResponse response) {
    // the address bar shows the full page's address, which reloads and bookmarks well
    response.setHeader("HX-Push-Url", pageUrl(filter));
    fill(filter, model);
    model.addAttribute("counts", tasks.counts(currentUser.get()));
    model.addAttribute("oob", true); // the queue counts change with claims: swap them too
    return "work/tasks :: rows";
  }

  @PostMapping("/tasks/{id}/claim")
  String claim(@PathVariable String id, @RequestParam(required = false) String back, @ModelAttribute Filter filter,
      Model model, HttpServletResponse response) {
    if ("case".equals(back)) {
      // from the case page: back to it, with the step now the user's
      TaskView task = tasks.claim(currentUser.get(), id);
      return "redirect:/cases/" + task.caseNumber();
    }
    return act(() -> tasks.claim(currentUser.get(), id), filter, model, response);
  }

  /**
   * A supervisor urges the cases ticked in the area queue with one note (督办), each through
   * {@link org.linli.supervision.Urging#urgeEach}: the list comes back with how many were urged and
   * which were refused and why. A refused note or an empty choice urges nothing and keeps what was
   * typed and ticked; anybody but a supervisor is refused (403).
   */
  @PostMapping("/tasks/urge")
  String urge(@RequestParam(name = "cases", required = false) List<String> cases, @RequestParam(required = false) String note,
      @ModelAttribute Filter filter, Model model, org.springframework.web.servlet.mvc.support.RedirectAttributes redirect,
      jakarta.servlet.http.HttpServletRequest http, HttpServletResponse response) {
    try {
      redirect.addFlashAttribute("urgeBatch", urging.urgeEach(currentUser.get(), cases, note));
      // Post/Redirect/Get: a reload shows the list, and urges nothing again
      http.setAttribute(org.springframework.web.servlet.View.RESPONSE_STATUS_ATTRIBUTE, org.springframework.http.HttpStatus.SEE_OTHER);
      return "redirect:" + pageUrl(filter);
    } catch (InvalidInputException e) {
      java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
      e.errors().forEach(f -> errors.merge(f.field(), f.message(), (a, b) -> a + "；" + b));
      model.addAttribute("urgeErrors", errors);
      model.addAttribute("urgeNote", note);
      model.addAttribute("urgeTicked", cases == null ? List.of() : cases);
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return tasks(filter, model);
    }
  }

  @PostMapping("/tasks/{id}/unclaim")
  String unclaim(@PathVariable String id, @ModelAttribute Filter filter, Model model, HttpServletResponse response) {
    return act(() -> tasks.unclaim(currentUser.get(), id), filter, model, response);
  }

  @PostMapping("/tasks/{id}/handover")
  String handOver(@PathVariable String id, @RequestParam(required = false) String to, @RequestParam(required = false) String note,
      @RequestHeader(value = "HX-Request", required = false) String htmx, HttpServletResponse response) {
    tasks.handOver(currentUser.get(), id, to, note);
    var task = tasks.visible(currentUser.get(), id);
    if (htmx != null) {
      response.setHeader("HX-Redirect", "/cases/" + task.caseNumber() + "?handedOver");
      return "work/empty";
    }
    return "redirect:/cases/" + task.caseNumber() + "?handedOver";
  }

  private String act(Runnable action, Filter filter, Model model, HttpServletResponse response) {
    try {
      action.run();
    } catch (ConflictException | ForbiddenException | NotFoundException | InvalidInputException e) {
      model.addAttribute("error", e.getMessage());
    }
    return rows(filter, model, response);
  }

  private static String pageUrl(Filter f) {
    return org.springframework.web.util.UriComponentsBuilder.fromPath("/tasks")
        .queryParamIfPresent("queue", java.util.Optional.ofNullable(f.queue()))
        .queryParamIfPresent("kind", java.util.Optional.ofNullable(TypedFields.text(f.kind())))
        .queryParamIfPresent("category", java.util.Optional.ofNullable(TypedFields.text(f.category())))
        .queryParamIfPresent("division", java.util.Optional.ofNullable(TypedFields.text(f.division())))
        .queryParamIfPresent("q", java.util.Optional.ofNullable(TypedFields.text(f.q())))
        .queryParamIfPresent("state", java.util.Optional.ofNullable(f.state()))
        .queryParamIfPresent("overdue", java.util.Optional.ofNullable(Boolean.TRUE.equals(f.overdue()) ? "true" : null))
        .queryParamIfPresent("sort", java.util.Optional.ofNullable(TypedFields.text(f.sort())))
        .encode().build().toUriString();
  }

  private void fill(Filter filter, Model model) {
    LinliUser user = currentUser.get();
    Page<TaskView> page = tasks.list(user, filter.query());
    model.addAttribute("filter", filter);
    model.addAttribute("queue", filter.query().queue());
    model.addAttribute("page", page);
    model.addAttribute("user", user);
    model.addAttribute("now", EngineClock.now());
    // supervisors tick cases of their area queue and urge them together
    model.addAttribute("mayUrge", filter.query().queue() == TaskActions.Queue.AREA && urging.urgesAnywhere(user));
  }

  /** The villages and townships a user may filter by: those of their area, or of their department's county. */
  private List<Division> divisionsOf(LinliUser user) {
    java.util.Set<String> counties = user.scope().departments().stream()
        .map(org.linli.organization.Scope.DepartmentRef::countyCode).collect(java.util.stream.Collectors.toSet());
    return organization.divisions().stream()
        .filter(d -> d.level() != DivisionLevel.COUNTY)
        .filter(d -> user.scope().covers(d.code(), null) || counties.contains(DivisionLevel.COUNTY.ancestorOf(d.code())))
        .toList();
  }
}
