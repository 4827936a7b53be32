package org.linli.supervision.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linli.casefile.CaseFile;
import org.linli.casefile.Page;
import org.linli.organization.DivisionLevel;
import org.linli.organization.PlaceNames;
import org.linli.organization.Unit;
import org.linli.security.CurrentUser;
import org.linli.security.LinliUser;
import org.linli.supervision.Card;
import org.linli.supervision.CardOrder;
import org.linli.supervision.Cards;
import org.linli.system.ForbiddenException;
import org.linli.system.InvalidInputException;
import org.linli.system.InvalidInputException.FieldError;
import org.linli.system.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

/**
 * 亮牌警示 on the workbench: the cards of the user's area with the cases they name, and for
 * supervisors the form that issues one. The unit is picked first (a plain GET, so that the page
 * lists that unit's overdue work to tick); issuing goes through {@link Cards#issue} exactly as the
 * API does. A refused card comes back as typed, each mistake at its field, and nothing is recorded.
 */
@Controller
class CardsPageController {

  static final String PATH = "/supervision/cards";

  /** A unit as the picker offers it; a township stands for itself beside its villages. */
  record UnitOption(String key, String name, boolean township) {}

  /** What the issuing form shows: the unit picked, its overdue work, and what was typed. */
  record IssueForm(Unit unit, String unitName, List<CaseFile> work, String colour, String reason, List<String> cases) {}

  private final Cards cards;
  private final CurrentUser currentUser;

  CardsPageController(Cards cards, CurrentUser currentUser) {
    this.cards = cards;
    this.currentUser = currentUser;
  }

  @GetMapping(PATH)
  String page(@RequestParam(required = false) String unit, @RequestParam(required = false) Long card,
      @RequestParam(required = false) Long issued, @RequestParam(defaultValue = "0") int page, Model model) {
    LinliUser user = currentUser.get();
    IssueForm form = null;
    Map<String, String> errors = new LinkedHashMap<>();
    if (unit != null && !unit.isBlank() && cards.mayIssue(user)) {
      Unit picked = Unit.parse(unit).filter(u -> cards.mayCard(user, u)).orElse(null);
      if (picked == null) {
        errors.put("unit", "请选择本辖区的下级单位 choose a unit below your own area");
      } else {
        form = new IssueForm(picked, cards.unitName(picked),
            cards.overdueWork(user, picked.divisionCode(), picked.departmentCode()), "YELLOW", "", List.of());
      }
    }
    model.addAttribute("issued", issued);
    return render(model, user, form, errors, card, page);
  }

  @PostMapping(PATH)
  String issue(@RequestParam(required = false) String unit, @RequestParam(required = false) String colour,
      @RequestParam(required = false) String reason, @RequestParam(name = "cases", required = false) List<String> cases,
      @RequestParam(required = false) String submission, Model model, HttpServletRequest http, HttpServletResponse response) {
    LinliUser user = currentUser.get();
    if (!cards.mayIssue(user)) {
      throw new ForbiddenException("只有督查人员可以亮牌 only supervisors issue cards");
    }
    List<String> ticked = cases == null ? List.of() : cases;
    Unit picked = Unit.parse(unit).orElse(null);
    Map<String, String> errors = new LinkedHashMap<>();
    HttpStatus status = HttpStatus.BAD_REQUEST;
    try {
      Card c;
      try {
        c = cards.issue(user, new CardOrder(colour, picked == null ? unit : picked.divisionCode(),
            picked == null ? null : picked.departmentCode(), reason, ticked), submission);
      } catch (DuplicateKeyException e) {
        // a double click's second post raced the first on another thread: the first issued the card
        c = cards.issuedBy(user, submission).orElseThrow(() -> e);
      }
      // Post/Redirect/Get: a reload shows the card and issues nothing twice
      http.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.SEE_OTHER);
      return "redirect:" + PATH + "?issued=" + c.id() + "#card-" + c.id();
    } catch (InvalidInputException e) {
      errors.putAll(byField(e.errors()));
      // the page's unit is one picker, the API's two fields
      String unitError = errors.remove("divisionCode");
      if (unitError != null) {
        errors.put("unit", unitError);
      }
    } catch (ForbiddenException e) {
      // a unit the picker does not offer: refused at the field, nothing recorded
      status = HttpStatus.FORBIDDEN;
      errors.put("unit", e.getMessage());
    }
    IssueForm form = null;
    if (picked != null && cards.mayCard(user, picked)) {
      form = new IssueForm(picked, cards.unitName(picked), cards.overdueWork(user, picked.divisionCode(), picked.departmentCode()),
          colour, reason, ticked);
    }
    response.setStatus(status.value());
    // nothing was issued: the form posted again is the same submission, and may keep its key
    model.addAttribute("submission", submission);
    return render(model, user, form, errors, null, 0);
  }

  private String render(Model model, LinliUser user, IssueForm form, Map<String, String> errors, Long card, int page) {
    model.addAttribute("user", user);
    model.addAttribute("now", org.linli.system.EngineClock.now());
    model.addAttribute("mayIssue", cards.mayIssue(user));
    model.addAttribute("units", cards.mayIssue(user) ? options(user) : Map.of());
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    if (!model.containsAttribute("submission") || model.getAttribute("submission") == null) {
      // one key per form shown: its posts issue one card, however often the button is pressed
      model.addAttribute("submission", java.util.UUID.randomUUID().toString());
    }
    if (card != null) {
      Card one = cards.get(user, card);
      model.addAttribute("one", one);
      model.addAttribute("cards", new Page<Card>(List.of(one), 0, 1, 1));
    } else {
      model.addAttribute("cards", cards.list(user, page, 20));
    }
    return "work/cards";
  }

  /**
   * The units a supervisor may card, grouped: the county's departments (under ""), then each
   * township with its villages.
   */
  private Map<String, List<UnitOption>> options(LinliUser user) {
    Map<String, List<UnitOption>> groups = new LinkedHashMap<>();
    PlaceNames names = cards.names(); // a county offers hundreds of units: not a query per name
    for (Unit u : cards.units(user)) {
      String group = u.isDepartment() ? "" : names.division(u.townshipCode());
      String name = names.unit(u);
      groups.computeIfAbsent(group, k -> new ArrayList<>()).add(new UnitOption(u.key(), name, u.level() == DivisionLevel.TOWNSHIP));
    }
    return groups;
  }

  private static Map<String, String> byField(List<FieldError> errors) {
    Map<String, String> out = new LinkedHashMap<>();
    errors.forEach(f -> out.merge(f.field(), f.message(), (a, b) -> a.equals(b) ? a : a + "；" + b));
    return out;
  }

  @ExceptionHandler({ForbiddenException.class, NotFoundException.class})
  ModelAndView refused(RuntimeException e) {
    return ErrorPages.of(e, currentUser.get());
  }
}
