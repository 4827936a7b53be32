package org.linli.assistance;

import java.time.Instant;
import java.util.Map;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseOpening;
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
  private final CaseFiles cases;
  private final Routing routing;

  AssistanceIntake(AssistanceFiles files, TimeLimits limits, Deadlines deadlines, CaseFiles cases,
      Routing routing) {
    this.files = files;
    this.limits = limits;
    this.deadlines = deadlines;
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
    String table = limits.current(AssistanceProcess.KIND);
    Instant now = EngineClock.now();
    Instant caseDue = deadlines.due(limits.limit(table,
        new TimeLimits.Query(AssistanceProcess.KIND, programme, programme, AssistanceProcess.LIMIT_CASE, priority)), now);
    CaseOpening opening = CaseOpening.of(AssistanceProcess.KIND, application.divisionCode(), title(application))
        .category(programme, programme)
        .department("mz")
        .priority(priority)
        .due(caseDue, deadlines.warnAt(true, now, caseDue))
        .timeLimits(table);
    // the start gateway reads it in this transaction; later steps read the case's priority
    CaseFile c = cases.open(opening, Map.of(AssistanceProcess.VAR_URGENT, urgent),
        opened -> files.save(opened.id(), application, caseworker.username()));
    return new Receipt(c.caseNumber(), c.caseDue());
  }

  /** Programme and the applicant's name with all but the family name masked: titles show in lists. */
  static String title(HouseholdApplication a) {
    String name = a.applicant().map(HouseholdMember::name).orElse("");
    String masked = name.isEmpty() ? "" : name.substring(0, 1) + "*".repeat(Math.max(1, name.length() - 1));
    return a.programme().nameZh() + "申请 " + masked;
  }
}
