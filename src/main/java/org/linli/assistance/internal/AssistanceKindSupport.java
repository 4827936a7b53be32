package org.linli.assistance.internal;

import org.linli.security.LinliUser;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linli.assistance.AssistanceFiles;
import org.linli.assistance.HouseholdDetails;
import org.linli.assistance.AssistanceProcess;
import org.linli.assistance.Programme;
import org.linli.casefile.PersonalData;
import org.linli.tasklist.CaseKindSupport;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an assistance case shows in the task list and on its case page: the programme as its
 * category and the household with masked ID numbers; for staff acting on the case, also the whole
 * application (reason, incomes, assets, pre-check), through AssistanceFiles, logged.
 */
@Component
class AssistanceKindSupport implements CaseKindSupport {

  private final AssistanceFiles files;
  private final JdbcClient jdbc;
  private final org.linli.organization.OrganizationService organization;
  private final PersonalData personalData;
  private final ApplicationSection section;

  AssistanceKindSupport(AssistanceFiles files, JdbcClient jdbc, org.linli.organization.OrganizationService organization,
      PersonalData personalData, ApplicationSection section) {
    this.personalData = personalData;
    this.section = section;
    this.files = files;
    this.jdbc = jdbc;
    this.organization = organization;
  }

  @Override
  public String kind() {
    return AssistanceProcess.KIND;
  }

  @Override
  public Set<Long> caseIdsByPhone(String phone) {
    return new HashSet<>(jdbc.sql("select case_id from assistance_application where applicant_phone = ?").param(phone)
        .query(Long.class).list());
  }

  @Override
  public String categoryName(String categoryCode, boolean english) {
    return Programme.nameOf(categoryCode, english);
  }

  @Override
  public Map<String, String> categories(boolean english) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Programme p : Programme.values()) {
      out.put(p.name(), p.name(english));
    }
    return out;
  }

  /** Village caseworkers enter applications on the workbench. */
  @Override
  public java.util.Optional<EntryLink> entryLink(org.linli.security.LinliUser user) {
    return AssistanceEntryController.caseworkerVillages(user, organization).isEmpty() ? java.util.Optional.empty()
        : java.util.Optional.of(new EntryLink(AssistanceEntryController.PATH, "assist.apply.nav"));
  }

  @Override
  public List<Detail> details(long caseId, LinliUser user, boolean english) {
    return files.view(caseId).map(v -> HouseholdDetails.masked(v, english)).orElse(List.of());
  }

  /**
   * Beside the masked household, the whole application for those who decide on one of its open
   * steps (the township accepting it, the village visiting, the approvers): read through
   * {@link AssistanceFiles#detail}, which logs the view with the step as its purpose.
   */
  @Override
  public PageRecord pageRecord(long caseId, LinliUser user, boolean english) {
    List<Detail> details = details(caseId, user, english);
    String step = personalData.needToKnow(caseId, user);
    if (step == null || details.isEmpty()) {
      return new PageRecord(details, List.of());
    }
    return new PageRecord(details, List.of(section.of(files.detail(caseId, user, step), english)));
  }
}
