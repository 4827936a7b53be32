package org.linli.tasklist.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.linli.casefile.DeadlineState;
import org.linli.organization.CandidateGroups;
import org.linli.organization.Division;
import org.linli.organization.OrganizationService;
import org.linli.organization.RoleAssignment;
import org.linli.security.LinliUser;
import org.linli.tasklist.CaseKindSupport;
import org.linli.tasklist.TaskActions;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.linli.calendar.WorkingCalendar;

/** Formatting the workbench pages share: names of places and groups, times, ages, colours. */
@Component("work")
public class WorkbenchModel {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** The cards page (亮牌警示) of the supervision module. */
  static final String CARDS_PAGE = "/supervision/cards";

  private final OrganizationService organization;
  private final TaskActions tasks;
  private final org.linli.supervision.Cards cards;
  private final MessageSource messages;
  private final ZoneId zone;
  // names of places, people and categories change rarely; a page shows many rows of the same few
  private final NameMemo names = new NameMemo(java.time.Duration.ofMinutes(1));

  WorkbenchModel(OrganizationService organization, TaskActions tasks, MessageSource messages, WorkingCalendar calendar,
      org.linli.supervision.Cards cards) {
    this.cards = cards;
    this.zone = calendar.zone();
    this.organization = organization;
    this.tasks = tasks;
    this.messages = messages;
  }

  public String time(Instant t) {
    return t == null ? "—" : TIME.format(t.atZone(zone));
  }

  public String divisionName(String code) {
    return code == null ? "—" : names.get("d:" + code, () -> organization.division(code).map(Division::name).orElse(code));
  }

  /** The name of a county's department (民政局 for mz), or — for none. */
  public String departmentName(String countyCode, String code) {
    if (code == null) {
      return "—";
    }
    return names.get("dep:" + countyCode + ":" + code,
        () -> organization.department(countyCode, code).map(org.linli.organization.Department::name).orElse(code));
  }

  /** Places for a filter, grouped under their township's name (a township itself heads its own group). */
  public Map<String, List<Division>> byTownship(List<Division> places) {
    Map<String, List<Division>> groups = new java.util.LinkedHashMap<>();
    for (Division d : places) {
      String township = d.townshipCode() == null ? d.code() : d.townshipCode();
      groups.computeIfAbsent(divisionName(township), k -> new ArrayList<>()).add(d);
    }
    return groups;
  }

  /**
   * A timeline event's label: the kind's own word where it has one (an assistance application is
   * entered by the village, 录入申请, and only accepted, 受理, by the township), else the general one.
   */
  public String eventLabel(org.linli.casefile.CaseEventType type, String kind, Locale locale) {
    String general = messages.getMessage("event." + type.name(), null, type.name(), locale);
    return kind == null ? general : messages.getMessage("event." + type.name() + "." + kind, null, general, locale);
  }

  private static final java.util.regex.Pattern RATED_NOTE =
      java.util.regex.Pattern.compile("^(SATISFIED|BASICALLY_SATISFIED|NOT_SATISFIED)(?::\\s*(.*))?$", java.util.regex.Pattern.DOTALL);

  /** A timeline note as a person reads it: a rating row names the rating ("满意：…"), not its code. */
  public String timelineNote(org.linli.casefile.CaseEvent e, Locale locale) {
    String note = english(locale) && e.noteEn() != null ? e.noteEn() : e.note();
    if (note == null || e.type() != org.linli.casefile.CaseEventType.RATED) {
      return note;
    }
    java.util.regex.Matcher m = RATED_NOTE.matcher(note);
    if (!m.matches()) {
      return note;
    }
    String rating = messages.getMessage("rating." + m.group(1), null, m.group(1), locale);
    return m.group(2) == null || m.group(2).isBlank() ? rating : rating + (english(locale) ? ": " : "：") + m.group(2);
  }

  /** "桃源村 · 村社区工作者" for a candidate group. */
  public String groupName(String group, Locale locale) {
    if (group == null) {
      return "—";
    }
    return names.get("g:" + group + ":" + locale, () -> CandidateGroups.parse(group).map(r -> roleLabel(r, locale)).orElse(group));
  }

  public List<String> roles(LinliUser user, Locale locale) {
    List<String> out = new ArrayList<>();
    for (String g : user.groups()) {
      CandidateGroups.parse(g).ifPresent(r -> out.add(roleLabel(r, locale)));
    }
    return out;
  }

  public String staffName(String username) {
    return username == null ? "—" : names.get("s:" + username, () -> organization.staff(username).map(s -> s.name()).orElse(username));
  }

  public String categoryName(String kind, String code, Locale locale) {
    if (code == null) {
      return "—";
    }
    boolean en = english(locale);
    return names.get("c:" + kind + ":" + code + ":" + en,
        () -> tasks.kindSupport(kind).map(k -> k.categoryName(code, en)).orElse(code));
  }

  /**
   * A category's name when the kind is not at hand (a break-down by category): the first kind
   * whose catalogue has the code names it; requests first, as most categories are theirs.
   */
  public String anyCategoryName(String code, Locale locale) {
    if (code == null) {
      return "—";
    }
    boolean en = english(locale);
    return names.get("c*:" + code + ":" + en, () -> java.util.stream.Stream.of("REQUEST", "ASSISTANCE", "RECHECK", "EMERGENCY",
            "INSPECTION")
        .map(tasks::kindSupport).flatMap(java.util.Optional::stream)
        .map(k -> k.categories(en).get(code)).filter(java.util.Objects::nonNull).findFirst().orElse(code));
  }

  /** Whether the top bar offers the user the supervision centre (督办中心). */
  public boolean supervises(LinliUser user) {
    return org.linli.supervision.SupervisionAccess.mayWatch(user);
  }

  /** The categories of every kind, by kind, for the case list's filter. */
  public java.util.Map<String, java.util.Map<String, String>> allCategories(Locale locale) {
    java.util.Map<String, java.util.Map<String, String>> out = new java.util.LinkedHashMap<>();
    for (String kind : List.of("REQUEST", "ASSISTANCE", "RECHECK", "EMERGENCY", "INSPECTION")) {
      java.util.Map<String, String> c = categories(kind, locale);
      if (!c.isEmpty()) {
        out.put(kind, c);
      }
    }
    return out;
  }

  public java.util.Map<String, String> categories(String kind, Locale locale) {
    return tasks.kindSupport(kind).map(k -> k.categories(english(locale))).orElse(java.util.Map.of());
  }

  /** The case's own details and sections for its page, as the user may see them (whole views logged). */
  public CaseKindSupport.PageRecord pageRecord(String kind, long caseId, LinliUser user, Locale locale) {
    return tasks.kindSupport(kind).map(k -> k.pageRecord(caseId, user, english(locale)))
        .orElse(new CaseKindSupport.PageRecord(List.of(), List.of()));
  }

  /**
   * A label that a kind may word its own way ({@code case.openedAt.ASSISTANCE}: an application is
   * entered, 录入, before the township accepts it), else the general one.
   */
  public String kindLabel(String key, String kind, Locale locale) {
    String general = messages.getMessage(key, null, key, locale);
    return kind == null ? general : messages.getMessage(key + "." + kind, null, general, locale);
  }

  /**
   * The top bar's pages beyond the task list: where the user opens new cases (by kind, in a stable
   * order), then the cards page for supervisors and heads.
   */
  public List<CaseKindSupport.EntryLink> entryLinks(LinliUser user) {
    if (user == null) {
      return List.of();
    }
    List<CaseKindSupport.EntryLink> links = new ArrayList<>(tasks.entryLinks(user));
    if (cards.isForUser(user)) {
      links.add(new CaseKindSupport.EntryLink(CARDS_PAGE, "cards.nav"));
    }
    return links;
  }

  public List<CaseKindSupport.EntryLink> caseActions(LinliUser user, org.linli.casefile.CaseFile c) {
    return user == null ? List.of() : tasks.caseActions(user, c);
  }

  /** How long ago, in days and hours: "2天3小时" / "2d 3h". */
  /**
   * Time left until the due time ("剩余 3小时20分"), or how far past it ("超期 5小时"): what a
   * caseworker needs to order the day's work by, in the page's language.
   */
  public String remaining(Instant due, Instant now, Locale locale) {
    if (due == null) {
      return "—";
    }
    boolean past = due.isBefore(now);
    String span = past ? age(due, now, locale) : age(now, due, locale);
    if (english(locale)) {
      return past ? "overdue " + span : span + " left";
    }
    return past ? "超期 " + span : "剩余 " + span;
  }

  /** The chips a task row carries: 紧急, 已督办, 应急, 救助 (message keys under chip.). */
  public List<String> chips(org.linli.tasklist.TaskView t) {
    List<String> out = new ArrayList<>();
    if (t.urgent()) {
      out.add("urgent");
    }
    if (t.urgedAt() != null) {
      out.add("urged");
    }
    if ("EMERGENCY".equals(t.kind())) {
      out.add("emergency");
    }
    if ("ASSISTANCE".equals(t.kind()) || "RECHECK".equals(t.kind())) {
      out.add("assistance");
    }
    return out;
  }

  /** A title without the category it starts with ("路灯故障：村口路灯坏了" → "村口路灯坏了"): the row shows the category already. */
  public String titleWithout(String title, String categoryName) {
    if (title == null || categoryName == null) {
      return title;
    }
    for (String sep : List.of("：", ":")) {
      if (title.startsWith(categoryName + sep) && title.length() > categoryName.length() + 1) {
        return title.substring(categoryName.length() + 1).strip();
      }
    }
    return title;
  }

  public String age(Instant since, Instant now, Locale locale) {
    Duration d = Duration.between(since, now);
    long days = d.toDays();
    long hours = d.minusDays(days).toHours();
    if (english(locale)) {
      return days > 0 ? days + "d " + hours + "h" : hours + "h " + d.minusHours(d.toHours()).toMinutes() + "m";
    }
    return days > 0 ? days + "天" + hours + "小时" : hours + "小时" + d.minusHours(d.toHours()).toMinutes() + "分";
  }

  /**
   * The step name a timeline row shows next to its event, in the page's language, or null when it
   * adds nothing to the event's own label: "签收" needs no "签收 Sign for" after it, but "完成" does
   * need "入户调查" (step names are written "中文 English").
   */
  public String timelineStep(org.linli.casefile.CaseEvent e, Locale locale) {
    return timelineStep(e.type(), e.stepName(), locale, messages);
  }

  static String timelineStep(org.linli.casefile.CaseEventType type, String stepName, Locale locale, MessageSource messages) {
    String step = stepName == null ? null : stepName.strip();
    if (step == null || step.isEmpty()) {
      return null;
    }
    org.linli.system.Bilingual.Halves halves = org.linli.system.Bilingual.split(step);
    String zh = halves.zh();
    String en = halves.en();
    String key = "event." + type.name();
    if (same(messages.getMessage(key, null, "", Locale.SIMPLIFIED_CHINESE), zh)
        || same(messages.getMessage(key, null, "", Locale.ENGLISH), en)) {
      return null;
    }
    return english(locale) ? en : zh;
  }

  /** A step's name in the page's language: "签收 Sign for" is 签收 in Chinese, Sign for in English. */
  public String stepName(String name, Locale locale) {
    return name == null || name.isBlank() ? "—" : org.linli.system.Bilingual.in(name.strip(), locale);
  }

  /** The label says what the step name says: one holds the other, whatever the case. */
  private static boolean same(String label, String step) {
    if (label == null || label.isBlank()) {
      return false;
    }
    String a = label.strip().toLowerCase(Locale.ROOT);
    String b = step.toLowerCase(Locale.ROOT);
    return a.contains(b) || b.contains(a);
  }

  public String stateClass(DeadlineState state) {
    return state == null ? "green" : state.name().toLowerCase(Locale.ROOT);
  }

  private String roleLabel(RoleAssignment r, Locale locale) {
    String role = messages.getMessage("role." + r.role().name(), null, r.role().name(), locale);
    if (r.departmentCode() != null) {
      String dept = organization.department(r.divisionCode(), r.departmentCode()).map(d -> d.name()).orElse(r.departmentCode());
      return dept + " · " + role;
    }
    return r.divisionCode() == null ? role : divisionName(r.divisionCode()) + " · " + role;
  }

  /** A small, short-lived memo of display names, per node; nothing another node needs. */
  static final class NameMemo {
    private record Entry(String value, long expires) {}

    private final java.util.concurrent.ConcurrentHashMap<String, Entry> entries = new java.util.concurrent.ConcurrentHashMap<>();
    private final long ttlNanos;

    NameMemo(java.time.Duration ttl) {
      this.ttlNanos = ttl.toNanos();
    }

    String get(String key, java.util.function.Supplier<String> load) {
      long now = System.nanoTime();
      Entry e = entries.get(key);
      if (e == null || now - e.expires() > 0) {
        if (entries.size() > 10_000) {
          entries.clear();
        }
        e = new Entry(load.get(), now + ttlNanos);
        entries.put(key, e);
      }
      return e.value();
    }
  }

  static boolean english(Locale locale) {
    return locale != null && "en".equals(locale.getLanguage());
  }
}
