package org.linli.alert.internal;

import java.util.List;

/**
 * One CAP 1.2 alert message as Linli writes it: the subset of the standard's elements it fills,
 * in the order of the schema. Values are the texts that go into the document.
 */
record CapAlert(
    String identifier,
    String sender,
    String sent,
    String status,
    String msgType,
    String scope,
    String restriction,
    String addresses,
    String note,
    String references,
    String incidents,
    List<Info> infos) {

  record Info(
      String language,
      String category,
      String event,
      List<String> responseTypes,
      String urgency,
      String severity,
      String certainty,
      List<Pair> eventCodes,
      String onset,
      String senderName,
      String headline,
      String description,
      String instruction,
      List<Pair> parameters,
      Area area) {}

  /** CAP's valueName/value pairs (eventCode, parameter, geocode). */
  record Pair(String valueName, String value) {}

  record Area(String areaDesc, String circle, List<Pair> geocodes) {}
}
