package org.linli.notification;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Builds the model of a case mail with the keys the templates read (see {@link Notifications}). */
public final class MailModel {

  private MailModel() {}

  public static Map<String, Object> forCase(
      String caseNumber, String title, String stepName, String group, Instant dueAt, String divisionName) {
    Map<String, Object> m = new HashMap<>();
    m.put("caseNumber", caseNumber);
    m.put("title", title);
    m.put("stepName", stepName);
    m.put("group", group);
    m.put("dueAt", dueAt);
    m.put("divisionName", divisionName);
    return m;
  }
}
