package org.linli.tasklist.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import org.linli.calendar.WorkingCalendar;
import org.linli.casefile.CaseEventType;
import org.springframework.format.annotation.DateTimeFormat;
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
  private final WorkingCalendar calendar;

  WorkbenchController(TaskActions tasks, CurrentUser currentUser, OrganizationService organization, CaseSearch search,
      org.linli.supervision.Urging urging, WorkingCalendar calendar) {
    this.urging = urging;
    this.calendar = calendar;
    this.search = search;
    this.tasks = tasks;
    this.currentUser = currentUser;
    this.organization = organization;
  }

  /** The form fields of the filter bar; blank means any. */
  record Filter(TaskActions.Queue queue, String kind, String category, String division, String q, Boolean overdue,
      DeadlineState state, String sort, Integer page, String step) {

    TaskQuery query() {
      return new TaskQuery(queue == null ? TaskActions.Queue.GROUP : queue, kind, category, TypedFields.text(step), division, q,
          null, Boolean.TRUE.equals(overdue), "-due".equals(sort), state, page == null ? 0 : page, 20);
    }

    /** The same list of every step (the supervision centre's diagram links to one step's). */
    Filter anyStep() {
      return new Filter(queue, kind, category, division, q, overdue, state, sort, null, null);
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

  /**
   * The case list's filter (查找案件), from the address; blank means any. The supervision centre's
   * numbers link here with the filter that counts them.
   */
  record CaseListFilter(String q, CaseStatus status, String kind, String category, String division, String department,
      DeadlineState state, Boolean overdue, Boolean everOverdue, CaseEventType dated,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      java.time.Instant openedAfter, java.time.Instant openedBy, Integer page) {

    /** Nothing asked for yet: the page asks what to find. */
    public boolean isEmpty() {
      return TypedFields.text(q) == null && status == null && !narrowed();
    }

    /** Narrowed by more than the search box and the status: the form shows those fields open. */
    public boolean narrowed() {
      return TypedFields.text(kind) != null || TypedFields.text(category) != null || TypedFields.text(division) != null
          || TypedFields.text(department) != null || state != null || Boolean.TRUE.equals(overdue) || everOverdue != null
          || from != null || to != null || openedAfter != null || openedBy != null;
    }

    /** The same list at another page. */
    String url(int atPage) {
      return org.springframework.web.util.UriComponentsBuilder.fromPath("/cases/search")
          .queryParamIfPresent("q", java.util.Optional.ofNullable(TypedFields.text(q)))
          .queryParamIfPresent("status", java.util.Optional.ofNullable(status))
          .queryParamIfPresent("kind", java.util.Optional.ofNullable(TypedFields.text(kind)))
          .queryParamIfPresent("category", java.util.Optional.ofNullable(TypedFields.text(category)))
          .queryParamIfPresent("division", java.util.Optional.ofNullable(TypedFields.text(division)))
          .queryParamIfPresent("department", java.util.Optional.ofNullable(TypedFields.text(department)))
          .queryParamIfPresent("state", java.util.Optional.ofNullable(state))
          .queryParamIfPresent("overdue", java.util.Optional.ofNullable(Boolean.TRUE.equals(overdue) ? "true" : null))
          .queryParamIfPresent("everOverdue", java.util.Optional.ofNullable(everOverdue))
          .queryParamIfPresent("dated", java.util.Optional.ofNullable(from == null && to == null ? null : dated))
          .queryParamIfPresent("from", java.util.Optional.ofNullable(from))
          .queryParamIfPresent("to", java.util.Optional.ofNullable(to))
          .queryParamIfPresent("openedAfter", java.util.Optional.ofNullable(openedAfter))
          .queryParamIfPresent("openedBy", java.util.Optional.ofNullable(openedBy))
          .queryParamIfPresent("page", java.util.Optional.ofNullable(atPage == 0 ? null : atPage))
          .encode().build().toUriString();
    }
  }

  /** What the case list's date filter offers: opened, closed, or an event a supervision figure counts. */
  static final List<CaseEventType> DATED = List.of(CaseEventType.CREATED, CaseEventType.CLOSED, CaseEventType.OVERDUE,
      CaseEventType.RETURNED, CaseEventType.EXTENDED, CaseEventType.URGED, CaseEventType.REOPENED, CaseEventType.RATED);

  /**
   * 查找案件: open and closed cases of the user's area by number, title words or the resident's
   * phone, narrowed by kind, category, place, department, colour, overdue now or ever, and what
   * happened to them in some days (opened, closed, urged…). No search text is needed.
   */
  @GetMapping("/cases/search")
  String search(@ModelAttribute("filter") CaseListFilter filter, Model model) {
    LinliUser user = currentUser.get();
    String text = TypedFields.text(filter.q());
    model.addAttribute("q", text);
    model.addAttribute("status", filter.status());
    if (!filter.isEmpty()) {
      boolean overdue = Boolean.TRUE.equals(filter.overdue());
      CaseStatus status = overdue && filter.status() == null ? CaseStatus.OPEN : filter.status();
      CaseFilter f = new CaseFilter(user.scope(), status, TypedFields.text(filter.kind()), TypedFields.text(filter.category()),
          TypedFields.text(filter.division()), overdue ? EngineClock.now() : null, filter.state(), null)
          .withEverOverdue(filter.everOverdue())
          .withDepartment(TypedFields.text(filter.department()))
          .withDated(filter.from() == null && filter.to() == null ? null
              : CaseFilter.Dated.days(filter.dated() == null ? CaseEventType.CREATED : filter.dated(), filter.from(), filter.to(),
                  calendar.zone()))
          .withOpened(CaseFilter.Opened.of(filter.openedAfter(), filter.openedBy()));
      Page<org.linli.casefile.CaseFile> found =
          search.search(user, f, text, Math.max(0, filter.page() == null ? 0 : filter.page()), 20);
      model.addAttribute("found", found);
      model.addAttribute("prevUrl", filter.url(found.page() - 1));
      model.addAttribute("nextUrl", filter.url(found.page() + 1));
    }
    model.addAttribute("divisions", divisionsOf(user));
    model.addAttribute("departments", departmentsOf(user));
    model.addAttribute("datedTypes", DATED);
    model.addAttribute("counts", tasks.counts(user));
    model.addAttribute("tab", "search");
    model.addAttribute("user", user);
    return "work/search";
  }

  /** The departments of the user's counties, for the case list's filter. */
  private List<org.linli.organization.Department> departmentsOf(LinliUser user) {
    java.util.Set<String> counties = new java.util.HashSet<>();
    user.scope().divisionCodes().forEach(c -> counties.add(DivisionLevel.COUNTY.ancestorOf(c)));
    user.scope().departments().forEach(d -> counties.add(d.countyCode()));
    return organization.departments().stream()
        .filter(d -> user.scope().everything() || counties.contains(d.countyCode()))
        .toList();
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

  /** The task list's address for a filter, for the pager and the address bar. */
  static String pageUrl(Filter f) {
    return org.springframework.web.util.UriComponentsBuilder.fromPath("/tasks")
        .queryParamIfPresent("queue", java.util.Optional.ofNullable(f.queue()))
        .queryParamIfPresent("kind", java.util.Optional.ofNullable(TypedFields.text(f.kind())))
        .queryParamIfPresent("category", java.util.Optional.ofNullable(TypedFields.text(f.category())))
        .queryParamIfPresent("division", java.util.Optional.ofNullable(TypedFields.text(f.division())))
        .queryParamIfPresent("q", java.util.Optional.ofNullable(TypedFields.text(f.q())))
        .queryParamIfPresent("state", java.util.Optional.ofNullable(f.state()))
        .queryParamIfPresent("overdue", java.util.Optional.ofNullable(Boolean.TRUE.equals(f.overdue()) ? "true" : null))
        .queryParamIfPresent("sort", java.util.Optional.ofNullable(TypedFields.text(f.sort())))
        .queryParamIfPresent("step", java.util.Optional.ofNullable(TypedFields.text(f.step())))
        .queryParamIfPresent("page", java.util.Optional.ofNullable(f.page() == null || f.page() == 0 ? null : f.page()))
        .encode().build().toUriString();
  }

  private void fill(Filter filter, Model model) {
    LinliUser user = currentUser.get();
    Page<TaskView> page = tasks.list(user, filter.query());
    model.addAttribute("filter", filter);
    model.addAttribute("stepless", pageUrl(filter.anyStep()));
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
