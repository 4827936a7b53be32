package org.linli.assistance;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseVariables;
import org.linli.deadline.Deadlines;
import org.linli.deadline.TimeLimits;
import org.linli.organization.Routing;
import org.linli.security.LinliUser;
import org.linli.system.EngineClock;
import org.linli.system.ForbiddenException;
import org.linli.system.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes an assistance application in at the village: checks it, opens the case (process
 * {@value AssistanceProcess#KEY}) and stores the household, all in one transaction, so a refused
 * application leaves neither a case nor a half-written household.
 */
@Service
public class AssistanceIntake {

  /** What the caseworker gets back. */
  public record Receipt(String caseNumber, Instant caseDue) {}

  private final AssistanceFiles files;
  private final TimeLimits limits;
  private final Deadlines deadlines;
  private final RuntimeService runtime;
  private final CaseFiles cases;
  private final Routing routing;

  AssistanceIntake(AssistanceFiles files, TimeLimits limits, Deadlines deadlines, RuntimeService runtime, CaseFiles cases,
      Routing routing) {
    this.files = files;
    this.limits = limits;
    this.deadlines = deadlines;
    this.runtime = runtime;
    this.cases = cases;
    this.routing = routing;
  }

  @Transactional
  public Receipt apply(HouseholdApplication application, LinliUser caseworker) {
    return apply(application, caseworker, false);
  }

  /**
   * @param urgent urgent temporary assistance (先行救助): the township grants first, the file follows;
   *     LINSHI only
   * @throws ForbiddenException unless the user is a caseworker of the application's village
   */
  @Transactional
  public Receipt apply(HouseholdApplication application, LinliUser caseworker, boolean urgent) {
    files.check(application);
    if (!caseworker.inGroup(routing.village(application.divisionCode()))) {
      throw new ForbiddenException("只有本村社区的工作人员可以录入救助申请 only caseworkers of the village may enter its applications");
    }
    if (urgent && application.programme() != Programme.LINSHI) {
      throw new InvalidInputException("urgent", "先行救助仅适用于临时救助 urgent help is for temporary assistance (LINSHI) only");
    }
    String programme = application.programme().name();
    String priority = urgent ? "URGENT" : "NORMAL";
    Map<String, Object> v = new HashMap<>(limits.startVariables(AssistanceProcess.KIND, programme, priority));
    Instant now = EngineClock.now();
    Instant caseDue = deadlines.dueFrom(limits.limit((String) v.get(TimeLimits.VAR_DECISION),
        new TimeLimits.Query(AssistanceProcess.KIND, programme, programme, AssistanceProcess.LIMIT_CASE, priority)), now);
    v.put(CaseVariables.DIVISION_CODE, application.divisionCode());
    v.put(CaseVariables.CATEGORY_CODE, programme);
    v.put(CaseVariables.DEPARTMENT_CODE, "mz");
    v.put(CaseVariables.TITLE, title(application));
    v.put(CaseVariables.CASE_DUE, Date.from(caseDue));
    v.put(CaseVariables.CASE_WARN_AT, Date.from(deadlines.warnAt(true, now, caseDue)));
    v.put(CaseVariables.PRIORITY, priority);
    v.put(CaseVariables.DECISION, null);
    v.put(CaseVariables.COMMENT, null);
    v.put(AssistanceProcess.VAR_PROGRAMME, programme);
    v.put(AssistanceProcess.VAR_URGENT, urgent);
    v.put(AssistanceProcess.VAR_URGENT_GRANTED, false);
    ProcessInstance instance = runtime.startProcessInstanceByKey(AssistanceProcess.KEY, v);
    CaseFile c = cases.byNumber(instance.getBusinessKey())
        .orElseThrow(() -> new IllegalStateException("no case record for " + instance.getId()));
    files.save(c.id(), application, caseworker.username());
    return new Receipt(c.caseNumber(), c.caseDue());
  }

  /** Programme and the applicant's name with all but the family name masked: titles show in lists. */
  static String title(HouseholdApplication a) {
    String name = a.applicant().map(HouseholdMember::name).orElse("");
    String masked = name.isEmpty() ? "" : name.substring(0, 1) + "*".repeat(Math.max(1, name.length() - 1));
    return a.programme().nameZh() + "申请 " + masked;
  }
}
