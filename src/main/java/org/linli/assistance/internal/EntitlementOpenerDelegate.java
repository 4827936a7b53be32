package org.linli.assistance.internal;

import org.linli.system.ModelBean;
import static org.linli.assistance.AssistanceProcess.*;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.linli.assistance.AssistanceFlowProperties;
import org.linli.assistance.EntitlementSink;
import org.linli.assistance.Programme;
import org.linli.casefile.CaseFiles;
import org.linli.system.EngineClock;
import org.springframework.stereotype.Component;

/**
 * ${entitlementOpener}: opens the entitlement through {@link EntitlementSink} (payments' seam).
 * Monthly programmes start the month after approval; temporary help is paid in the month granted.
 * On Task_OpenUrgentEntitlement it opens the urgent one-off; an urgent case later approved is not
 * paid twice.
 */
@Component("entitlementOpener")
@ModelBean
class EntitlementOpenerDelegate implements JavaDelegate {

  private final EntitlementSink sink;
  private final CaseFiles cases;
  private final AssistanceFlowProperties properties;

  EntitlementOpenerDelegate(EntitlementSink sink, CaseFiles cases, AssistanceFlowProperties properties) {
    this.sink = sink;
    this.cases = cases;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long caseId = cases.caseIdOf(execution).orElseThrow(() -> new IllegalStateException("no case for " + execution.getId()));
    Programme programme = Programme.valueOf((String) execution.getVariable(VAR_PROGRAMME));
    YearMonth now = YearMonth.from(EngineClock.now().atZone(ZoneId.of("Asia/Shanghai")));
    boolean urgentStep = TASK_OPEN_URGENT.equals(execution.getCurrentActivityId());
    if (!urgentStep && programme == Programme.LINSHI && Boolean.TRUE.equals(execution.getVariable(VAR_URGENT_GRANTED))) {
      cases.record(execution, "COMPLETED", "先行救助已发放，不重复发放 Urgent help already paid; nothing more opened");
      return;
    }
    BigDecimal amount = urgentStep ? properties.temporaryAmount()
        : new BigDecimal((String) execution.getVariable(VAR_MONTHLY_AMOUNT));
    YearMonth start = programme == Programme.LINSHI ? now : now.plusMonths(1);
    sink.open(caseId, programme.name(), amount, start);
    execution.setVariable(VAR_START_MONTH, start.toString());
    if (urgentStep) {
      execution.setVariable(VAR_URGENT_GRANTED, true);
      execution.setVariable(VAR_MONTHLY_AMOUNT, amount.toPlainString());
    }
    cases.record(execution, "COMPLETED", (urgentStep ? "先行救助 Urgent help " : "待遇已开通 Entitlement opened ")
        + programme.nameZh() + " " + amount.toPlainString() + " 元 CNY，自 from " + start);
  }
}
