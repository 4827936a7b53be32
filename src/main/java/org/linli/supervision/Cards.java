package org.linli.supervision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.linli.casefile.CaseEventType;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.Page;
import org.linli.organization.CandidateGroups;
import org.linli.organization.Department;
import org.linli.organization.Division;
import org.linli.organization.DivisionLevel;
import org.linli.organization.OrganizationService;
import org.linli.organization.PlaceNames;
import org.linli.organization.Role;
import org.linli.organization.RoleAssignment;
import org.linli.organization.Scope;
import org.linli.organization.StaffMember;
import org.linli.organization.Unit;
import org.linli.security.LinliUser;
import org.linli.supervision.internal.CardRepository;
import org.linli.system.Bilingual;
import org.linli.system.EngineClock;
import org.linli.system.ForbiddenException;
import org.linli.system.InvalidInputException;
import org.linli.system.InvalidInputException.FieldError;
import org.linli.system.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Yellow and red cards (黄牌/红牌): a supervisor holds a unit below them (a village, a township, a
 * department of their county) to account for its overdue work. A card names the unit, a reason and
 * the unit's overdue cases in the supervisor's area; it is recorded, written on each case's
 * timeline and mailed to the unit's heads (its officers where it has none), all in one transaction.
 *
 * <p>Only supervisors issue cards. Heads receive them and, like everyone, read the cards of their
 * area: a card is seen by whoever sees the unit's cases ({@link org.linli.organization.ScopeSql#cases}).
 */
@Service
public class Cards {

  private static final String UNIT_MESSAGE =
      "请选择亮牌的单位 (村社区、乡镇街道或县级部门) choose the unit: a village, a township or a county department";
  static final int MAX_REASON = 500;
  static final int MAX_CASES = 50;
  /** How many of a unit's overdue cases the issuing form offers. */
  public static final int OFFERED = 200;

  private final CardRepository repository;
  private final CaseFiles cases;
  private final OrganizationService organization;
  private final ApplicationEventPublisher events;

  Cards(CardRepository repository, CaseFiles cases, OrganizationService organization, ApplicationEventPublisher events) {
    this.repository = repository;
    this.cases = cases;
    this.organization = organization;
    this.events = events;
  }

  /** Whether the user issues cards at all: a supervisor somewhere. */
  public boolean mayIssue(LinliUser user) {
    return !supervisedAreas(user).isEmpty();
  }

  /** Whether the cards page is one of the user's own pages (its link in the top bar): supervisors and heads. */
  public boolean isForUser(LinliUser user) {
    return user != null && (user.holds(Role.SUPERVISOR) || user.holds(Role.HEAD));
  }

  /**
   * Whether the user may card the unit: it lies below one of the areas they supervise (a county
   * supervisor's townships, villages and departments; a township supervisor's villages).
   */
  public boolean mayCard(LinliUser user, Unit unit) {
    for (String area : supervisedAreas(user)) {
      boolean below = unit.isDepartment() ? unit.divisionCode().equals(area)
          : unit.divisionCode().startsWith(area) && unit.divisionCode().length() > area.length();
      if (below) {
        return true;
      }
    }
    return false;
  }

  /** The units the user may card, departments first, then each township followed by its villages. */
  public List<Unit> units(LinliUser user) {
    List<Unit> out = new ArrayList<>();
    for (Department d : organization.departments()) {
      Unit u = new Unit(d.countyCode(), d.code());
      if (mayCard(user, u)) {
        out.add(u);
      }
    }
    organization.divisions().stream()
        .filter(d -> d.level() != DivisionLevel.COUNTY)
        .sorted(Comparator.comparing(Division::code))
        .map(d -> new Unit(d.code(), null))
        .filter(u -> mayCard(user, u))
        .forEach(out::add);
    return out;
  }

  public String unitName(Unit unit) {
    return organization.unitName(unit);
  }

  /** The names of places and units, read once for a page that names many. */
  public PlaceNames names() {
    return organization.names();
  }

  /**
   * The unit's overdue work in the user's supervised area: cases where a step of the unit is past
   * due now or was marked overdue, newest first (at most {@link #OFFERED}).
   */
  public List<CaseFile> overdueWork(LinliUser user, String divisionCode, String departmentCode) {
    requireSupervisor(user);
    Unit unit = unit(divisionCode, departmentCode);
    if (unit == null) {
      throw new InvalidInputException("divisionCode", UNIT_MESSAGE);
    }
    requireMayCard(user, unit);
    return cases.overdueWork(area(user), unit.workGroups(), null, OFFERED);
  }

  /** An existing unit, from its division's code and, for a department, the department's; or null. */
  private Unit unit(String divisionCode, String departmentCode) {
    String key = departmentCode == null || departmentCode.isBlank() ? divisionCode
        : divisionCode + ":" + departmentCode.strip();
    return Unit.parse(key).filter(organization::exists).orElse(null);
  }

  /** Issues a card: all of it or nothing (record, timelines, mail). */
  @Transactional
  public Card issue(LinliUser user, CardOrder order) {
    return issue(user, order, null);
  }

  /**
   * Issues a card once per {@code submission}: the key of the form it was posted from (a token the
   * page renders into it) or the API's {@code Idempotency-Key}. A second post with the same key, a
   * double click or a retry after a lost answer, issues nothing and answers with the card the first
   * one issued. The key is kept unique in the database rather than remembered in a session or in
   * memory, so that two posts racing on two nodes cannot both issue: the second one's insert fails
   * ({@link DuplicateKeyException}); the caller then asks {@link #issuedBy} for the first one's card.
   * We chose a key per submission over refusing "the same card again within a minute": a supervisor
   * may mean two equal cards, and a key tells a repeat from a new intent without guessing.
   */
  @Transactional
  public Card issue(LinliUser user, CardOrder order, String submission) {
    requireSupervisor(user);
    String key = submissionKey(submission);
    if (key != null) {
      Optional<Long> already = repository.bySubmission(key, user.username());
      if (already.isPresent()) {
        return get(user, already.get());
      }
    }
    List<FieldError> errors = new ArrayList<>();
    CardColour colour = colour(order.colour());
    if (colour == null) {
      errors.add(new FieldError("colour", "请选择黄牌或红牌 choose YELLOW or RED"));
    }
    Unit unit = unit(order.divisionCode(), order.departmentCode());
    if (unit == null) {
      errors.add(new FieldError("divisionCode", UNIT_MESSAGE));
    }
    String reason = order.reason() == null ? null : order.reason().strip();
    if (reason == null || reason.isEmpty() || reason.length() > MAX_REASON) {
      errors.add(new FieldError("reason", "请填写亮牌理由 (最多" + MAX_REASON + "字) give the reason, at most " + MAX_REASON
          + " characters"));
    }
    Set<String> numbers = new LinkedHashSet<>();
    if (order.caseNumbers() != null) {
      order.caseNumbers().stream().filter(n -> n != null && !n.isBlank()).map(n -> n.strip().toUpperCase(Locale.ROOT))
          .forEach(numbers::add);
    }
    if (numbers.isEmpty() || numbers.size() > MAX_CASES) {
      errors.add(new FieldError("caseNumbers", "请选择该单位的超期案件 (1至" + MAX_CASES + "件) name 1 to " + MAX_CASES
          + " of the unit's overdue cases"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    requireMayCard(user, unit);
    // the same answer for a case of another area, a case that does not exist and one not overdue
    Map<String, CaseFile> found = cases.overdueWork(area(user), unit.workGroups(), numbers, MAX_CASES).stream()
        .collect(Collectors.toMap(CaseFile::caseNumber, Function.identity()));
    List<String> refused = numbers.stream().filter(n -> !found.containsKey(n)).toList();
    if (!refused.isEmpty()) {
      throw new InvalidInputException("caseNumbers", "不是该单位在您辖区内的超期案件 not overdue work of this unit in your area: "
          + String.join(", ", refused));
    }
    List<CaseFile> named = numbers.stream().map(found::get).toList();
    String unitName = organization.unitName(unit);
    Instant now = EngineClock.now();
    long id = repository.insert(colour, unit, reason, user.username(), now, key);
    // a person's reason is kept as written, after Linli's words in each language
    Bilingual.Halves note = new Bilingual.Halves(colour.zh() + "警示 " + unitName + "：" + reason,
        capitalised(colour.en()) + " to " + unitName + ": " + reason);
    for (CaseFile c : named) {
      repository.name(id, c.id(), c.caseNumber(), c.title());
      cases.record(c.id(), CaseEventType.CARDED, c.currentStep(), c.currentStepName(), user.username(), null, note);
    }
    events.publishEvent(new CardIssued(id, colour, unit, unitName, reason, user.username(), user.name(), named));
    return get(user, id);
  }

  /** The card the user issued with this submission key, if one was issued. */
  public Optional<Card> issuedBy(LinliUser user, String submission) {
    String key = submissionKey(submission);
    return key == null ? Optional.empty() : repository.bySubmission(key, user.username()).map(id -> get(user, id));
  }

  /** A submission key as given, or null for none; one a client could not have meant (too long, odd characters) is refused. */
  private static String submissionKey(String submission) {
    if (submission == null || submission.isBlank()) {
      return null;
    }
    String key = submission.strip();
    if (!key.matches("[A-Za-z0-9_-]{8,64}")) {
      throw new InvalidInputException("submission", "提交标识无效，请刷新页面后重试 the form's key is not valid: reload the page and try again");
    }
    return key;
  }

  /** The cards of the user's area, newest first. */
  public Page<Card> list(LinliUser user, int page, int size) {
    int p = Math.max(0, page);
    int s = size < 1 ? 20 : Math.min(size, 200);
    Scope scope = user.scope();
    List<CardRepository.Row> rows = repository.list(scope, p, s);
    return new Page<>(cards(rows), p, s, repository.count(scope));
  }

  /** One card of the user's area; any other is "not found". */
  public Card get(LinliUser user, long id) {
    return repository.byId(id, user.scope()).map(r -> cards(List.of(r)).get(0))
        .orElseThrow(() -> new NotFoundException("no card " + id + " in your area"));
  }

  /**
   * Cards of each colour per unit that the scope sees, issued from {@code from} (inclusive) to
   * {@code to} (exclusive): what the rankings count.
   */
  public List<UnitCardCount> countByUnit(Scope scope, Instant from, Instant to) {
    return repository.countByUnit(scope, from, to);
  }

  /** A page of cards with their cases, names and issuers: a fixed number of queries, however many cards. */
  private List<Card> cards(List<CardRepository.Row> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<Long, List<CardRepository.Named>> named = repository.cases(rows.stream().map(CardRepository.Row::id).toList());
    PlaceNames names = organization.names();
    Map<String, String> issuers = new HashMap<>();
    List<Card> out = new ArrayList<>();
    for (CardRepository.Row r : rows) {
      List<Card.CardCase> cs = named.getOrDefault(r.id(), List.of()).stream()
          .map(n -> new Card.CardCase(n.caseNumber(), n.title())).toList();
      Unit unit = new Unit(r.divisionCode(), r.departmentCode());
      // a page's cards come from a few supervisors: each is looked up once
      String issuer = issuers.computeIfAbsent(r.issuedBy(),
          u -> organization.staff(u).map(StaffMember::name).orElse(u));
      out.add(new Card(r.id(), r.colour(), r.divisionCode(), r.departmentCode(), names.unit(unit), r.reason(),
          r.issuedBy(), issuer, r.issuedAt(), cs));
    }
    return out;
  }

  /** The divisions where the user is a supervisor. */
  private static List<String> supervisedAreas(LinliUser user) {
    if (user == null) {
      return List.of();
    }
    return user.groups().stream().map(CandidateGroups::parse).flatMap(java.util.Optional::stream)
        .filter(r -> r.role() == Role.SUPERVISOR).map(RoleAssignment::divisionCode).sorted().toList();
  }

  /** The cases a supervisor watches: those of the areas they supervise (not of any other role they hold). */
  private static Scope area(LinliUser user) {
    return Scope.ofDivisions(supervisedAreas(user));
  }

  private void requireSupervisor(LinliUser user) {
    if (!mayIssue(user)) {
      throw new ForbiddenException("只有督查人员可以亮牌 only supervisors issue cards");
    }
  }

  private void requireMayCard(LinliUser user, Unit unit) {
    if (!mayCard(user, unit)) {
      throw new ForbiddenException("只能对本辖区的下级单位亮牌 you card the units below your own area only, not " + unit.key());
    }
  }

  private static CardColour colour(String text) {
    if (text == null) {
      return null;
    }
    try {
      return CardColour.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String capitalised(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
