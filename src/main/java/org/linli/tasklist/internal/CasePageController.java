package org.linli.tasklist.internal;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.linli.casefile.CaseAttachment;
import org.linli.casefile.CaseAttachments;
import org.linli.casefile.CaseEventType;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseTask;
import org.linli.security.CurrentUser;
import org.linli.security.LinliUser;
import org.linli.system.EngineClock;
import org.linli.system.InvalidInputException;
import org.linli.system.NotFoundException;
import org.linli.supervision.Urging;
import org.linli.tasklist.TaskActions;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The case page: the record, the diagram with the current step, the timeline, comments,
 * attachments, and what the user may do now. Cases outside the user's area are "not found".
 */
@Controller
class CasePageController {

  private final CaseFiles cases;
  private final TaskActions tasks;
  private final CurrentUser currentUser;
  private final HistoryService history;
  private final RepositoryService repository;
  private final CaseAttachments attachments;
  private final WorkbenchModel work;
  private final Urging urging;
  private final org.springframework.transaction.support.TransactionTemplate tx;

  CasePageController(CaseFiles cases, TaskActions tasks, CurrentUser currentUser, HistoryService history,
      RepositoryService repository, CaseAttachments attachments, WorkbenchModel work, Urging urging,
      org.springframework.transaction.PlatformTransactionManager transactions) {
    this.work = work;
    this.urging = urging;
    this.tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
    this.cases = cases;
    this.tasks = tasks;
    this.currentUser = currentUser;
    this.history = history;
    this.repository = repository;
    this.attachments = attachments;
  }

  /** An open step as the case page shows it: whether the user may act, and whom it can go to. */
  record StepView(CaseTask task, boolean mine, boolean mayAct, List<org.linli.organization.StaffMember> colleagues) {}

  @GetMapping("/cases/{number}")
  @org.springframework.transaction.annotation.Transactional
  String show(@PathVariable String number, Model model, java.util.Locale locale) {
    return render(currentUser.get(), number, model, locale);
  }

  /**
   * A supervisor of the case's area urges it (督办) with a note, as {@code POST /api/cases/{number}/urge}
   * does. A refused urging comes back to the page with the note as typed and the reason; nobody
   * else gets a form, and their post is refused (403) with nothing recorded.
   */
  @PostMapping("/cases/{number}/urge")
  String urge(@PathVariable String number, @RequestParam(required = false) String note, Model model,
      java.util.Locale locale, jakarta.servlet.http.HttpServletRequest http, jakarta.servlet.http.HttpServletResponse response) {
    LinliUser user = currentUser.get();
    org.springframework.http.HttpStatus status;
    String error;
    try {
      urging.urge(user, number, note);
      http.setAttribute(org.springframework.web.servlet.View.RESPONSE_STATUS_ATTRIBUTE, org.springframework.http.HttpStatus.SEE_OTHER);
      return "redirect:/cases/" + number + "?urged";
    } catch (InvalidInputException e) {
      status = org.springframework.http.HttpStatus.BAD_REQUEST;
      error = e.errors().get(0).message();
    } catch (org.linli.system.ConflictException e) {
      status = org.springframework.http.HttpStatus.CONFLICT;
      error = e.getMessage();
    }
    response.setStatus(status.value());
    model.addAttribute("urgeNote", note);
    model.addAttribute("urgeError", error);
    return tx.execute(s -> render(user, number, model, locale));
  }

  private String render(LinliUser user, String number, Model model, java.util.Locale locale) {
    CaseFile c = cases.visible(number, user.scope());
    List<StepView> steps = cases.openTasks(c.id()).stream()
        .map(t -> new StepView(t, user.username().equals(t.assignee()),
            tasks.mayAct(user, t) && (t.assignee() == null || t.assignee().equals(user.username())), tasks.colleagues(user, t)))
        .toList();
    model.addAttribute("c", c);
    model.addAttribute("steps", steps);
    model.addAttribute("timeline", cases.timeline(c.id()));
    model.addAttribute("user", user);
    model.addAttribute("now", EngineClock.now());
    model.addAttribute("active", steps.stream().map(s -> s.task().activityId()).distinct().toList());
    model.addAttribute("done", doneActivities(c));
    model.addAttribute("attachments", attachments.list(c.id()));
    // personal data whole only for staff acting on the case, and logged: computed here, in a transaction
    var record = work.pageRecord(c.kind(), c.id(), user, locale);
    model.addAttribute("details", record.details());
    model.addAttribute("sections", record.sections());
    model.addAttribute("mayUrge", urging.mayUrge(user, c));
    return "work/case";
  }

  /** Staff attach photos and documents (size and type limits in linli.attachments); recorded on the timeline. */
  @PostMapping("/cases/{number}/attachments")
  @org.springframework.transaction.annotation.Transactional
  String upload(@PathVariable String number, @RequestParam(name = "file", required = false) MultipartFile file)
      throws java.io.IOException {
    LinliUser user = currentUser.get();
    CaseFile c = cases.visible(number, user.scope());
    if (file == null || file.isEmpty()) {
      throw new InvalidInputException("file", "请选择文件 choose a file");
    }
    CaseAttachment a = attachments.add(c.id(), file.getOriginalFilename(), file.getContentType(), file.getBytes(),
        user.username(), false);
    cases.record(c.id(), CaseEventType.COMMENTED, c.currentStep(), c.currentStepName(), user.username(), null,
        "附件 attachment: " + a.fileName());
    return "redirect:/cases/" + number + "#attachments";
  }

  @GetMapping("/cases/{number}/attachments/{id}")
  ResponseEntity<byte[]> download(@PathVariable String number, @PathVariable long id) {
    CaseFile c = cases.visible(number, currentUser.get().scope());
    CaseAttachments.Content content = attachments.content(id);
    if (content.attachment().caseId() != c.id()) {
      throw new NotFoundException("no attachment " + id + " on case " + number);
    }
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(content.attachment().contentType()))
        .header("Content-Disposition", org.springframework.http.ContentDisposition.attachment()
            .filename(content.attachment().fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(content.bytes());
  }

  /** The process model the case runs on, for the diagram viewer, its names in the page's language. */
  @GetMapping(value = "/cases/{number}/diagram.bpmn", produces = MediaType.APPLICATION_XML_VALUE)
  ResponseEntity<byte[]> diagram(@PathVariable String number, java.util.Locale locale) throws java.io.IOException {
    CaseFile c = cases.visible(number, currentUser.get().scope());
    HistoricProcessInstance pi = history.createHistoricProcessInstanceQuery().processInstanceId(c.processInstanceId()).singleResult();
    if (pi == null) {
      throw new NotFoundException("no process for case " + number);
    }
    try (var in = repository.getProcessModel(pi.getProcessDefinitionId())) {
      String xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
          .body(inLanguage(xml, locale).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("(\\sname=\")([^\"]*)(\")");

  /** Shows one half of each "中文 English" name; an element's name is all a diagram draws. */
  static String inLanguage(String xml, java.util.Locale locale) {
    return NAME.matcher(xml).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group(1)
        + org.springframework.web.util.HtmlUtils.htmlEscape(
            org.linli.system.Bilingual.in(org.springframework.web.util.HtmlUtils.htmlUnescape(m.group(2)), locale), "UTF-8")
        + m.group(3)));
  }

  @PostMapping("/cases/{number}/comments")
  String comment(@PathVariable String number, @RequestParam(required = false) String text) {
    LinliUser user = currentUser.get();
    CaseFile c = cases.visible(number, user.scope());
    String body = text == null ? "" : text.strip();
    if (body.isEmpty() || body.length() > 2000) {
      throw new InvalidInputException("text", "请填写意见, 最多2000字 write a comment of at most 2000 characters");
    }
    cases.record(c.id(), CaseEventType.COMMENTED, c.currentStep(), c.currentStepName(), user.username(), null, body);
    return "redirect:/cases/" + number + "#timeline";
  }

  private List<String> doneActivities(CaseFile c) {
    Set<String> ids = history.createHistoricActivityInstanceQuery().processInstanceId(c.processInstanceId()).finished().list()
        .stream()
        .map(HistoricActivityInstance::getActivityId)
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    return List.copyOf(ids);
  }
}
