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
import org.linli.tasklist.CaseKindSupport;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an assistance case shows in the task list and on its case page: the programme as its
 * category and the household with masked ID numbers (whole values only through AssistanceFiles,
 * logged, for staff acting on the case).
 */
@Component
class AssistanceKindSupport implements CaseKindSupport {

  private final AssistanceFiles files;
  private final JdbcClient jdbc;
  private final org.linli.organization.OrganizationService organization;

  AssistanceKindSupport(AssistanceFiles files, JdbcClient jdbc, org.linli.organization.OrganizationService organization) {
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
}
