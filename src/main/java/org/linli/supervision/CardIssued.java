package org.linli.supervision;

import java.util.List;
import org.linli.casefile.CaseFile;
import org.linli.organization.Unit;

/** Published in the issuing transaction: a card went to a unit, naming these cases. */
public record CardIssued(long cardId, CardColour colour, Unit unit, String unitName, String reason, String issuedBy,
    String issuedByName, List<CaseFile> cases) {}
