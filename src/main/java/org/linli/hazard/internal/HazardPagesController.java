package org.linli.hazard.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.linli.hazard.HazardPoint;
import org.linli.hazard.HazardPoints;
import org.linli.hazard.HazardType;
import org.linli.organization.Division;
import org.linli.security.CurrentUser;
import org.linli.security.LinliUser;
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
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The workbench page of hazard points (隐患点): the points of the user's area with filters by village
 * and type, read-only for those who may not write; registration and a per-row change of cycle, next
 * date and active for the township of the place and emergency management. Both go through
 * {@link HazardPoints} exactly as the API does; refused input comes back as typed with a message
 * next to each field, and nothing is written.
 */
@Controller
class HazardPagesController {

  static final String PATH = "/emergency/hazards";

  private final HazardPoints points;
  private final CurrentUser currentUser;

  HazardPagesController(HazardPoints points, CurrentUser currentUser) {
    this.points = points;
    this.currentUser = currentUser;
  }

  /** What the page shows besides the list: the registration form and, after a refused change, that row's form. */
  private record State(HazardForm form, Map<String, String> errors, Long editId, HazardForm edit, Map<String, String> editErrors) {
    static State fresh() {
      return new State(new HazardForm(), Map.of(), null, null, Map.of());
    }
  }

  @GetMapping(PATH)
  String page(@RequestParam(required = false) String village, @RequestParam(required = false) String type,
      @RequestParam(required = false) Long registered, @RequestParam(required = false) Long changed, Model model) {
    LinliUser user = viewer();
    model.addAttribute("registered", registered);
    model.addAttribute("changed", changed);
    return render(model, user, village, type, State.fresh());
  }

  @PostMapping(PATH)
  String register(@ModelAttribute("form") HazardForm form, Model model, HttpServletResponse response) {
    LinliUser user = viewer();
    if (!points.mayWriteSomewhere(user)) {
      throw forbidden();
    }
    HazardForm.Conversion conversion = form.toRegistration();
    List<FieldError> errors = new ArrayList<>(conversion.errors());
    if (errors.isEmpty()) {
      try {
        HazardPoint p = points.register(conversion.input(), user);
        return "redirect:" + PATH + "?registered=" + p.id();
      } catch (InvalidInputException e) {
        errors.addAll(e.errors());
      }
    }
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    return render(model, user, null, null, new State(form, byField(errors), null, null, Map.of()));
  }

  @PostMapping(PATH + "/{id}")
  String change(@PathVariable long id, @ModelAttribute("edit") HazardForm edit,
      @RequestParam(required = false) String village, @RequestParam(required = false) String type, Model model,
      HttpServletResponse response) {
    LinliUser user = viewer();
    HazardPoint p = points.visible(id, user);
    if (!points.mayWrite(p.divisionCode(), user)) {
      throw forbidden();
    }
    HazardForm.Conversion conversion = edit.toChange(p.nextInspectionOn());
    List<FieldError> errors = new ArrayList<>(conversion.errors());
    if (errors.isEmpty()) {
      try {
        points.change(id, conversion.input(), user);
        return "redirect:" + UriComponentsBuilder.fromPath(PATH).queryParamIfPresent("village", nonBlank(village))
            .queryParamIfPresent("type", nonBlank(type)).queryParam("changed", id).build().encode().toUriString();
      } catch (InvalidInputException e) {
        errors.addAll(e.errors());
      }
    }
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    return render(model, user, village, type, new State(new HazardForm(), Map.of(), id, edit, byField(errors)));
  }

  private String render(Model model, LinliUser user, String village, String type, State state) {
    String villageFilter = nonBlank(village).orElse(null);
    HazardType typeFilter = null;
    try {
      typeFilter = type == null || type.isBlank() ? null : HazardType.valueOf(type.strip());
    } catch (IllegalArgumentException e) {
      // an unknown type filters nothing
    }
    List<HazardPoint> list = points.list(user, villageFilter, typeFilter);
    List<Division> writable = points.writableVillages(user);
    Set<String> writableCodes = writable.stream().map(Division::code).collect(Collectors.toSet());
    Map<Long, HazardForm> edits = new LinkedHashMap<>();
    for (HazardPoint p : list) {
      if (writableCodes.contains(p.divisionCode())) {
        edits.put(p.id(), state.editId() != null && state.editId() == p.id() ? state.edit() : HazardForm.of(p));
      }
    }
    if (state.form().getDivisionCode() == null && writable.size() == 1) {
      state.form().setDivisionCode(writable.get(0).code());
    }
    model.addAttribute("user", user);
    model.addAttribute("points", list);
    model.addAttribute("villages", points.villages(user));
    model.addAttribute("writable", writable);
    model.addAttribute("edits", edits);
    model.addAttribute("types", HazardType.values());
    model.addAttribute("filterVillage", villageFilter);
    model.addAttribute("filterType", typeFilter == null ? null : typeFilter.name());
    model.addAttribute("form", state.form());
    model.addAttribute("errors", state.errors());
    model.addAttribute("editId", state.editId());
    model.addAttribute("editErrors", state.editErrors());
    model.addAttribute("today", points.today());
    return "work/hazards";
  }

  /** Staff with an area; others have nothing to see here. */
  private LinliUser viewer() {
    LinliUser user = currentUser.get();
    if (user.scope().isEmpty()) {
      throw new ForbiddenException("只有有辖区的工作人员可以查看隐患点 only staff with an area see hazard points");
    }
    return user;
  }

  private static ForbiddenException forbidden() {
    return new ForbiddenException("只有所在乡镇（街道）或应急管理局可以登记和调整隐患点 only the township of the place or"
        + " emergency management may register or change hazard points there");
  }

  private static Map<String, String> byField(List<FieldError> errors) {
    Map<String, String> out = new LinkedHashMap<>();
    errors.forEach(f -> out.merge(f.field(), f.message(), (a, b) -> a.equals(b) ? a : a + "；" + b));
    return out;
  }

  private static java.util.Optional<String> nonBlank(String s) {
    return s == null || s.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(s.strip());
  }

  @ExceptionHandler({ForbiddenException.class, NotFoundException.class})
  ModelAndView refused(RuntimeException e) {
    HttpStatus status = e instanceof ForbiddenException ? HttpStatus.FORBIDDEN : HttpStatus.NOT_FOUND;
    ModelAndView mv = new ModelAndView("work/error");
    mv.setStatus(status);
    mv.addObject("titleKey", status == HttpStatus.FORBIDDEN ? "error.forbidden" : "error.notFound");
    mv.addObject("detail", e.getMessage());
    mv.addObject("status", status.value());
    mv.addObject("user", currentUser.get());
    return mv;
  }
}
