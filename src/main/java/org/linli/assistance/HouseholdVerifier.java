package org.linli.assistance;

import java.math.BigDecimal;
import java.util.List;

/**
 * Checks a household's declared figures against trusted sources (核对). The verification step calls
 * the one bean of this type: {@code DeclaredDataVerifier} by default (declared data against the
 * standards), {@code HttpHouseholdVerifier} when {@code linli.assistance.verifier.url} is set. A
 * failure throws: the step's job is retried and then shows as an incident; the application stays.
 */
public interface HouseholdVerifier {

  /** What the sources confirm; amounts in CNY, per month for income. */
  record Verified(
      String source,
      BigDecimal perCapitaIncome,
      BigDecimal savingsPerCapita,
      BigDecimal vehicleValue,
      int dwellings,
      int householdSize,
      List<String> findings) {}

  /** A verifier that could not answer; retried by the job executor. */
  class VerificationFailed extends RuntimeException {
    public VerificationFailed(String message, Throwable cause) {
      super(message, cause);
    }
  }

  Verified verify(String caseNumber, HouseholdApplication application);
}
