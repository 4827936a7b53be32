package org.linli.request.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.organization.Division;
import org.linli.organization.OrganizationService;
import org.linli.organization.Role;
import org.linli.request.RequestCategories;
import org.linli.request.RequestCategory;
import org.linli.request.RequestIntake;
import org.linli.request.RequestProcess;
import org.linli.security.CurrentUser;
import org.linli.security.LinliUser;
import org.linli.system.ForbiddenException;
import org.linli.system.InvalidInputException;
import org.linli.system.InvalidInputException.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

/**
 * The workbench page where a grid worker reports an everyday issue from the street (网格上报), on a
 * phone. It goes through {@link RequestIntake#submitByStaff} as {@code POST /api/requests} does, on
 * the channel GRID, which the server sets; the village is picked from the grid worker's own
 * villages. A refused report comes back as typed, with every mistake listed and at its field, and
 * nothing is written; a filed one comes back to an empty form that names the new case.
 */
@Controller
class GridReportController {

  static final String PATH = "/requests/report";

  /** One line of the error summary: the field's id and label key to link to (null for the report as a whole), and the message. */
  record SummaryLine(String fieldId, String labelKey, String message) {}

  /** The page's fields in page order: the error's field name, the control's id and its label. */
  private static final Map<String, String[]> FIELDS = fields();

  private static Map<String, String[]> fields() {
    Map<String, String[]> f = new LinkedHashMap<>();
    f.put("categoryCode", new String[] {"categoryCode", "request.report.category"});
    f.put("title", new String[] {"title", "request.report.titleField"});
    f.put("description", new String[] {"description", "request.report.description"});
    f.put("divisionCode", new String[] {"divisionCode", "request.report.division"});
    f.put("address", new String[] {"address", "request.report.address"});
    f.put("latitude", new String[] {"latitude", "request.report.latitude"});
    f.put("longitude", new String[] {"longitude", "request.report.longitude"});
    f.put("reporter", new String[] {"reporter-SELF", "request.report.reporter"});
    f.put("residentName", new String[] {"residentName", "request.report.residentName"});
    f.put("residentPhone", new String[] {"residentPhone", "request.report.residentPhone"});
    f.put("photos", new String[] {"photos", "request.report.photos"});
    return f;
  }

  private final GridReports reports;
  private final RequestIntake intake;
  private final RequestCategories categories;
  private final OrganizationService organization;
  private final CaseFiles cases;
  private final CurrentUser currentUser;

  GridReportController(GridReports reports, RequestIntake intake, RequestCategories categories, OrganizationService organization,
      CaseFiles cases, CurrentUser currentUser) {
    this.reports = reports;
    this.intake = intake;
    this.categories = categories;
    this.organization = organization;
    this.cases = cases;
    this.currentUser = currentUser;
  }

  @GetMapping(PATH)
  String page(@RequestParam(required = false) String filed, Model model) {
    LinliUser user = currentUser.get();
    List<Division> villages = villagesOf(user);
    GridReportForm form = new GridReportForm();
    if (villages.size() == 1) {
      form.setDivisionCode(villages.get(0).code());
    }
    model.addAttribute("filed", filed(filed, user).orElse(null));
    return render(model, user, villages, form, Map.of());
  }

  @PostMapping(PATH)
  String report(@ModelAttribute("form") GridReportForm form,
      @RequestParam(name = "photos", required = false) List<MultipartFile> files, Model model, HttpServletRequest http,
      HttpServletResponse response) throws IOException {
    LinliUser user = currentUser.get();
    List<Division> villages = villagesOf(user);
    GridReportForm.Conversion conversion = form.toIntake(organization.staff(user.username()).orElse(null));
    List<GridReports.Photo> photos = new ArrayList<>();
    for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
      if (!f.isEmpty()) {
        photos.add(new GridReports.Photo(f.getOriginalFilename(), f.getBytes()));
      }
    }
    List<FieldError> errors = new ArrayList<>(conversion.errors());
    HttpStatus status = HttpStatus.BAD_REQUEST;
    if (errors.isEmpty()) {
      try {
        RequestIntake.Receipt receipt = reports.report(conversion.intake(), photos, user);
        // Post/Redirect/Get: a reload shows the receipt again and files nothing twice
        http.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.SEE_OTHER);
        return "redirect:" + PATH + "?filed=" + receipt.caseNumber();
      } catch (InvalidInputException e) {
        errors.addAll(e.errors());
      } catch (ForbiddenException e) {
        // a village outside the grid (not one the picker offers): refused at the field, nothing written
        status = HttpStatus.FORBIDDEN;
        errors.add(new FieldError("divisionCode", e.getMessage()));
      }
    } else {
      // what could be read is checked too, so that one submission shows every mistake at once
      List<String> unreadable = errors.stream().map(FieldError::field).toList();
      intake.problems(conversion.intake()).stream().filter(f -> !unreadable.contains(f.field())).forEach(errors::add);
      errors.addAll(reports.photoProblems(photos));
    }
    Map<String, String> byField = new LinkedHashMap<>();
    errors.forEach(f -> byField.merge(f.field(), f.message(), (a, b) -> a.equals(b) ? a : a + "；" + b));
    response.setStatus(status.value());
    return render(model, user, villages, form, byField);
  }

  private String render(Model model, LinliUser user, List<Division> villages, GridReportForm form, Map<String, String> errors) {
    model.addAttribute("user", user);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("summary", summary(errors));
    model.addAttribute("villages", villages);
    model.addAttribute("categories", categories.all().stream().filter(RequestCategory::active).toList());
    model.addAttribute("maxPhotos", GridReports.MAX_PHOTOS);
    return "work/request-report";
  }

  /** A case this page just filed, if the user may see it: the receipt at the top of a fresh form. */
  private Optional<CaseFile> filed(String number, LinliUser user) {
    if (number == null || !number.matches("[A-Z]{2}\\d{4}-\\d{6}")) {
      return Optional.empty();
    }
    return cases.byNumber(number)
        .filter(c -> RequestProcess.KIND.equals(c.kind()) && user.scope().covers(c.divisionCode(), c.departmentCode()));
  }

  /** Every error of a refused report, in the order of the page, then any the page has no field for. */
  static List<SummaryLine> summary(Map<String, String> errors) {
    List<SummaryLine> out = new ArrayList<>();
    FIELDS.forEach((field, idAndLabel) -> {
      if (errors.containsKey(field)) {
        out.add(new SummaryLine(idAndLabel[0], idAndLabel[1], errors.get(field)));
      }
    });
    errors.forEach((field, message) -> {
      if (!FIELDS.containsKey(field)) {
        out.add(new SummaryLine(null, null, message));
      }
    });
    return out;
  }

  /**
   * The villages where the user is a grid worker: the only ones this page reports for (the intake
   * checks again for the village chosen).
   *
   * @throws ForbiddenException for everybody else
   */
  List<Division> villagesOf(LinliUser user) {
    List<Division> out = gridVillages(user, organization);
    if (out.isEmpty()) {
      throw new ForbiddenException("只有网格员可以网格上报 only grid workers file grid reports");
    }
    return out;
  }

  static List<Division> gridVillages(LinliUser user, OrganizationService organization) {
    return organization.villagesWhere(user.groups(), Role.GRID_WORKER);
  }

  @ExceptionHandler(ForbiddenException.class)
  ModelAndView forbidden(ForbiddenException e) {
    ModelAndView mv = new ModelAndView("work/error");
    mv.setStatus(HttpStatus.FORBIDDEN);
    mv.addObject("titleKey", "error.forbidden");
    mv.addObject("detail", e.getMessage());
    mv.addObject("status", HttpStatus.FORBIDDEN.value());
    mv.addObject("user", currentUser.get());
    return mv;
  }
}
