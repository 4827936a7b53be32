package org.linli.portal.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.linli.calendar.CalendarProperties;
import org.linli.casefile.AttachmentProperties;
import org.linli.casefile.CaseAttachments;
import org.linli.casefile.CaseEvent;
import org.linli.casefile.CaseEventType;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseStatus;
import org.linli.organization.Division;
import org.linli.organization.DivisionLevel;
import org.linli.organization.OrganizationService;
import org.linli.portal.PortalProperties;
import org.linli.request.IntakeForm;
import org.linli.request.RequestCategories;
import org.linli.request.RequestCategory;
import org.linli.request.RequestIntake;
import org.linli.request.ResidentRequest;
import org.linli.request.ResidentRequests;
import org.linli.system.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.View;

/** The resident portal's pages: home, submit, follow. Rating is in {@link RatingController}. */
@Controller
@RequestMapping("/portal")
class PortalController {

  /** One township and its villages or communities, for the grouped select. */
  record Township(String name, List<Division> villages) {}

  /** One step the resident sees: what happened and when, nothing about who. */
  record Step(String label, String at) {}

  record FollowView(String caseNumber, String category, String status, String submittedAt, String expectedBy,
      List<Step> steps, String reply, String repliedAt, String ratingToken) {}

  /** Timeline entries a resident sees, by their resident-facing message key; the rest is internal. */
  static final Map<CaseEventType, String> VISIBLE_STEPS = Map.of(
      CaseEventType.CREATED, "received",
      CaseEventType.SIGNED, "signed",
      CaseEventType.DISPATCHED, "dispatched",
      CaseEventType.ESCALATED, "escalated",
      CaseEventType.EXTENDED, "extended",
      CaseEventType.REPLIED, "replied",
      CaseEventType.RATED, "rated",
      CaseEventType.REOPENED, "reopened",
      CaseEventType.CLOSED, "closed");

  private static final byte[] NO_DIGITS = "\u0000\u0000\u0000\u0000".getBytes(StandardCharsets.UTF_8);

  private final RequestCategories categories;
  private final OrganizationService organization;
  private final ResidentRequests requests;
  private final CaseFiles cases;
  private final PortalIntake intake;
  private final RateLimiter limiter;
  private final PortalProperties properties;
  private final AttachmentProperties attachmentProperties;
  private final CaseAttachments attachments;
  private final Validator validator;
  private final ReceiptCookie receipts;
  private final SubmitLimits submitLimits;
  private final DateTimeFormatter time;

  PortalController(RequestCategories categories, OrganizationService organization, ResidentRequests requests,
      CaseFiles cases, PortalIntake intake, RateLimiter limiter, PortalProperties properties,
      AttachmentProperties attachmentProperties, CaseAttachments attachments, Validator validator,
      CalendarProperties calendar, ReceiptCookie receipts, SubmitLimits submitLimits) {
    this.categories = categories;
    this.organization = organization;
    this.requests = requests;
    this.cases = cases;
    this.intake = intake;
    this.limiter = limiter;
    this.properties = properties;
    this.attachmentProperties = attachmentProperties;
    this.attachments = attachments;
    this.validator = validator;
    this.receipts = receipts;
    this.submitLimits = submitLimits;
    this.time = timeFormat(calendar.zone());
  }

  static DateTimeFormatter timeFormat(ZoneId zone) {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
  }

  @GetMapping
  String home() {
    return "portal/home";
  }

  @GetMapping("/requests/new")
  String newRequest(Model model, Locale locale, HttpServletRequest http, HttpServletResponse response) {
    // a new request begins: the last receipt in this browser (a shared computer's) is shown no more
    receipts.clear(http, response);
    model.addAttribute("form", new RequestFormData());
    return requestPage(model, locale);
  }

  @PostMapping("/requests/new")
  String submit(@ModelAttribute("form") RequestFormData form, BindingResult errors, Model model, Locale locale,
      HttpServletRequest http, HttpServletResponse response) throws IOException {
    try {
      submitLimits.address(http.getRemoteAddr());
    } catch (SubmitLimits.Refused e) {
      return refused(e, model, locale, response);
    }
    IntakeForm intakeForm = form.toIntake();
    for (ConstraintViolation<IntakeForm> v : validator.validate(intakeForm)) {
      String field = v.getPropertyPath().toString();
      if (!errors.hasFieldErrors(field)) {
        errors.rejectValue(field, "portal.error." + field, v.getMessage());
      }
    }
    if (!errors.hasFieldErrors("categoryCode")
        && categories.byCode(intakeForm.categoryCode()).filter(RequestCategory::active).isEmpty()) {
      errors.rejectValue("categoryCode", "portal.error.categoryCode");
    }
    if (!errors.hasFieldErrors("divisionCode") && organization.division(intakeForm.divisionCode())
        .filter(d -> d.level() == DivisionLevel.VILLAGE).isEmpty()) {
      errors.rejectValue("divisionCode", "portal.error.divisionCode");
    }
    PortalIntake.Photo photo = photo(form.getPhoto(), errors);
    if (errors.hasErrors()) {
      return requestPage(model, locale);
    }
    try {
      submitLimits.phone(intakeForm.residentPhone());
    } catch (SubmitLimits.Refused e) {
      return refused(e, model, locale, response);
    }
    RequestIntake.Receipt receipt;
    try {
      receipt = intake.submit(intakeForm, photo);
    } catch (InvalidInputException e) {
      // what only intake can tell, e.g. a category without a department in this county
      e.errors().forEach(f -> errors.rejectValue(
          List.of("categoryCode", "divisionCode").contains(f.field()) ? f.field() : "description",
          "portal.error." + f.field(), f.message()));
      return requestPage(model, locale);
    }
    // Post/Redirect/Get: reloading the receipt shows it again and submits nothing
    receipts.write(http, response, new ReceiptCookie.Receipt(receipt.caseNumber(), receipt.expectedBy(),
        intakeForm.residentEmail() != null));
    http.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.SEE_OTHER);
    return "redirect:/portal/receipt";
  }

  /**
   * The receipt of this browser's last submission (for {@link ReceiptCookie#LIFE}), or, without
   * one, a neutral page that points to the follow page: never a receipt the browser was not given.
   */
  @GetMapping("/receipt")
  String receipt(Model model, HttpServletRequest http, HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
    Optional<ReceiptCookie.Receipt> receipt = receipts.read(http);
    if (receipt.isEmpty()) {
      model.addAttribute("none", true);
      return "portal/receipt";
    }
    model.addAttribute("caseNumber", receipt.get().caseNumber());
    model.addAttribute("expectedBy", format(receipt.get().expectedBy()));
    model.addAttribute("mailed", receipt.get().mailed());
    return "portal/receipt";
  }

  /** Over a submission limit: 429, the form again with what was typed and why, never a bare page. */
  private String refused(SubmitLimits.Refused e, Model model, Locale locale, HttpServletResponse response) {
    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
    response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds));
    model.addAttribute("limitKey", e.phone ? "portal.error.tooMany.phone" : "portal.error.tooMany.address");
    model.addAttribute("retryMinutes", Math.max(1, (e.retryAfterSeconds + 59) / 60));
    model.addAttribute("limit", e.limit);
    return requestPage(model, locale);
  }

  private PortalIntake.Photo photo(MultipartFile file, BindingResult errors) throws IOException {
    if (file == null || file.isEmpty()) {
      return null;
    }
    if (file.getSize() > attachmentProperties.maxBytes().toBytes()) {
      errors.rejectValue("photo", "portal.error.photo.size");
      return null;
    }
    byte[] bytes = file.getBytes();
    try {
      String type = attachments.check(file.getOriginalFilename(), bytes, CaseAttachments.IMAGE_TYPES);
      return new PortalIntake.Photo(file.getOriginalFilename(), type, bytes);
    } catch (InvalidInputException e) {
      errors.rejectValue("photo", "portal.error.photo.type");
      return null;
    }
  }

  private String requestPage(Model model, Locale locale) {
    boolean zh = !"en".equals(locale.getLanguage());
    model.addAttribute("categories", categories.all().stream()
        .filter(RequestCategory::active)
        .sorted(Comparator.comparingInt(RequestCategory::sortOrder).thenComparing(RequestCategory::code))
        .map(c -> Map.of("code", c.code(), "name", zh ? c.name() : c.nameEn() + " · " + c.name()))
        .toList());
    List<Division> all = organization.divisions();
    List<Township> townships = new ArrayList<>();
    all.stream().filter(d -> d.level() == DivisionLevel.TOWNSHIP).sorted(Comparator.comparing(Division::code))
        .forEach(t -> townships.add(new Township(t.name(), all.stream()
            .filter(v -> v.level() == DivisionLevel.VILLAGE && t.code().equals(v.parentCode()))
            .sorted(Comparator.comparing(Division::code)).toList())));
    model.addAttribute("townships", townships);
    model.addAttribute("maxMegabytes", attachmentProperties.maxBytes().toMegabytes());
    return "portal/request";
  }

  @GetMapping("/follow")
  String followForm(@RequestParam(required = false) String number, Model model) {
    model.addAttribute("number", number == null ? "" : number.strip());
    return "portal/follow";
  }

  @PostMapping("/follow")
  String follow(@RequestParam(required = false) String number, @RequestParam(required = false) String phoneTail,
      Model model, Locale locale, HttpServletRequest http) {
    limiter.hit("follow", http.getRemoteAddr(), properties.followLimit(), properties.followWindow());
    String caseNumber = number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
    String tail = phoneTail == null ? "" : phoneTail.strip();
    Optional<ResidentRequest> found = caseNumber.length() <= 32 ? requests.byCaseNumber(caseNumber) : Optional.empty();
    // the same work and the same answer for a wrong number as for wrong digits
    byte[] expected = found.map(r -> lastFour(r.residentPhone())).orElse(NO_DIGITS);
    boolean match = MessageDigest.isEqual(expected, tail.getBytes(StandardCharsets.UTF_8));
    Optional<CaseFile> caseFile = match ? found.flatMap(r -> cases.byId(r.caseId())) : Optional.empty();
    if (caseFile.isEmpty() && !caseNumber.isEmpty()) {
      // guessing the four digits of one case from many addresses: a few misses a day per case
      limiter.hit("follow-miss", caseNumber, properties.followMissLimit(), properties.followMissWindow());
    }
    if (caseFile.isEmpty()) {
      model.addAttribute("number", caseNumber);
      model.addAttribute("notFound", true);
      return "portal/follow";
    }
    model.addAttribute("view", view(caseFile.get(), found.get(), locale));
    return "portal/status";
  }

  private static byte[] lastFour(String phone) {
    String digits = phone == null ? "" : phone.replaceAll("\\D", "");
    return digits.length() < 4 ? NO_DIGITS : digits.substring(digits.length() - 4).getBytes(StandardCharsets.UTF_8);
  }

  private FollowView view(CaseFile c, ResidentRequest r, Locale locale) {
    List<CaseEvent> timeline = cases.timeline(c.id());
    List<Step> steps = new ArrayList<>();
    String last = null;
    for (CaseEvent e : timeline) {
      String key = VISIBLE_STEPS.get(e.type());
      if (key != null && !key.equals(last)) {
        steps.add(new Step(key, format(e.occurredAt())));
      }
      last = key == null ? last : key;
    }
    boolean awaitsRating = c.status() == CaseStatus.OPEN && r.ratingToken() != null && requests.awaitsRating(c.id());
    String status = c.status() == CaseStatus.CLOSED ? "closed"
        : c.status() == CaseStatus.CANCELLED ? "cancelled"
        : awaitsRating ? "awaitingRating"
        : timeline.stream().anyMatch(e -> e.type() == CaseEventType.SIGNED) ? "inProgress"
        : "received";
    boolean zh = !"en".equals(locale.getLanguage());
    String category = categories.byCode(c.categoryCode()).map(x -> zh ? x.name() : x.nameEn()).orElse(c.categoryCode());
    return new FollowView(c.caseNumber(), category, status, format(c.openedAt()),
        c.status() == CaseStatus.OPEN ? format(c.caseDue()) : null, steps, r.reply(), format(r.repliedAt()),
        awaitsRating ? r.ratingToken() : null);
  }

  String format(Instant at) {
    return at == null ? null : time.format(at);
  }

  /** Where a refused CSRF token or other denied request lands (forwarded by the portal's filter chain). */
  @RequestMapping("/denied")
  String denied(HttpServletRequest request, Model model) {
    model.addAttribute("status", 403);
    model.addAttribute("messageKey", "portal.error.denied");
    return "portal/error";
  }
}
