package org.linli.assistance;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.linli.casefile.CaseEventType;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.system.Bilingual;
import org.linli.system.ConflictException;
import org.linli.system.InvalidInputException;
import org.linli.system.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Objections (异议) raised during the public notice (公示): the file goes back to verification. */
@Service
public class AssistanceObjections {

  private final RuntimeService runtime;
  private final CaseFiles cases;

  AssistanceObjections(RuntimeService runtime, CaseFiles cases) {
    this.runtime = runtime;
    this.cases = cases;
  }

  /**
   * @throws ConflictException when the case is not in its notice period
   */
  @Transactional
  public void object(String caseNumber, String reason) {
    if (reason == null || reason.isBlank() || reason.strip().length() > 2000) {
      throw new InvalidInputException("reason", "请说明异议内容（2000字以内） give the objection (at most 2000 characters)");
    }
    CaseFile c = cases.byNumber(caseNumber).filter(f -> AssistanceProcess.KIND.equals(f.kind()))
        .orElseThrow(() -> new NotFoundException("没有这个救助案件 no assistance case " + caseNumber));
    try {
      runtime.createMessageCorrelation(AssistanceProcess.MESSAGE_OBJECTION)
          .processInstanceBusinessKey(caseNumber)
          .setVariable(AssistanceProcess.VAR_OBJECTION, reason.strip())
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw new ConflictException("该案件不在公示期 the case is not in its public notice period");
    }
    cases.record(c.id(), CaseEventType.RETURNED, AssistanceProcess.GATEWAY_NOTICE, "公示 Public notice", null, null,
        new Bilingual.Halves("公示期异议，退回核对：" + reason.strip(), "Objection during the notice, back to verification: " + reason.strip()));
  }
}
