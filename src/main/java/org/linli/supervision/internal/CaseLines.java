package org.linli.supervision.internal;

import java.util.HashMap;
import java.util.Map;
import org.linli.casefile.CaseFile;
import org.linli.organization.PlaceNames;

/** A case as a line of a supervision mail (the daily digest, a card): the same fields under the same names for each template. */
public final class CaseLines {

  private CaseLines() {}

  public static Map<String, Object> line(CaseFile c, PlaceNames names) {
    Map<String, Object> m = new HashMap<>();
    m.put("caseNumber", c.caseNumber());
    m.put("title", c.title());
    m.put("divisionName", names.division(c.divisionCode()));
    m.put("stepName", c.currentStepName());
    // a case between steps (or closed) has no step due time: its own due time stands in
    m.put("dueAt", c.stepDue() != null ? c.stepDue() : c.caseDue());
    return m;
  }
}
