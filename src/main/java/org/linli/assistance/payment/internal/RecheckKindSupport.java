package org.linli.assistance.payment.internal;

import org.linli.security.LinliUser;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.linli.approval.ApprovalProcess;
import org.linli.assistance.AssistanceFiles;
import org.linli.assistance.HouseholdDetails;
import org.linli.assistance.Programme;
import org.linli.assistance.payment.Entitlement;
import org.linli.assistance.payment.Entitlements;
import org.linli.assistance.payment.RecheckProcess;
import org.linli.casefile.CaseFiles;
import org.linli.tasklist.CaseKindSupport;
import org.springframework.stereotype.Component;
import org.linli.calendar.WorkingCalendar;

/**
 * What a re-check case (动态复核, {@value RecheckProcess#KIND}) shows in the task list and on its
 * case page: the programme as its category, the entitlement under re-check (programme, monthly
 * amount, since when), the household as its assistance case shows it (masked), and, once decided,
 * the re-check's result.
 */
@Component
class RecheckKindSupport implements CaseKindSupport {

  private final CaseFiles cases;
  private final Entitlements entitlements;
  private final AssistanceFiles files;
  private final EntitlementRepository repository;
  private final WorkingCalendar calendar;

  RecheckKindSupport(CaseFiles cases, Entitlements entitlements, AssistanceFiles files, EntitlementRepository repository,
      WorkingCalendar calendar) {
    this.cases = cases;
    this.entitlements = entitlements;
    this.files = files;
    this.repository = repository;
    this.calendar = calendar;
  }

  @Override
  public String kind() {
    return RecheckProcess.KIND;
  }

  /** Re-checks of the households whose application gives this phone number. */
  @Override
  public Set<Long> caseIdsByPhone(String phone) {
    return new HashSet<>(repository.recheckCasesByPhone(phone));
  }

  @Override
  public String categoryName(String categoryCode, boolean english) {
    return Programme.nameOf(categoryCode, english);
  }

  @Override
  public Map<String, String> categories(boolean english) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Programme p : List.of(Programme.DIBAO, Programme.TEKUN)) { // monthly programmes are re-checked
      out.put(p.name(), p.name(english));
    }
    return out;
  }

  @Override
  public List<Detail> details(long caseId, LinliUser user, boolean english) {
    List<Detail> out = new ArrayList<>();
    Optional<EntitlementRepository.Recheck> recheck = repository.recheck(caseId);
    Optional<Entitlement> found = recheck.flatMap(r -> entitlements.byId(r.entitlementId()));
    if (found.isEmpty()) {
      return out;
    }
    Entitlement e = found.get();
    cases.byId(e.caseId()).ifPresent(c -> out.add(new Detail(english ? "Assistance case" : "原救助案件", c.caseNumber())));
    out.addAll(entitlement(e, english));
    files.view(e.caseId()).ifPresent(h -> HouseholdDetails.masked(h, english).stream()
        .filter(d -> !d.label().equals(english ? "Programme" : "救助类别")) // the entitlement says it
        .forEach(out::add));
    result(recheck.get(), e, english).ifPresent(out::add);
    return out;
  }

  private List<Detail> entitlement(Entitlement e, boolean english) {
    List<Detail> out = new ArrayList<>();
    out.add(new Detail(english ? "Programme" : "救助类别", categoryName(e.programme(), english)));
    YearMonth now = YearMonth.from(calendar.today());
    BigDecimal current = entitlements.amountIn(e.id(), now);
    BigDecimal next = entitlements.amountIn(e.id(), now.plusMonths(1));
    String amount = current.toPlainString() + (english ? " CNY a month" : " 元/月");
    if (next.compareTo(current) != 0 && (e.endMonth() == null || !now.plusMonths(1).isAfter(e.endMonth()))) {
      amount += english ? "; from " + now.plusMonths(1) + ": " + next.toPlainString() + " CNY"
          : "；" + now.plusMonths(1) + " 起 " + next.toPlainString() + " 元";
    }
    out.add(new Detail(english ? "Monthly amount" : "月救助金额", amount));
    out.add(new Detail(english ? "Since" : "享受起始月份", e.startMonth().toString()));
    if (e.endMonth() != null) {
      out.add(new Detail(english ? "Last month paid" : "救助终止月份", e.endMonth().toString()));
    }
    out.add(new Detail(english ? "Next re-check" : "下次复核", e.status() == Entitlement.Status.ACTIVE ? e.nextRecheckOn().toString() : "—"));
    return out;
  }

  /** The outcome once the reviews are done: continued (with a new amount or not) or ended. */
  private Optional<Detail> result(EntitlementRepository.Recheck r, Entitlement e, boolean english) {
    Object outcome = r.outcome();
    if (outcome == null) {
      return Optional.empty();
    }
    Object amount = r.amount() == null ? null : r.amount().toPlainString();
    Object reasons = r.reasons();
    String reasonText = reasons == null || reasons.toString().isBlank() ? "" : (english ? ": " : "：") + reasons;
    String text = switch (ApprovalProcess.Outcome.valueOf(outcome.toString())) {
      case APPROVED -> (english ? "Approved, assistance continues" : "复核通过，继续救助")
          + (amount == null || amount.toString().isBlank() ? (english ? "; amount unchanged" : "；金额不变")
              : (english ? "; monthly amount from next month: " + amount + " CNY" : "；次月起月救助金额 " + amount + " 元"));
      case REJECTED -> (english ? "Rejected, assistance ends" : "复核不予通过，终止救助")
          + (e.endMonth() == null ? "" : (english ? " after " : "，最后发放月份 ") + e.endMonth()) + reasonText;
      case RETURNED -> (english ? "Returned" : "退回") + reasonText;
    };
    return Optional.of(new Detail(english ? "Re-check result" : "复核结论", text));
  }
}
