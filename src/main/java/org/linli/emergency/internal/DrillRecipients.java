package org.linli.emergency.internal;

import java.util.Locale;
import org.linli.emergency.Incident;
import org.linli.notification.RecipientPolicy;
import org.linli.organization.OrganizationService;
import org.linli.organization.StaffMember;
import org.springframework.stereotype.Component;

/** A drill (预案演练) mails its participants only, whatever the level would reach. */
@Component
class DrillRecipients implements RecipientPolicy {

  private final IncidentRepository incidents;
  private final OrganizationService organization;

  DrillRecipients(IncidentRepository incidents, OrganizationService organization) {
    this.incidents = incidents;
    this.organization = organization;
  }

  @Override
  public boolean mayMail(long caseId, String username) {
    if (!incidents.isDrill(caseId)) {
      return true;
    }
    return incidents.byCase(caseId).map(Incident::participants).orElseThrow().contains(username);
  }

  @Override
  public boolean mayMailAddress(long caseId, String address) {
    if (!incidents.isDrill(caseId)) {
      return true;
    }
    String wanted = address.toLowerCase(Locale.ROOT);
    return incidents.byCase(caseId).map(Incident::participants).orElseThrow().stream()
        .map(organization::staff)
        .flatMap(java.util.Optional::stream)
        .map(StaffMember::email)
        .anyMatch(e -> e != null && e.toLowerCase(Locale.ROOT).equals(wanted));
  }
}
