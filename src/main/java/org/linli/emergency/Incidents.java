package org.linli.emergency;

import java.util.Optional;

/** Reads the incident of an emergency case. */
public interface Incidents {

  Optional<Incident> of(long caseId);
}
