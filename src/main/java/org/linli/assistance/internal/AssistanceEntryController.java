package org.linli.assistance.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linli.assistance.AssistanceFiles;
import org.linli.assistance.AssistanceIntake;
import org.linli.assistance.Employment;
import org.linli.assistance.EntryChannel;
import org.linli.assistance.Programme;
import org.linli.assistance.Relation;
import org.linli.organization.Division;
import org.linli.organization.OrganizationService;
import org.linli.organization.Role;
import org.linli.security.CurrentUser;
import org.linli.security.LinliUser;
import org.linli.system.ForbiddenException;
import org.linli.system.InvalidInputException;
import org.linli.system.InvalidInputException.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The workbench page where a village caseworker enters a household's application (录入救助申请). It
 * goes through {@link AssistanceIntake} exactly as {@code POST /api/assistance/applications} does; a
 * refused application comes back with everything as typed and a message next to each field, and
 * nothing is written. Attachments are added on the new case's page.
 */
@Controller
class AssistanceEntryController {

  static final String PATH = "/assistance/apply";

  private final AssistanceIntake intake;
  private final AssistanceFiles files;
  private final OrganizationService organization;
  private final CurrentUser currentUser;

  AssistanceEntryController(AssistanceIntake intake, AssistanceFiles files, OrganizationService organization,
      CurrentUser currentUser) {
    this.intake = intake;
    this.files = files;
    this.organization = organization;
    this.currentUser = currentUser;
  }

  /** Messages by input name; those without an input of their own are listed above the form too. */
  record Errors(Map<String, String> byField, List<FieldError> unplaced) {

    static final Errors NONE = new Errors(Map.of(), List.of());

    public String at(String field) {
      return byField.get(field);
    }

    public boolean any() {
      return !byField.isEmpty();
    }
  }

  @InitBinder("form")
  void binder(WebDataBinder binder) {
    // the page offers 20 rows and the checks say so for 21 and more; a row number far beyond is refused below
    binder.setAutoGrowCollectionLimit(ApplicationForm.MAX_ROWS);
  }

  @GetMapping(PATH)
  String page(Model model) {
    LinliUser user = currentUser.get();
    List<Division> villages = villagesOf(user);
    return render(model, user, villages, ApplicationForm.blank(villages.size() == 1 ? villages.get(0).code() : null), Errors.NONE);
  }

  @PostMapping(PATH)
  String apply(@ModelAttribute("form") ApplicationForm form, BindingResult binding, Model model, HttpServletResponse response) {
    LinliUser user = currentUser.get();
    List<Division> villages = villagesOf(user);
    form.dropEmptyRows();
    ApplicationForm.Conversion conversion = form.toApplication();
    List<FieldError> unreadable = new ArrayList<>(conversion.errors());
    binding.getFieldErrors().forEach(e -> unreadable.add(new FieldError(e.getField(), "无法读取 cannot be read")));
    List<FieldError> checked = List.of();
    try {
      if (unreadable.isEmpty()) {
        // the same path as the REST API: every check, then case and household in one transaction
        AssistanceIntake.Receipt receipt = intake.apply(conversion.application(), user, form.isUrgent());
        return "redirect:/cases/" + receipt.caseNumber() + "?entered";
      }
      files.check(conversion.application()); // what else is wrong, to show it all at once
    } catch (InvalidInputException e) {
      checked = e.errors();
    }
    List<FieldError> all = new ArrayList<>(unreadable);
    Set<String> unreadableFields = new java.util.HashSet<>(unreadable.stream().map(FieldError::field).toList());
    // "give the income" says nothing about "12a": the message about what was typed wins
    checked.stream().filter(f -> !unreadableFields.contains(f.field())).forEach(all::add);
    if (form.isUrgent() && !Programme.LINSHI.name().equals(form.getProgramme()) && all.stream().noneMatch(f -> f.field().equals("urgent"))) {
      // the intake's rule, shown together with the others instead of after them
      all.add(new FieldError("urgent", "先行救助仅适用于临时救助 urgent help is for temporary assistance (LINSHI) only"));
    }
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    return render(model, user, villages, form, errors(all, form.inputNames()));
  }

  /** A row number beyond {@link ApplicationForm#MAX_ROWS}: not from this page. */
  @ExceptionHandler(org.springframework.beans.InvalidPropertyException.class)
  ModelAndView unreadable(org.springframework.beans.InvalidPropertyException e) {
    ModelAndView mv = new ModelAndView("work/error");
    mv.setStatus(HttpStatus.BAD_REQUEST);
    mv.addObject("titleKey", "error.invalid");
    mv.addObject("detail", "表单内容无法读取（行数过多） the form cannot be read (too many rows)");
    mv.addObject("status", HttpStatus.BAD_REQUEST.value());
    return mv;
  }

  @ExceptionHandler(ForbiddenException.class)
  ModelAndView forbidden(ForbiddenException e) {
    ModelAndView mv = new ModelAndView("work/error");
    mv.setStatus(HttpStatus.FORBIDDEN);
    mv.addObject("titleKey", "error.forbidden");
    mv.addObject("detail", e.getMessage());
    mv.addObject("status", HttpStatus.FORBIDDEN.value());
    return mv;
  }

  private String render(Model model, LinliUser user, List<Division> villages, ApplicationForm form, Errors errors) {
    model.addAttribute("user", user);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("villages", villages);
    model.addAttribute("programmes", Programme.values());
    model.addAttribute("channels", EntryChannel.values());
    model.addAttribute("relations", Relation.values());
    model.addAttribute("employments", Employment.values());
    model.addAttribute("maxMembers", 20);
    return "work/assistance-apply";
  }

  private static Errors errors(List<FieldError> all, List<String> inputs) {
    Map<String, String> byField = new LinkedHashMap<>();
    List<FieldError> unplaced = new ArrayList<>();
    for (FieldError f : all) {
      byField.merge(f.field(), f.message(), (a, b) -> a.equals(b) ? a : a + "；" + b);
      if (!inputs.contains(f.field())) {
        unplaced.add(f);
      }
    }
    return new Errors(byField, unplaced);
  }

  /**
   * The villages where the user is a caseworker: only they enter applications (the intake checks
   * again for the village chosen).
   *
   * @throws ForbiddenException for everybody else
   */
  List<Division> villagesOf(LinliUser user) {
    List<Division> out = caseworkerVillages(user, organization);
    if (out.isEmpty()) {
      throw new ForbiddenException("只有村社区工作人员可以录入救助申请 only village and community caseworkers enter assistance applications");
    }
    return out;
  }

  static List<Division> caseworkerVillages(LinliUser user, OrganizationService organization) {
    return organization.villagesWhere(user.groups(), Role.CASEWORKER);
  }
}
