package org.linli.request.internal;

import org.linli.system.Bilingual;
import org.linli.casefile.CaseEventType;
import org.linli.casefile.CaseFiles;
import org.linli.request.RequestProcess;
import org.springframework.stereotype.Component;

/**
 * The reopening (发回重办) on the "not satisfied" and "redo" flows of the request process; the
 * count of rounds is the request's record, so that nobody can buy a request more rounds.
 */
@Component
class RequestRounds {

  private final CaseFiles cases;
  private final ResidentRequestRepository requests;

  RequestRounds(CaseFiles cases, ResidentRequestRepository requests) {
    this.cases = cases;
    this.requests = requests;
  }

  /** Whether a resident who is not satisfied sends the request back once more, or a supervisor decides. */
  boolean mayReopen(long caseId) {
    return requests.ownership(caseId).reopenCount() < RequestProcess.MAX_REOPENS;
  }

  /** The request goes back to its handling unit for another round, recorded at {@code step}. */
  void reopen(long caseId, String step, String stepName) {
    // the handling unit gets a fresh time limit for the new round
    int round = requests.reopened(caseId);
    cases.recordStep(caseId, CaseEventType.REOPENED, step, stepName, new Bilingual.Halves("第 " + round + " 轮", "round " + round));
  }
}
