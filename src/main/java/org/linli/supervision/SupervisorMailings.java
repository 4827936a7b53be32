package org.linli.supervision;

import java.util.List;
import org.linli.organization.CandidateGroups;
import org.linli.organization.Division;
import org.linli.organization.DivisionLevel;
import org.linli.organization.OrganizationService;
import org.linli.organization.StaffMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The walk the daily digest and the weekly report share: every county and township with active
 * supervisors, each area's mail queued in a transaction of its own, so that one area's failure or a
 * race with another node leaves the other areas' mails queued.
 */
@Component
class SupervisorMailings {

  /** What one area's supervisors are sent; returns the mails queued. */
  interface AreaMail {
    int send(Division area, List<String> supervisors);
  }

  private static final Logger log = LoggerFactory.getLogger(SupervisorMailings.class);

  private final OrganizationService organization;
  private final TransactionTemplate tx;

  SupervisorMailings(OrganizationService organization, TransactionTemplate tx) {
    this.organization = organization;
    this.tx = tx;
  }

  /**
   * Sends {@code mail} to the supervisors of each county and township (villages have none) and
   * returns the mails queued. {@code what} names the mailing in the log.
   */
  int toEachArea(String what, AreaMail mail) {
    int queued = 0;
    for (Division area : organization.divisions()) {
      if (area.level() == DivisionLevel.VILLAGE) {
        continue;
      }
      List<String> supervisors = organization.membersOf(CandidateGroups.supervisors(area.code())).stream()
          .map(StaffMember::username).toList();
      if (supervisors.isEmpty()) {
        continue;
      }
      try {
        Integer n = tx.execute(s -> mail.send(area, supervisors));
        queued += n == null ? 0 : n;
      } catch (DataIntegrityViolationException e) {
        // the outbox's key is unique: another node queued this area's mail at the same moment
        log.info("{} for {} was queued by another node", what, area.code());
      }
    }
    if (queued > 0) {
      log.info("{}: {} mails queued", what, queued);
    }
    return queued;
  }
}
