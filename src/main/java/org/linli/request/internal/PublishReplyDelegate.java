package org.linli.request.internal;

import java.security.SecureRandom;
import java.util.Base64;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.linli.casefile.CaseFiles;
import org.linli.request.RequestProcess;
import org.linli.system.EngineClock;
import org.springframework.stereotype.Component;

/**
 * Stores the reply on the request and issues the resident's rating link token; each reply
 * gets a fresh token, so a link from an earlier round no longer rates.
 */
@Component("publishReply")
class PublishReplyDelegate implements JavaDelegate {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final ResidentRequestRepository requests;
  private final CaseFiles cases;

  PublishReplyDelegate(ResidentRequestRepository requests, CaseFiles cases) {
    this.requests = requests;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = execution.getProcessBusinessKey();
    long caseId = cases.byNumber(number).orElseThrow(() -> new IllegalStateException("no case " + number)).id();
    String reply = (String) execution.getVariable(RequestProcess.VAR_REPLY);
    requests.reply(caseId, reply, EngineClock.now(), newToken());
  }

  static String newToken() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
