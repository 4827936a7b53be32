package org.linli.casefile.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.time.LocalDate;
import org.linli.calendar.WorkingCalendar;
import org.linli.casefile.CaseEventType;
import org.springframework.format.annotation.DateTimeFormat;
import java.util.List;
import org.linli.casefile.CaseEvent;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseFilter;
import org.linli.casefile.CaseSearch;
import org.linli.casefile.DeadlineState;
import io.swagger.v3.oas.annotations.Parameter;
import org.linli.casefile.CaseStatus;
import org.linli.casefile.CaseTask;
import org.linli.casefile.Page;
import org.linli.security.CurrentUser;
import org.linli.security.LinliUser;
import org.linli.system.EngineClock;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases")
@Tag(name = "案件 Cases", description = "Case records of your area, by number, with their timelines")
class CaseController {

  record CaseDetail(CaseFile caseFile, boolean overdue, List<CaseTask> openTasks, List<CaseEvent> timeline) {}

  private final CaseFiles cases;
  private final CurrentUser currentUser;
  private final CaseSearch search;
  private final WorkingCalendar calendar;

  CaseController(CaseFiles cases, CurrentUser currentUser, CaseSearch search, WorkingCalendar calendar) {
    this.calendar = calendar;
    this.cases = cases;
    this.search = search;
    this.currentUser = currentUser;
  }

  @GetMapping
  @Operation(summary = "Cases of your area, most urgent first; with q, the cases it finds, newest first")
  Page<CaseFile> list(
      @RequestParam(required = false) CaseStatus status,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String category,
      @RequestParam(required = false) String division,
      @RequestParam(defaultValue = "false") boolean overdue,
      @RequestParam(required = false) @Parameter(description = "GREEN, YELLOW (at risk) or RED (overdue)") DeadlineState state,
      @RequestParam(required = false) @Parameter(description = "only urged (true) or not urged (false) cases") Boolean urged,
      @RequestParam(required = false) @Parameter(description = "only cases that ever ran late (true: a step ran past its due "
          + "time, or the case closed after its own), whatever their colour now; false for those that never did") Boolean everOverdue,
      @RequestParam(required = false) @Parameter(description = "a county department's code (mz, zj…): the cases it handles") String department,
      @RequestParam(required = false) @Parameter(description = "with from and to: cases opened (CREATED) or closed (CLOSED) in "
          + "those days, or with an event of this type then (URGED, RETURNED, EXTENDED, REOPENED, RATED, OVERDUE…); newest first")
          CaseEventType dated,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Parameter(description = "first day, included") LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Parameter(description = "last day, included") LocalDate to,
      @RequestParam(required = false) @Parameter(description = "cases opened after this instant (ISO-8601, excluded), as the "
          + "supervision centre's ageing buckets give it") Instant openedAfter,
      @RequestParam(required = false) @Parameter(description = "cases opened no later than this instant (ISO-8601, included)")
          Instant openedBy,
      @RequestParam(required = false) @Parameter(description = "a case number, a resident's phone number (logged as a view of "
          + "their data) or words of the title; finds closed cases too, newest first") String q,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
    LinliUser user = currentUser.get();
    Instant dueBefore = overdue ? EngineClock.now() : null;
    CaseStatus effective = overdue && status == null ? CaseStatus.OPEN : status;
    CaseFilter filter = new CaseFilter(user.scope(), effective, kind, category, division, dueBefore, state, urged)
        .withEverOverdue(everOverdue).withDepartment(department)
        .withDated(dated == null && from == null && to == null ? null
            : CaseFilter.Dated.days(dated == null ? CaseEventType.CREATED : dated, from, to, calendar.zone()))
        .withOpened(CaseFilter.Opened.of(openedAfter, openedBy));
    return q == null || q.isBlank() ? cases.cases(filter, page, size) : search.search(user, filter, q, page, size);
  }

  @GetMapping("/{number}")
  @Operation(summary = "A case of your area by its number, with open steps and timeline")
  CaseDetail get(@PathVariable String number) {
    CaseFile c = cases.visible(number, currentUser.get().scope());
    return new CaseDetail(c, c.isOverdue(EngineClock.now()), cases.openTasks(c.id()), cases.timeline(c.id()));
  }
}
