package org.linli.assistance.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linli.approval.ApprovalLevel;
import org.linli.approval.ApprovalProcess;
import org.linli.assistance.payment.internal.EntitlementRepository;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseOpening;
import org.linli.system.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.linli.calendar.WorkingCalendar;

/**
 * Re-checks (动态管理): which entitlements are due, starting their re-check cases, and applying the
 * outcome: approved continues (the next re-check moves on one interval), an amount decided in the
 * review applies from the next month, rejected ends the entitlement with the current month.
 */
@Service
public class Rechecks {

  private static final Logger log = LoggerFactory.getLogger(Rechecks.class);

  private final EntitlementRepository repository;
  private final Entitlements entitlements;
  private final CaseFiles cases;
  private final WorkingCalendar calendar;
  private final TransactionTemplate tx;

  Rechecks(EntitlementRepository repository, Entitlements entitlements, CaseFiles cases,
      WorkingCalendar calendar, TransactionTemplate tx) {
    this.repository = repository;
    this.entitlements = entitlements;
    this.cases = cases;
    this.calendar = calendar;
    this.tx = tx;
  }

  /** Active entitlements whose re-check date has come and that have no re-check under way. */
  public List<Entitlement> due(LocalDate day) {
    return repository.recheckDue(day);
  }

  /** The daily job: starts a re-check for each entitlement due today; returns how many started. */
  public int startDue() {
    int started = 0;
    for (Entitlement e : due(today())) {
      try {
        if (start(e.id())) {
          started++;
        }
      } catch (RuntimeException ex) {
        log.error("Re-check of entitlement {} could not start; the next run tries again", e.id(), ex);
      }
    }
    return started;
  }

  /**
   * Starts the entitlement's re-check case, once: the claim on the entitlement row and the process
   * start share a transaction, so two nodes or runs start one re-check. Returns false when one is
   * already under way or the entitlement has ended.
   */
  public boolean start(long entitlementId) {
    return Boolean.TRUE.equals(tx.execute(s -> {
      if (!repository.claimRecheck(entitlementId, "starting")) {
        return false;
      }
      Entitlement e = repository.byId(entitlementId).orElseThrow();
      String caseNumber = cases.byId(e.caseId()).map(c -> c.caseNumber()).orElse("");
      // lists show the programme; civil affairs, who decide last, see the case in their area
      CaseOpening opening = CaseOpening.of(RecheckProcess.KIND, e.divisionCode(), "救助复查 " + caseNumber)
          .category(e.programme(), e.programme())
          .department("mz");
      // the re-check's first step calls the approval, which records these levels in this transaction
      Map<String, Object> v = new HashMap<>();
      v.put(ApprovalProcess.VAR_LEVELS, ApprovalLevel.toJson(List.of(
          ApprovalLevel.village("村级复核", "working-days:5").offering(ApprovalProcess.APPROVE, ApprovalProcess.REJECT),
          ApprovalLevel.township("乡镇审核", "working-days:5").offering(ApprovalProcess.APPROVE, ApprovalProcess.REJECT),
          ApprovalLevel.department("民政局审批", "mz", "working-days:5").offering(ApprovalProcess.APPROVE, ApprovalProcess.REJECT))));
      // marks the re-check under way, so that the daily run starts no second one
      CaseFile recheck = cases.open(opening, v, opened -> repository.recheckOpened(opened.id(), entitlementId));
      repository.recheckStarted(entitlementId, recheck.processInstanceId());
      return true;
    }));
  }

  /** The entitlement's re-check case under way, if one is. */
  public Optional<CaseFile> running(long entitlementId) {
    return repository.runningRecheck(entitlementId).flatMap(cases::byId);
  }

  /**
   * Applies a re-check's outcome (called by the re-check process, in its transaction), with the
   * amount its reviewers recorded.
   */
  public void apply(long recheckCaseId, ApprovalProcess.Outcome outcome, String reasons) {
    EntitlementRepository.Recheck recheck = repository.recheck(recheckCaseId).orElseThrow();
    long entitlementId = recheck.entitlementId();
    BigDecimal amount = recheck.amount();
    repository.recheckApplied(recheckCaseId, outcome.name(), reasons, EngineClock.now());
    Entitlement e = repository.lock(entitlementId).orElseThrow();
    LocalDate today = today();
    YearMonth thisMonth = YearMonth.from(today);
    switch (outcome) {
      case REJECTED -> entitlements.end(entitlementId, thisMonth,
          "复查不予通过 Re-check rejected" + (reasons == null ? "" : ": " + reasons));
      case APPROVED -> {
        YearMonth next = thisMonth.plusMonths(1);
        if (amount != null && amount.compareTo(repository.amountIn(entitlementId, next)) != 0
            && (e.endMonth() == null || !next.isAfter(e.endMonth()))) {
          entitlements.adjust(entitlementId, amount, next, "复查调整 Re-check adjusted" + (reasons == null ? "" : ": " + reasons));
        }
        LocalDate nextRecheck = e.nextRecheckOn();
        do {
          nextRecheck = nextRecheck.plusMonths(e.recheckIntervalMonths());
        } while (!nextRecheck.isAfter(today));
        repository.recheckDone(entitlementId, nextRecheck);
      }
      // not offered by the re-check's levels; should one come, the next daily run starts again
      case RETURNED -> repository.recheckDone(entitlementId, e.nextRecheckOn());
    }
  }

  private LocalDate today() {
    return calendar.today();
  }
}
