package org.linli.assistance;

import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.linli.assistance.internal.AssistanceApplicationRepository;
import org.linli.assistance.internal.HouseholdChecks;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.PersonalData;
import org.linli.organization.DivisionLevel;
import org.linli.organization.OrganizationService;
import org.linli.security.LinliUser;
import org.linli.system.ConflictException;
import org.linli.system.EngineClock;
import org.linli.system.ForbiddenException;
import org.linli.system.InvalidInputException;
import org.linli.system.InvalidInputException.FieldError;
import org.linli.system.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.linli.system.TypedFields;
import org.linli.calendar.WorkingCalendar;

/**
 * Household application data of assistance cases. Lists and mail get a {@link HouseholdView}
 * (masked); the whole {@link HouseholdDetail} goes only to staff who may act on the case now, and
 * every such view is logged ({@link PersonalData}) in the same transaction, so a view without its
 * log row cannot happen.
 */
@Service
public class AssistanceFiles {

  /** The field group of a whole household view in the access log. */
  public static final String FIELD_GROUP_HOUSEHOLD = "HOUSEHOLD";
  /** The field group of household data sent to the external verification service. */
  public static final String FIELD_GROUP_EXTERNAL_VERIFICATION = "EXTERNAL_VERIFICATION";

  private final AssistanceApplicationRepository repository;
  private final CaseFiles cases;
  private final OrganizationService organization;
  private final Validator validator;
  private final PersonalData personalData;
  private final WorkingCalendar calendar;

  AssistanceFiles(AssistanceApplicationRepository repository, CaseFiles cases, OrganizationService organization,
      Validator validator, PersonalData personalData, WorkingCalendar calendar) {
    this.calendar = calendar;
    this.personalData = personalData;
    this.repository = repository;
    this.cases = cases;
    this.organization = organization;
    this.validator = validator;
  }

  /** Checks an application field by field and throws every problem at once (400 problem+json). */
  public void check(HouseholdApplication application) {
    List<FieldError> errors = new java.util.ArrayList<>(HouseholdChecks.check(application, validator, today()));
    if (application != null && application.divisionCode() != null && application.divisionCode().matches("\\d{12}")
        && organization.division(application.divisionCode()).filter(d -> d.level() == DivisionLevel.VILLAGE).isEmpty()) {
      errors.add(new FieldError("divisionCode", "没有这个村社区 no such village or community: " + application.divisionCode()));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }

  /** Stores the application of an (assistance) case, after {@link #check}; one per case. */
  @Transactional
  public long save(long caseId, HouseholdApplication application, String enteredBy) {
    check(application);
    cases.byId(caseId).orElseThrow(() -> new NotFoundException("没有这个案件 no case " + caseId));
    if (repository.existsForCase(caseId)) {
      throw new ConflictException("该案件已有救助申请 the case already has an application");
    }
    HouseholdApplication clean = normalised(application);
    return repository.insert(caseId, clean, enteredBy, EngineClock.now());
  }

  /** The masked household for lists and mail; callers still check the case is in the user's scope. */
  public Optional<HouseholdView> view(long caseId) {
    return repository.byCase(caseId).map(s -> {
      HouseholdApplication a = s.application();
      return new HouseholdView(caseId, a.programme(), a.divisionCode(), a.channel(),
          a.applicant().map(HouseholdMember::name).orElse(null), maskPhone(a.applicantPhone()),
          a.members().stream().map(m -> new HouseholdView.Member(m.name(), IdNumber.mask(m.idNumber()), m.relation())).toList(),
          s.createdAt());
    });
  }

  /**
   * The members' age, employment and disability, for the re-check interval; empty when the case has
   * no application.
   */
  public Optional<List<MemberCircumstances>> circumstances(long caseId) {
    return repository.byCase(caseId).map(s -> s.application().members().stream()
        .map(m -> new MemberCircumstances(m.birthDate(), m.employment(), m.disability()))
        .toList());
  }

  /**
   * The whole household, for a user in the group of one of the case's
   * open steps; logged with the purpose the user gave.
   *
   * @throws ForbiddenException for everybody else, also supervisors and administrators: the need to
   *     know comes from the step, not from rank
   */
  @Transactional
  public HouseholdDetail detail(long caseId, LinliUser user, String purpose) {
    if (purpose == null || purpose.isBlank() || purpose.strip().length() > 200) {
      throw new InvalidInputException("purpose", "请说明查看目的（200字以内） say why you need the whole data (at most 200 characters)");
    }
    AssistanceApplicationRepository.Stored stored = repository.byCase(caseId)
        .orElseThrow(() -> new NotFoundException("该案件没有救助申请 no assistance application for case " + caseId));
    if (personalData.needToKnow(caseId, user) == null) {
      throw new ForbiddenException("只有正在办理本案件的工作人员可以查看完整信息 only staff acting on this case may see the whole data");
    }
    personalData.viewed(caseId, user.username(), FIELD_GROUP_HOUSEHOLD, purpose.strip());
    HouseholdApplication a = stored.application();
    return new HouseholdDetail(caseId, stored.id(), a, Eligibility.perCapitaIncome(a.members()), stored.createdBy(),
        stored.createdAt());
  }

  static String maskPhone(String phone) {
    return PersonalData.maskPhone(phone);
  }

  private static HouseholdApplication normalised(HouseholdApplication a) {
    // ID numbers are stored the way the standard writes them (upper-case X, no spaces), so uniqueness holds
    List<HouseholdMember> members = a.members().stream()
        .map(m -> new HouseholdMember(m.name().strip(), m.idNumber().strip().toUpperCase(java.util.Locale.ROOT),
            m.relation(), m.birthDate(), m.disability(), m.employment(), m.monthlyIncome()))
        .toList();
    return new HouseholdApplication(a.programme(), a.divisionCode(), a.channel(), a.reason().strip(),
        TypedFields.text(a.applicantEmail()), TypedFields.text(a.applicantPhone()), members, a.assets());
  }

  private LocalDate today() {
    return calendar.today();
  }
}
