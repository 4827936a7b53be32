package org.linli.tasklist;

import java.util.List;

/**
 * What a kind of case adds to the task list and case page: finding cases by a resident's phone
 * number, category names and the case's own details. Features publish one as a bean.
 */
public interface CaseKindSupport extends org.linli.casefile.CasePhoneLookup {

  /** A labelled value on the case page. */
  record Detail(String label, String value) {}

  /** A small table of a section: column heads and rows of text, one value a head. */
  record Table(String caption, List<String> head, List<List<String>> rows) {}

  /**
   * A titled part of the case's own record that the case page shows before the steps, for those
   * who decide on them (an application's figures).
   *
   * @param id the element id on the page
   */
  record Section(String id, String title, List<Detail> facts, List<Table> tables) {}

  /** The case's own record as its page shows it: the details beside the steps and the sections before them. */
  record PageRecord(List<Detail> details, List<Section> sections) {}

  /**
   * A workbench page where the user opens a new case of this kind, shown in the top bar.
   *
   * @param path the page's address, e.g. {@code /assistance/apply}
   * @param labelKey the link text's key in the workbench messages ({@code i18n/messages*.properties})
   */
  record EntryLink(String path, String labelKey) {}

  String kind();

  String categoryName(String categoryCode, boolean english);

  /** The categories by code, for filters, in catalogue order. */
  java.util.Map<String, String> categories(boolean english);

  /**
   * The case's own details for its page, as this user may see them: personal data whole only for
   * staff acting on the case, and each such view logged ({@link org.linli.casefile.PersonalData}).
   */
  List<Detail> details(long caseId, org.linli.security.LinliUser user, boolean english);

  /**
   * The case's details and sections for its page, as this user may see them; by default the
   * {@link #details} alone. Personal data as in {@link #details}: whole and logged only for staff
   * acting on the case, once a page.
   */
  default PageRecord pageRecord(long caseId, org.linli.security.LinliUser user, boolean english) {
    return new PageRecord(details(caseId, user, english), List.of());
  }

  /** The page where this user may open a new case of this kind, if there is one for them. */
  default java.util.Optional<EntryLink> entryLink(org.linli.security.LinliUser user) {
    return java.util.Optional.empty();
  }

  /** Pages of this kind where the user may act on the case beyond its steps (e.g. change an emergency's level). */
  default List<EntryLink> caseActions(org.linli.security.LinliUser user, org.linli.casefile.CaseFile c) {
    return List.of();
  }
}
