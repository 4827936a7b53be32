package org.linli.request;

import java.util.Optional;
import org.linli.casefile.CaseFiles;
import org.linli.request.internal.ResidentRequestRepository;
import org.springframework.stereotype.Service;

/** Reads what residents told us, for the portal and other features; writes go through intake and the loop. */
@Service
public class ResidentRequests {

  private final ResidentRequestRepository repository;
  private final CaseFiles cases;

  ResidentRequests(ResidentRequestRepository repository, CaseFiles cases) {
    this.repository = repository;
    this.cases = cases;
  }

  public Optional<ResidentRequest> byCaseNumber(String caseNumber) {
    return caseNumber == null ? Optional.empty() : repository.byCaseNumber(caseNumber);
  }

  public Optional<ResidentRequest> byRatingToken(String token) {
    return token == null || token.isBlank() ? Optional.empty() : repository.byRatingToken(token);
  }

  /** True while the request's latest reply waits for the resident's rating (the callback step is open). */
  public boolean awaitsRating(long caseId) {
    return cases.openTasks(caseId).stream().anyMatch(t -> RequestProcess.TASK_CALLBACK.equals(t.activityId()));
  }
}
