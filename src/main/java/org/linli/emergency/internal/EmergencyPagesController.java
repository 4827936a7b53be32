package org.linli.emergency.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseStatus;
import org.linli.emergency.EmergencyLevels;
import org.linli.emergency.EmergencyProcess;
import org.linli.emergency.EmergencyReports;
import org.linli.emergency.Incident;
import org.linli.emergency.IncidentLevel;
import org.linli.emergency.IncidentSubtype;
import org.linli.emergency.IncidentType;
import org.linli.organization.Division;
import org.linli.organization.OrganizationService;
import org.linli.security.CurrentUser;
import org.linli.security.LinliUser;
import org.linli.system.ConflictException;
import org.linli.system.EngineClock;
import org.linli.system.ForbiddenException;
import org.linli.system.InvalidInputException;
import org.linli.system.InvalidInputException.FieldError;
import org.linli.system.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.linli.calendar.WorkingCalendar;
import java.time.ZoneId;

/**
 * Workbench pages of the emergency response: the report (上报突发事件) a grid worker or any staff member
 * makes from the street, with photos, and the level change (调整响应级别) of a running emergency. Both go
 * through the same services as the API; a refused report comes back as typed with a message next to
 * each field, and nothing is written.
 */
@Controller
class EmergencyPagesController {

  static final String REPORT_PATH = "/emergency/report";

  /** One line of the error summary: the field's label and id to link to (null for the report as a whole), and the message. */
  record SummaryLine(String fieldId, String labelKey, String message) {}

  /** The report page's fields in page order: the error's field name, the control's id and its label. */
  private static final Map<String, String[]> REPORT_FIELDS = reportFields();

  private static Map<String, String[]> reportFields() {
    Map<String, String[]> f = new LinkedHashMap<>();
    f.put("phase", new String[] {"phase-INCIDENT", "emergency.report.phase"});
    f.put("type", new String[] {"subtype", "emergency.report.subtype"}); // the type is the sub-type's
    f.put("subtype", new String[] {"subtype", "emergency.report.subtype"});
    f.put("proposedLevel", new String[] {"proposedLevel", "emergency.report.level"});
    f.put("occurredAt", new String[] {"occurredAt", "emergency.report.occurredAt"});
    f.put("description", new String[] {"description", "emergency.report.description"});
    f.put("divisionCode", new String[] {"divisionCode", "emergency.report.division"});
    f.put("location", new String[] {"location", "emergency.report.location"});
    f.put("latitude", new String[] {"latitude", "emergency.report.latitude"});
    f.put("longitude", new String[] {"longitude", "emergency.report.longitude"});
    for (String n : List.of("dead", "injured", "missing", "trapped", "affected")) {
      f.put(n, new String[] {n, "emergency.report." + n});
    }
    f.put("estimatedLoss", new String[] {"estimatedLoss", "emergency.report.loss"});
    f.put("photos", new String[] {"photos", "emergency.report.photos"});
    f.put("file", new String[] {"photos", "emergency.report.photos"});
    f.put("drill", new String[] {"drill", "emergency.report.drill"});
    f.put("participants", new String[] {"participants-field", "emergency.report.participants"});
    return f;
  }

  /**
   * Every error of a refused report, in the order of the page: each field's with its label and a
   * link to it, then any the page has no field for (the report as a whole).
   */
  static List<SummaryLine> summary(Map<String, String> errors) {
    List<SummaryLine> out = new ArrayList<>();
    REPORT_FIELDS.forEach((field, idAndLabel) -> {
      if (errors.containsKey(field)) {
        out.add(new SummaryLine(idAndLabel[0], idAndLabel[1], errors.get(field)));
      }
    });
    errors.forEach((field, message) -> {
      if (!REPORT_FIELDS.containsKey(field)) {
        out.add(new SummaryLine(null, null, message));
      }
    });
    return out;
  }

  private final EmergencyReports reports;
  private final EmergencyLevels levels;
  private final ScenePhotos photos;
  private final CaseFiles cases;
  private final IncidentRepository incidents;
  private final OrganizationService organization;
  private final CurrentUser currentUser;
  private final ZoneId zone;

  EmergencyPagesController(EmergencyReports reports, EmergencyLevels levels, ScenePhotos photos, CaseFiles cases,
      IncidentRepository incidents, OrganizationService organization, CurrentUser currentUser, WorkingCalendar calendar) {
    this.zone = calendar.zone();
    this.reports = reports;
    this.levels = levels;
    this.photos = photos;
    this.cases = cases;
    this.incidents = incidents;
    this.organization = organization;
    this.currentUser = currentUser;
  }

  @GetMapping(REPORT_PATH)
  String reportPage(Model model) {
    LinliUser user = currentUser.get();
    List<Division> places = places(user);
    ReportForm form = new ReportForm();
    form.setOccurredAt(LocalDateTime.ofInstant(EngineClock.now(), zone).truncatedTo(ChronoUnit.MINUTES).toString());
    if (places.size() == 1) {
      form.setDivisionCode(places.get(0).code());
    }
    return render(model, user, places, form, Map.of());
  }

  @PostMapping(REPORT_PATH)
  String report(@ModelAttribute("form") ReportForm form,
      @RequestParam(name = "photos", required = false) List<MultipartFile> files, Model model, HttpServletResponse response)
      throws IOException {
    LinliUser user = currentUser.get();
    List<Division> places = places(user);
    ReportForm.Conversion conversion = form.toReport(zone);
    List<ScenePhotos.Photo> upload = new ArrayList<>();
    for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
      if (!f.isEmpty()) {
        upload.add(new ScenePhotos.Photo(f.getOriginalFilename(), f.getBytes()));
      }
    }
    List<FieldError> errors = new ArrayList<>(conversion.errors());
    if (!errors.isEmpty()) {
      // what could be read is checked too, so that one submission shows every mistake at once
      try {
        reports.check(conversion.report());
      } catch (InvalidInputException e) {
        e.errors().stream().filter(f -> errors.stream().noneMatch(g -> g.field().equals(f.field()))).forEach(errors::add);
      }
    } else {
      try {
        String number = photos.reportWithPhotos(conversion.report(), upload, user);
        return "redirect:/cases/" + number + "?reported";
      } catch (InvalidInputException e) {
        errors.addAll(e.errors());
      }
    }
    Map<String, String> byField = new LinkedHashMap<>();
    errors.forEach(f -> byField.merge(f.field(), f.message(), (a, b) -> a.equals(b) ? a : a + "；" + b));
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    return render(model, user, places, form, byField);
  }

  private String render(Model model, LinliUser user, List<Division> places, ReportForm form, Map<String, String> errors) {
    Map<IncidentType, List<IncidentSubtype>> subtypes = new LinkedHashMap<>();
    for (IncidentSubtype s : IncidentSubtype.values()) {
      subtypes.computeIfAbsent(s.type(), t -> new ArrayList<>()).add(s);
    }
    model.addAttribute("user", user);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("summary", summary(errors));
    model.addAttribute("places", places);
    model.addAttribute("subtypes", subtypes);
    model.addAttribute("levels", IncidentLevel.values());
    model.addAttribute("staff", drillStaff(form));
    return "work/emergency-report";
  }

  @GetMapping("/emergency/{number}/level")
  String levelPage(@PathVariable String number, Model model) {
    LinliUser user = currentUser.get();
    return renderLevel(model, user, emergency(number, user), null, null, null);
  }

  @PostMapping("/emergency/{number}/level")
  String changeLevel(@PathVariable String number, @RequestParam(required = false) String level,
      @RequestParam(required = false) String reason, Model model, HttpServletResponse response) {
    LinliUser user = currentUser.get();
    CaseFile c = emergency(number, user);
    try {
      levels.change(number, level, reason, user);
      return "redirect:/cases/" + number + "?levelChanged";
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      Map<String, String> byField = new LinkedHashMap<>();
      e.errors().forEach(f -> byField.put(f.field(), f.message()));
      return renderLevel(model, user, c, byField, level, reason);
    }
  }

  private String renderLevel(Model model, LinliUser user, CaseFile c, Map<String, String> errors, String level, String reason) {
    Incident incident = incidents.byCase(c.id()).orElseThrow(() -> new NotFoundException("no emergency " + c.caseNumber()));
    model.addAttribute("user", user);
    model.addAttribute("c", c);
    model.addAttribute("incident", incident);
    model.addAttribute("levels", IncidentLevel.values());
    model.addAttribute("errors", errors == null ? Map.of() : errors);
    model.addAttribute("chosen", level);
    model.addAttribute("reason", reason);
    return "work/emergency-level";
  }

  private CaseFile emergency(String number, LinliUser user) {
    CaseFile c = cases.visible(number, user.scope());
    if (!EmergencyProcess.KIND.equals(c.kind())) {
      throw new NotFoundException("没有这个突发事件 no emergency " + number);
    }
    return c;
  }

  /**
   * Whom the drill picker offers: exactly those a drill may name (every active member of staff, the
   * rule of {@link EmergencyReports#check}), by name; a name the last submission gave that is not
   * among them stays in the list, chosen, so that its error has something to point at.
   */
  private List<PickerEntry> drillStaff(ReportForm form) {
    List<PickerEntry> out = new ArrayList<>();
    java.util.Set<String> chosen = new java.util.LinkedHashSet<>(form.getParticipants());
    organization.activeStaff().forEach(s -> out.add(new PickerEntry(s.username(), s.name() + "（" + s.username() + "）",
        chosen.remove(s.username()))));
    chosen.stream().filter(u -> u != null && !u.isBlank()).forEach(u -> out.add(new PickerEntry(u, u, true)));
    return out;
  }

  /** One member of staff in the drill picker. */
  record PickerEntry(String username, String label, boolean chosen) {}

  /** Where the user may report: the villages and townships of their area. */
  List<Division> places(LinliUser user) {
    List<Division> out = places(user, organization);
    if (out.isEmpty()) {
      throw new ForbiddenException("只有基层和部门工作人员可以上报突发事件 only staff with an area report emergencies");
    }
    return out;
  }

  static List<Division> places(LinliUser user, OrganizationService organization) {
    return organization.divisions().stream().filter(d -> user.scope().covers(d.code(), null)).toList();
  }

  /** Whether the user may open the level page of this case now. */
  static boolean mayChangeLevel(LinliUser user, CaseFile c) {
    return c.status() == CaseStatus.OPEN && EmergencyLevels.mayChange(user, c.divisionCode());
  }

  @ExceptionHandler({ForbiddenException.class, NotFoundException.class, ConflictException.class})
  ModelAndView refused(RuntimeException e) {
    HttpStatus status = e instanceof ForbiddenException ? HttpStatus.FORBIDDEN
        : e instanceof NotFoundException ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT;
    ModelAndView mv = new ModelAndView("work/error");
    mv.setStatus(status);
    mv.addObject("titleKey", status == HttpStatus.FORBIDDEN ? "error.forbidden" : status == HttpStatus.NOT_FOUND ? "error.notFound" : "error.invalid");
    mv.addObject("detail", e.getMessage());
    mv.addObject("status", status.value());
    mv.addObject("user", currentUser.get());
    return mv;
  }
}
