package org.linli.request;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseVariables;
import org.linli.deadline.Deadlines;
import org.linli.deadline.TimeLimits;
import org.linli.organization.Division;
import org.linli.organization.DivisionLevel;
import org.linli.organization.OrganizationService;
import org.linli.organization.Routing;
import org.linli.request.internal.ResidentRequestRepository;
import org.linli.system.EngineClock;
import org.linli.system.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Takes a request in: checks it against the catalogue and the map, then opens the case. */
@Service
public class RequestIntake {

  /** What the resident gets back. */
  public record Receipt(String caseNumber, java.time.Instant expectedBy) {}

  private static final Set<Channel> PUBLIC_CHANNELS = Set.of(Channel.PORTAL, Channel.API);

  private final RequestCategories categories;
  private final OrganizationService organization;
  private final RequestDeadlines deadlines;
  private final TimeLimits limits;
  private final Deadlines steps;
  private final RuntimeService runtime;
  private final CaseFiles cases;
  private final ResidentRequestRepository requests;

  RequestIntake(
      RequestCategories categories,
      OrganizationService organization,
      RequestDeadlines deadlines,
      TimeLimits limits,
      Deadlines steps,
      RuntimeService runtime,
      CaseFiles cases,
      ResidentRequestRepository requests) {
    this.categories = categories;
    this.organization = organization;
    this.deadlines = deadlines;
    this.limits = limits;
    this.steps = steps;
    this.runtime = runtime;
    this.cases = cases;
    this.requests = requests;
  }

  /** Intake without sign-in: only the portal and API channels. */
  @Transactional
  public Receipt submitPublic(IntakeForm form) {
    Channel channel = form.channel() == null ? Channel.PORTAL : form.channel();
    if (!PUBLIC_CHANNELS.contains(channel)) {
      throw new InvalidInputException("channel", "public intake takes PORTAL or API");
    }
    return submit(form, channel);
  }

  /** Intake by staff: hotline, grid worker or on behalf of a resident. */
  @Transactional
  public Receipt submitByStaff(IntakeForm form) {
    return submit(form, form.channel() == null ? Channel.HOTLINE : form.channel());
  }

  private Receipt submit(IntakeForm form, Channel channel) {
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

    String priority = form.priority() == null ? RequestProcess.PRIORITY_NORMAL : form.priority();
    if (!priority.equals(RequestProcess.PRIORITY_NORMAL) && !priority.equals(RequestProcess.PRIORITY_URGENT)) {
      throw new InvalidInputException("priority", "紧急程度应为 NORMAL 或 URGENT priority is NORMAL or URGENT");
    }
    Map<String, Object> variables = new HashMap<>(limits.startVariables(RequestProcess.KIND, category.type().name(), priority));
    Instant now = EngineClock.now();
    Instant caseDue = deadlines.caseDue((String) variables.get(TimeLimits.VAR_DECISION),
        new TimeLimits.Query(RequestProcess.KIND, category.code(), category.type().name(), null, priority), now);
    variables.put(CaseVariables.DIVISION_CODE, division.code());
    variables.put(CaseVariables.CATEGORY_CODE, category.code());
    variables.put(CaseVariables.DEPARTMENT_CODE, departmentCode);
    variables.put(CaseVariables.TITLE, title);
    variables.put(CaseVariables.CASE_DUE, Date.from(caseDue));
    variables.put(CaseVariables.CASE_WARN_AT, Date.from(steps.warnAt(true, now, caseDue)));
    variables.put(CaseVariables.PRIORITY, priority);
    variables.put(RequestProcess.VAR_LEVEL, category.handlingLevel().name());
    variables.put(RequestProcess.VAR_REOPEN_COUNT, 0);
    variables.put(RequestProcess.VAR_HANDLER, null);
    variables.put(RequestProcess.VAR_HANDLE_DUE, null);
    variables.put(RequestProcess.VAR_HANDLE_START, null);
    variables.put(RequestProcess.VAR_RECEIVED_AT, null);
    variables.put(CaseVariables.DECISION, null);
    variables.put(CaseVariables.COMMENT, null);
    variables.put(CaseVariables.RATING, null);
    ProcessInstance instance = runtime.startProcessInstanceByKey(RequestProcess.KEY, variables);

    CaseFile caseFile = cases.byNumber(instance.getBusinessKey())
        .orElseThrow(() -> new IllegalStateException("no case record for " + instance.getId()));
    requests.insert(new ResidentRequest(caseFile.id(), caseFile.caseNumber(), channel, form.description().strip(),
        form.address().strip(), scale(form.latitude()), scale(form.longitude()), form.residentName().strip(),
        form.residentPhone(), blankToNull(form.residentEmail()), null, null, null, EngineClock.now()));
    return new Receipt(caseFile.caseNumber(), caseFile.caseDue());
  }

  private static String summary(RequestCategory category, String description) {
    String text = description.strip().replaceAll("\\s+", " ");
    String head = text.length() > 30 ? text.substring(0, 30) + "…" : text;
    return category.name() + "：" + head;
  }

  private static BigDecimal scale(BigDecimal v) {
    return v == null ? null : v.setScale(6, java.math.RoundingMode.HALF_UP);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
