package org.linli.assistance.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.linli.assistance.Employment;
import org.linli.assistance.AssistanceFiles;
import org.linli.assistance.MemberCircumstances;
import org.linli.assistance.payment.internal.EntitlementRepository;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.system.ConflictException;
import org.linli.system.EngineClock;
import org.linli.system.InvalidInputException;
import org.linli.system.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens, adjusts and ends households' entitlements; lists those paid in a month. */
@Service
public class Entitlements {

  private final EntitlementRepository repository;
  private final CaseFiles cases;
  private final AssistanceFiles households;
  private final RecheckProperties recheck;

  Entitlements(EntitlementRepository repository, CaseFiles cases, AssistanceFiles households,
      RecheckProperties recheck) {
    this.repository = repository;
    this.cases = cases;
    this.households = households;
    this.recheck = recheck;
  }

  /**
   * Opens the case's entitlement from {@code startMonth}; a second call for the same case returns the
   * first one unchanged. The first re-check falls one interval after the first day of the start month.
   */
  @Transactional
  public Entitlement open(long caseId, String programme, BigDecimal monthlyAmount, YearMonth startMonth) {
    Optional<Entitlement> existing = repository.byCase(caseId);
    if (existing.isPresent()) {
      return existing.get();
    }
    if (programme == null || programme.isBlank()) {
      throw new InvalidInputException("programme", "请选择救助类别 give the programme");
    }
    checkAmount(monthlyAmount);
    if (startMonth == null) {
      throw new InvalidInputException("startMonth", "请填写起始月份 give the first month");
    }
    CaseFile c = cases.byId(caseId).orElseThrow(() -> new NotFoundException("no case " + caseId));
    int interval = intervalFor(caseId, startMonth.atDay(1));
    try {
      long id = repository.insert(caseId, programme, c.countyCode(), c.divisionCode(), monthlyAmount, startMonth, interval,
          startMonth.atDay(1).plusMonths(interval), EngineClock.now());
      return repository.byId(id).orElseThrow();
    } catch (DuplicateKeyException e) {
      // another node opened it at the same moment; on PostgreSQL this transaction is spoilt, so say so
      throw new ConflictException("entitlement of case " + caseId + " opened concurrently; retry");
    }
  }

  /** The amount from {@code from} on (until a later change); a change from the same month is replaced. */
  @Transactional
  public Entitlement adjust(long entitlementId, BigDecimal newAmount, YearMonth from, String reason) {
    checkAmount(newAmount);
    requireReason(reason);
    Entitlement e = repository.lock(entitlementId).orElseThrow(() -> new NotFoundException("no entitlement " + entitlementId));
    if (from == null || from.isBefore(e.startMonth())) {
      throw new InvalidInputException("from", "调整月份不能早于起始月份 the change cannot start before " + e.startMonth());
    }
    if (e.endMonth() != null && from.isAfter(e.endMonth())) {
      throw new InvalidInputException("from", "救助已于" + e.endMonth() + "终止 the entitlement ended with " + e.endMonth());
    }
    repository.change(entitlementId, from, newAmount, reason.strip(), EngineClock.now());
    return repository.byId(entitlementId).orElseThrow();
  }

  /** Ends the entitlement: {@code lastMonth} is still paid, later months are not. */
  @Transactional
  public Entitlement end(long entitlementId, YearMonth lastMonth, String reason) {
    requireReason(reason);
    Entitlement e = repository.lock(entitlementId).orElseThrow(() -> new NotFoundException("no entitlement " + entitlementId));
    if (lastMonth == null || lastMonth.isBefore(e.startMonth().minusMonths(1))) {
      throw new InvalidInputException("lastMonth", "终止月份不能早于起始月份 the last month cannot be before the first");
    }
    if (e.endMonth() != null && !lastMonth.isBefore(e.endMonth())) {
      return e; // already ended as early or earlier
    }
    repository.end(entitlementId, lastMonth, reason.strip());
    return repository.byId(entitlementId).orElseThrow();
  }

  /** Entitlements paid in the month. */
  public List<Entitlement> active(YearMonth month) {
    return repository.active(month);
  }

  public Optional<Entitlement> byId(long id) {
    return repository.byId(id);
  }

  public Optional<Entitlement> byCase(long caseId) {
    return repository.byCase(caseId);
  }

  /** The amount in force for a month, adjustments included (whether or not the month is paid). */
  public BigDecimal amountIn(long entitlementId, YearMonth month) {
    return repository.amountIn(entitlementId, month);
  }

  /**
   * Months between re-checks: shorter when a member is of working age and able to work. Without a
   * household on file the shorter interval applies, so that nobody goes unchecked for long.
   */
  int intervalFor(long caseId, LocalDate day) {
    return households.circumstances(caseId)
        .map(members -> members.stream().anyMatch(m -> ableToWork(m, day)) ? recheck.workingAgeMonths() : recheck.stableMonths())
        .orElse(recheck.workingAgeMonths());
  }

  private boolean ableToWork(MemberCircumstances m, LocalDate day) {
    int age = java.time.Period.between(m.birthDate(), day).getYears();
    return age >= recheck.workingAgeFrom() && age <= recheck.workingAgeTo()
        && m.employment() != Employment.UNABLE_TO_WORK && (m.disability() == 0 || m.disability() > 2);
  }

  private static void checkAmount(BigDecimal amount) {
    if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2 || amount.compareTo(new BigDecimal("1000000")) >= 0) {
      throw new InvalidInputException("monthlyAmount", "月救助金额应为正数, 最多两位小数 a positive amount with at most two decimals");
    }
  }

  private static void requireReason(String reason) {
    if (reason == null || reason.isBlank() || reason.length() > 500) {
      throw new InvalidInputException("reason", "请说明原因 (最多500字) give the reason (at most 500 characters)");
    }
  }
}
