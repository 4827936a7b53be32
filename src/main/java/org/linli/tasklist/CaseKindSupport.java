package org.linli.tasklist;

import java.util.List;
import java.util.Set;

/**
 * What a kind of case adds to the task list and case page: finding cases by a resident's phone
 * number, category names and the case's own details. Features publish one as a bean.
 */
public interface CaseKindSupport {

  /** A labelled value on the case page. */
  record Detail(String label, String value) {}

  String kind();

  Set<Long> caseIdsByPhone(String phone);

  String categoryName(String categoryCode, boolean english);

  /** The categories by code, for filters, in catalogue order. */
  java.util.Map<String, String> categories(boolean english);

  List<Detail> details(long caseId, boolean english);
}
