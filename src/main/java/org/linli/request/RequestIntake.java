package org.linli.request;

import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseOpening;
import org.linli.deadline.Deadlines;
import org.linli.deadline.TimeLimits;
import org.linli.organization.CandidateGroups;
import org.linli.organization.Division;
import org.linli.organization.DivisionLevel;
import org.linli.organization.OrganizationService;
import org.linli.organization.Role;
import org.linli.organization.Routing;
import org.linli.request.internal.ResidentRequestRepository;
import org.linli.security.LinliUser;
import org.linli.system.EngineClock;
import org.linli.system.ForbiddenException;
import org.linli.system.InvalidInputException;
import org.linli.system.InvalidInputException.FieldError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.linli.system.TypedFields;

/**
 * Takes a request in: checks it against the catalogue, the map and who is asking, then opens the
 * case. Residents set neither the priority nor the title; staff take requests in for their own
 * area, on the channel their role works (grid workers on the street, everyone else on the
 * hotline), and only officers above the village mark a request urgent.
 */
@Service
public class RequestIntake {

  /** What the resident gets back. */
  public record Receipt(String caseNumber, java.time.Instant expectedBy) {}

  /** Roles that may mark a request urgent, which shortens its time limits. */
  static final Set<Role> URGENT_ROLES =
      Set.of(Role.TOWNSHIP_OFFICER, Role.DEPARTMENT_OFFICER, Role.SUPERVISOR, Role.COMMANDER, Role.ADMIN);

  private final RequestCategories categories;
  private final OrganizationService organization;
  private final RequestDeadlines requestDeadlines;
  private final TimeLimits limits;
  private final Deadlines deadlines;
  private final CaseFiles cases;
  private final ResidentRequestRepository requests;
  private final Validator validator;

  RequestIntake(RequestCategories categories, OrganizationService organization, RequestDeadlines requestDeadlines, TimeLimits limits,
      Deadlines deadlines, CaseFiles cases, ResidentRequestRepository requests, Validator validator) {
    this.validator = validator;
    this.categories = categories;
    this.organization = organization;
    this.requestDeadlines = requestDeadlines;
    this.limits = limits;
    this.deadlines = deadlines;
    this.cases = cases;
    this.requests = requests;
  }

  /** Intake without sign-in: the portal, or the API channel for apps that submit for residents. */
  @Transactional
  public Receipt submitPublic(IntakeForm form) {
    List<FieldError> errors = new ArrayList<>(problems(form));
    Channel channel = form.channel() == null ? Channel.PORTAL : form.channel();
    if (channel != Channel.PORTAL && channel != Channel.API) {
      errors.add(new FieldError("channel", "居民只能通过门户或接口提交 public intake takes PORTAL or API"));
    }
    if (form.priority() != null && !form.priority().equals(RequestProcess.PRIORITY_NORMAL)) {
      errors.add(new FieldError("priority", "紧急程度由工作人员确定 the priority is set by staff"));
    }
    if (form.title() != null && !form.title().isBlank()) {
      errors.add(new FieldError("title", "标题由系统根据类别和描述生成 the title is made from the category and description"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return submit(form, channel, RequestProcess.PRIORITY_NORMAL);
  }

  /**
   * What is wrong with a form by its own rules (the annotations of {@link IntakeForm}), field by
   * field; each intake checks them, whichever page or API it comes from.
   */
  public List<FieldError> problems(IntakeForm form) {
    List<FieldError> out = new ArrayList<>();
    validator.validate(form).stream()
        .sorted(java.util.Comparator.comparing(v -> v.getPropertyPath().toString()))
        .forEach(v -> out.add(new FieldError(v.getPropertyPath().toString(), v.getMessage())));
    return out;
  }

  /**
   * Intake by staff for a resident (hotline, grid worker, at the office). A grid report (channel
   * GRID) comes from one of the villages of the grid worker's own grid.
   *
   * @throws ForbiddenException when the village lies outside the user's area, or a grid report
   *     outside the user's grid
   */
  @Transactional
  public Receipt submitByStaff(IntakeForm form, LinliUser user) {
    List<FieldError> errors = new ArrayList<>(problems(form));
    boolean gridWorker = user.holds(Role.GRID_WORKER);
    // without a channel, a grid worker reporting from his own grid reports on GRID; anything else is HOTLINE
    boolean ownGrid = form.divisionCode() != null && form.divisionCode().matches("\\d{12}")
        && user.inGroup(CandidateGroups.gridWorkers(form.divisionCode()));
    Channel channel = form.channel() != null ? form.channel() : ownGrid ? Channel.GRID : Channel.HOTLINE;
    if (channel == Channel.PORTAL || channel == Channel.API || (channel == Channel.GRID && !gridWorker)) {
      errors.add(new FieldError("channel", "工作人员受理的渠道为热线" + (gridWorker ? "或网格" : "")
          + " staff take requests in on the " + (gridWorker ? "HOTLINE or GRID" : "HOTLINE") + " channel"));
    }
    String priority = form.priority() == null ? RequestProcess.PRIORITY_NORMAL : form.priority();
    if (!priority.equals(RequestProcess.PRIORITY_NORMAL) && !priority.equals(RequestProcess.PRIORITY_URGENT)) {
      errors.add(new FieldError("priority", "紧急程度应为 NORMAL 或 URGENT priority is NORMAL or URGENT"));
    } else if (priority.equals(RequestProcess.PRIORITY_URGENT) && URGENT_ROLES.stream().noneMatch(user::holds)) {
      errors.add(new FieldError("priority", "只有乡镇及以上工作人员可以标记紧急 only officers above the village mark a request urgent"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    if (form.divisionCode() != null && !user.scope().includesPlace(form.divisionCode())) {
      throw new ForbiddenException("只能受理本辖区的诉求 you take in requests of your own area only");
    }
    if (channel == Channel.GRID && !user.inGroup(CandidateGroups.gridWorkers(form.divisionCode()))) {
      throw new ForbiddenException("网格上报只能报本人网格所在的村社区 a grid worker reports from the villages of his own grid only");
    }
    return submit(form, channel, priority);
  }

  private Receipt submit(IntakeForm form, Channel channel, String priority) {
    RequestCategory category =
        categories
            .byCode(form.categoryCode())
            .filter(RequestCategory::active)
            .orElseThrow(() -> new InvalidInputException("categoryCode", "没有这个诉求类别 no such category: " + form.categoryCode()));
    Division division =
        organization
            .division(form.divisionCode())
            .filter(d -> d.level() == DivisionLevel.VILLAGE)
            .orElseThrow(() -> new InvalidInputException("divisionCode", "没有这个村社区 no such village or community: " + form.divisionCode()));
    String departmentCode = category.departmentCode();
    if (category.handlingLevel() == Routing.Level.DEPARTMENT
        && organization.department(division.countyCode(), departmentCode).isEmpty()) {
      throw new InvalidInputException("categoryCode", "本县没有承办部门 no department " + departmentCode + " in this county");
    }
    String title = form.title() == null || form.title().isBlank() ? summary(category, form.description()) : form.title().strip();
    String table = limits.current(RequestProcess.KIND);
    Instant now = EngineClock.now();
    Instant caseDue = requestDeadlines.caseDue(table,
        new TimeLimits.Query(RequestProcess.KIND, category.code(), category.type().name(), null, priority), now);
    CaseOpening opening = CaseOpening.of(RequestProcess.KIND, division.code(), title)
        .category(category.code(), category.type().name())
        .department(departmentCode)
        .priority(priority)
        .due(caseDue, deadlines.warnAt(true, now, caseDue))
        .timeLimits(table);
    CaseFile c = cases.open(opening, Map.of(), opened -> requests.insert(new ResidentRequest(opened.id(), opened.caseNumber(),
        channel, form.description().strip(), form.address().strip(), scale(form.latitude()), scale(form.longitude()),
        form.residentName().strip(), form.residentPhone(), TypedFields.text(form.residentEmail()), null, null, null, now),
        category.handlingLevel()));
    return new Receipt(c.caseNumber(), c.caseDue());
  }

  private static String summary(RequestCategory category, String description) {
    String text = description.strip().replaceAll("\\s+", " ");
    String head = text.length() > 30 ? text.substring(0, 30) + "…" : text;
    return category.name() + "：" + head;
  }

  private static BigDecimal scale(BigDecimal v) {
    return v == null ? null : v.setScale(6, java.math.RoundingMode.HALF_UP);
  }
}
