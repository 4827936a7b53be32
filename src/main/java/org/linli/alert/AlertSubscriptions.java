package org.linli.alert;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.linli.emergency.IncidentLevel;
import org.linli.alert.internal.SubscriptionRepository;
import org.linli.organization.CandidateGroups;
import org.linli.organization.OrganizationService;
import org.linli.organization.Role;
import org.linli.organization.RoleAssignment;
import org.linli.organization.Scope;
import org.linli.security.LinliUser;
import org.linli.system.ConflictException;
import org.linli.system.EngineClock;
import org.linli.system.ForbiddenException;
import org.linli.system.InvalidInputException;
import org.linli.system.InvalidInputException.FieldError;
import org.linli.system.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is mailed the alerts of an area. Kept by supervisors (督查) for their own area and by
 * administrators for any; everyone else gets 403.
 */
@Service
public class AlertSubscriptions {

  private final SubscriptionRepository repository;
  private final OrganizationService organization;

  AlertSubscriptions(SubscriptionRepository repository, OrganizationService organization) {
    this.repository = repository;
    this.organization = organization;
  }

  /** The active subscriptions of the caller's area. */
  public List<AlertSubscription> list(LinliUser user) {
    Set<String> areas = areas(user);
    return repository.active(areas == null ? Scope.EVERYTHING : Scope.ofDivisions(areas));
  }

  @Transactional
  public AlertSubscription subscribe(LinliUser user, NewSubscription s) {
    Set<String> areas = areas(user);
    if (s == null) {
      throw new InvalidInputException("email", "必填 required");
    }
    List<FieldError> errors = new ArrayList<>();
    String email = email(s.email());
    if (email == null) {
      errors.add(new FieldError("email", "必须是有效的电子邮件地址 must be a valid e-mail address"));
    }
    String name = s.displayName() == null || s.displayName().isBlank() ? null
        : s.displayName().replaceAll("[\\r\\n\\t]+", " ").trim();
    if (name != null && name.length() > 100) {
      errors.add(new FieldError("displayName", "最多 100 个字符 at most 100 characters"));
    }
    String code = s.divisionCode() == null ? null : s.divisionCode().trim();
    if (code == null || code.isEmpty() || organization.division(code).isEmpty()) {
      errors.add(new FieldError("divisionCode", "没有该行政区划 no division '" + s.divisionCode() + "'"));
    } else if (areas != null && areas.stream().noneMatch(code::startsWith)) {
      errors.add(new FieldError("divisionCode", "不在您的督查区域内 not in your area " + areas));
    }
    IncidentLevel level = level(s.minLevel());
    if (level == null) {
      errors.add(new FieldError("minLevel", "必须是 I、II、III 或 IV must be I, II, III or IV"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    if (repository.activeExists(email, code)) {
      throw new ConflictException("该地址已订阅此区域 " + email + " already receives the alerts of " + code
          + "; delete that subscription first to change it");
    }
    long id = repository.insert(email, name, code, level, user.username(), EngineClock.now());
    return repository.byId(id).orElseThrow();
  }

  /** Ends a subscription of the caller's area; ending an ended one changes nothing. */
  @Transactional
  public void end(LinliUser user, long id) {
    Set<String> areas = areas(user);
    AlertSubscription s = repository.byId(id)
        .filter(x -> areas == null || areas.stream().anyMatch(x.divisionCode()::startsWith))
        .orElseThrow(() -> new NotFoundException("没有该订阅 no subscription " + id + " in your area"));
    if (s.active()) {
      repository.end(id, user.username(), EngineClock.now());
    }
  }

  /** The division codes a user keeps subscriptions for; null for an administrator (all). */
  private static Set<String> areas(LinliUser user) {
    if (user.inGroup(Role.ADMIN.groupPrefix())) {
      return null;
    }
    Set<String> areas = new LinkedHashSet<>();
    for (String group : user.groups()) {
      CandidateGroups.parse(group).filter(a -> a.role() == Role.SUPERVISOR).map(RoleAssignment::divisionCode)
          .ifPresent(areas::add);
    }
    if (areas.isEmpty()) {
      throw new ForbiddenException("只有督查人员和管理员可以管理预警订阅 only supervisors and administrators manage alert subscriptions");
    }
    return areas;
  }

  static IncidentLevel level(String s) {
    if (s == null) {
      return null;
    }
    try {
      return IncidentLevel.valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static String email(String s) {
    if (s == null || s.isBlank() || s.trim().length() > 254) {
      return null;
    }
    try {
      InternetAddress a = new InternetAddress(s.trim(), true);
      String address = a.getAddress();
      // a bare address only: no "Name <address>" forms, no groups
      if (!address.equals(s.trim()) || !address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
        return null;
      }
      return address.toLowerCase(Locale.ROOT);
    } catch (AddressException e) {
      return null;
    }
  }
}
