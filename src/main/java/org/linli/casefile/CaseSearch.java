package org.linli.casefile;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.linli.casefile.internal.CaseQueries;
import org.linli.security.LinliUser;
import org.springframework.stereotype.Service;

/**
 * Finding a case, open or closed, within the user's area: by its number, words of its title, or the
 * resident's phone number. A phone number is personal data: each case it finds and shows is
 * logged as a view of the resident's data ({@link PersonalData}), whoever searched.
 */
@Service
public class CaseSearch {

  /** What the search box takes as a phone number: a mobile, or a landline with its area code. */
  private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");

  /** Why the log shows the view. */
  static final String PHONE_PURPOSE = "按电话号码查找 search by phone number";

  private final CaseQueries queries;
  private final List<CasePhoneLookup> lookups;
  private final PersonalData personalData;

  CaseSearch(CaseQueries queries, List<CasePhoneLookup> lookups, PersonalData personalData) {
    this.queries = queries;
    this.lookups = lookups;
    this.personalData = personalData;
  }

  public static boolean isPhone(String text) {
    return text != null && PHONE.matcher(text.strip()).matches();
  }

  /** The cases of every kind whose resident gave this phone number, in any area: narrow them by scope. */
  public Set<Long> casesByPhone(String phone) {
    Set<Long> ids = new HashSet<>();
    lookups.forEach(l -> ids.addAll(l.caseIdsByPhone(phone.strip())));
    return ids;
  }

  /**
   * The cases of the filter (its scope always applies) that {@code q} finds, newest first: a case
   * number, a phone number (logged per case shown) or words of the title. A blank {@code q} narrows
   * nothing.
   */
  public Page<CaseFile> search(LinliUser user, CaseFilter filter, String q, int page, int size) {
    String text = q == null || q.isBlank() ? null : q.strip();
    boolean phone = isPhone(text);
    CaseFilter f = filter.searching(user.scope(), phone ? null : text, phone ? casesByPhone(text) : null);
    Page<CaseFile> found = queries.cases(f, page, size);
    if (phone) {
      phoneSearched(user, found.items().stream().map(CaseFile::id).toList());
    }
    return found;
  }

  /** Logs that a phone search showed these cases to the user: it tells whose cases they are. */
  public void phoneSearched(LinliUser user, Collection<Long> shownCaseIds) {
    new LinkedHashSet<>(shownCaseIds).forEach(id -> personalData.viewed(id, user.username(), PersonalData.RESIDENT, PHONE_PURPOSE));
  }
}
