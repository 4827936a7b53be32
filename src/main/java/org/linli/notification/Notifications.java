package org.linli.notification;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.linli.notification.internal.DeliveryNudge;
import org.linli.notification.internal.MailRenderer;
import org.linli.notification.internal.MailRenderer.RenderedMail;
import org.linli.notification.internal.OutboxRepository;
import org.linli.notification.internal.OutboxRepository.NewRow;
import org.linli.notification.internal.OutboxStatus;
import org.linli.notification.internal.PreferenceRepository;
import org.linli.organization.OrganizationService;
import org.linli.organization.StaffMember;
import org.linli.system.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mail to staff and residents through a transactional outbox. Each call writes one row per
 * recipient in the caller's transaction, with subject and bodies rendered now (later changes to the
 * case do not alter the mail); the rows are sent after commit and retried with back-off until they
 * succeed or fail for good. Nothing is sent for a transaction that rolls back. Every method joins
 * the caller's transaction (REQUIRED); called outside one, it commits its rows at once.
 *
 * <p>Each (type, eventKey, recipient) is written once: a repeated call is ignored, so callers use an
 * eventKey that names the event, e.g. {@code "task:" + taskId} or {@code "overdue:" + taskId + ":" + dueAt}.
 * Two transactions racing on the same key are for the caller to prevent (the unique key is the
 * last guard and then fails the later transaction). eventKey: at most 300 characters.
 *
 * <p>Model keys (all optional unless noted; unknown keys are ignored by the templates):
 * <ul>
 *   <li>NEW_TASK, REMINDER, OVERDUE, ESCALATION, URGED: {@code caseNumber}, {@code title},
 *       {@code stepName}, {@code group} (candidate group), {@code dueAt} ({@link java.time.Instant},
 *       shown as yyyy-MM-dd HH:mm in the calendar's zone), {@code divisionName}, {@code note} (free text);
 *       URGED also {@code urgedBy} (a name); ESCALATION also {@code fromGroup}, {@code toGroup}.
 *   <li>REPLY: {@code caseNumber}, {@code title}, {@code reply}, {@code ratingLink}, {@code residentName}.
 *   <li>RECEIVED: {@code caseNumber}, {@code title}, {@code dueAt} (expected answer time),
 *       {@code followLink} (the portal's follow page), {@code residentName}.
 *   <li>ASSIST_DECISION: {@code caseNumber}, {@code title}, {@code residentName}, {@code approved}
 *       (Boolean), {@code programmeName}, {@code oneOff} (Boolean), {@code amount}, {@code startMonth},
 *       {@code reason} and {@code decidedBy} (of a refusal: the deciding level), {@code appealDays}.
 *   <li>EMERGENCY: {@code eventZh}, {@code eventEn} (what happened), {@code levelText}, {@code typeText},
 *       {@code place}, {@code occurredText}, {@code figures}, {@code drill} (Boolean), {@code note}.
 *   <li>EMERGENCY_ALERT: {@code title} (the alert's headline), {@code divisionName} (its area),
 *       {@code alertIdentifier}, {@code alertKind} (发布 Alert / 更新 Update / 解除 All clear / 撤销 Cancel),
 *       {@code alertLevel}, {@code alertEvent}, {@code alertDescription}, {@code alertInstruction},
 *       {@code alertSent} ({@link java.time.Instant}), {@code alertLink} (the public CAP document),
 *       {@code drill} (Boolean); {@code caseNumber} only for staff (drill participants).
 *   <li>CARD: {@code cardZh} and {@code cardEn} (黄牌, a yellow card), {@code cardRed} (Boolean), {@code unitName},
 *       {@code reason}, {@code issuedBy} (a name), {@code cardLink} (the cards page), {@code cases}: a list
 *       of maps with {@code caseNumber}, {@code title}, {@code divisionName}, {@code stepName}, {@code dueAt}.
 *   <li>DIGEST: {@code supervisorName}, {@code areaName}, {@code date} ({@link java.time.LocalDate}),
 *       {@code overdue} and {@code atRisk}: lists of maps with {@code caseNumber}, {@code title},
 *       {@code divisionName}, {@code stepName}, {@code dueAt}.
 *   <li>WEEKLY: {@code areaName}, {@code weekFrom} and {@code weekTo} ({@link java.time.LocalDate}), {@code week}
 *       (each figure's text by its JSON name: {@code received}, {@code closedRate}…), {@code keyFigures} (a list of
 *       maps with {@code zh}, {@code en}, {@code value}), {@code columns} (the break-down's labels: maps with
 *       {@code zh}, {@code en}), {@code units} (a row of texts per unit, its name first), {@code reportLink}.
 * </ul>
 * The case link is {@code ${linli.notification.base-url}/cases/{caseNumber}}; the greeting uses the
 * recipient's name. {@code caseId} is only recorded, for the operator's view.
 */
@Service
public class Notifications {

  private static final Logger log = LoggerFactory.getLogger(Notifications.class);

  private final OrganizationService organization;
  private final PreferenceRepository preferences;
  private final MailRenderer renderer;
  private final OutboxRepository outbox;
  private final DeliveryNudge nudge;
  private final List<RecipientPolicy> policies;

  Notifications(OrganizationService organization, PreferenceRepository preferences, MailRenderer renderer,
      OutboxRepository outbox, DeliveryNudge nudge, List<RecipientPolicy> policies) {
    this.policies = List.copyOf(policies);
    this.organization = organization;
    this.preferences = preferences;
    this.renderer = renderer;
    this.outbox = outbox;
    this.nudge = nudge;
  }

  /**
   * An address of this service for a mail or a receipt ({@code linli.notification.base-url} and the
   * path), the one place links to Linli are made.
   */
  public String link(String path) {
    return renderer.link(path);
  }

  /**
   * Writes one outbox row per user. Users who turned the type off and users without an e-mail
   * address (or no longer active) are skipped. Returns the number of mails queued (rows written).
   */
  @Transactional(propagation = Propagation.REQUIRED)
  public int toUsers(NotificationType type, String eventKey, Collection<String> usernames, Map<String, Object> model,
      Long caseId) {
    check(type, eventKey);
    Map<String, StaffMember> staff = new LinkedHashMap<>();
    for (String username : usernames) {
      if (username != null && !staff.containsKey(username)) {
        organization.staff(username).filter(StaffMember::active).ifPresent(s -> staff.put(username, s));
      }
    }
    return toStaff(type, eventKey, staff.values(), model, caseId);
  }

  /** Members of each candidate group (active staff), de-duplicated across groups; as {@link #toUsers}. */
  @Transactional(propagation = Propagation.REQUIRED)
  public int toGroups(NotificationType type, String eventKey, Collection<String> candidateGroups,
      Map<String, Object> model, Long caseId) {
    check(type, eventKey);
    Map<String, StaffMember> staff = new LinkedHashMap<>();
    for (String group : candidateGroups) {
      if (group != null) {
        organization.membersOf(group).forEach(s -> staff.putIfAbsent(s.username(), s));
      }
    }
    return toStaff(type, eventKey, staff.values(), model, caseId);
  }

  /** A resident or other outside address, without a preference check. A missing or malformed address writes nothing. */
  @Transactional(propagation = Propagation.REQUIRED)
  public int toAddress(NotificationType type, String eventKey, String email, String displayName,
      Map<String, Object> model, Long caseId) {
    check(type, eventKey);
    String address = address(email);
    if (address == null) {
      log.info("No valid e-mail address for {} {}: nothing written", type, eventKey);
      return 0;
    }
    if (caseId != null && !policies.stream().allMatch(p -> p.mayMailAddress(caseId, address))) {
      log.info("{} {} to {} withheld by the case's recipient policy", type, eventKey, address);
      return 0;
    }
    int written = write(type, eventKey, address, null, address, displayName, model, caseId);
    if (written > 0) {
      nudge.afterCommit();
    }
    return written;
  }

  private int toStaff(NotificationType type, String eventKey, Collection<StaffMember> staff,
      Map<String, Object> model, Long caseId) {
    List<StaffMember> recipients = new ArrayList<>(staff);
    if (caseId != null) {
      recipients.removeIf(s -> !policies.stream().allMatch(p -> p.mayMail(caseId, s.username())));
    }
    if (type.optional()) {
      Set<String> off = preferences.disabled(type, recipients.stream().map(StaffMember::username).toList());
      recipients.removeIf(s -> off.contains(s.username()));
    }
    int written = 0;
    for (StaffMember s : recipients) {
      String address = address(s.email());
      if (address == null) {
        log.debug("{} has no e-mail address: no {} mail", s.username(), type);
        continue;
      }
      written += write(type, eventKey, s.username(), s.username(), address, s.name(), model, caseId);
    }
    if (written > 0) {
      nudge.afterCommit();
    }
    return written;
  }

  private int write(NotificationType type, String eventKey, String recipientKey, String username, String address,
      String name, Map<String, Object> model, Long caseId) {
    String dedupeKey = type.name() + ":" + eventKey + ":" + recipientKey;
    RenderedMail mail;
    OutboxStatus status = OutboxStatus.PENDING;
    String error = null;
    try {
      mail = renderer.render(type, model, name);
    } catch (RuntimeException e) {
      // a template fault must not undo the caller's business step; the row shows it to the operator
      log.error("Cannot render {} mail {}", type, dedupeKey, e);
      mail = new RenderedMail("【" + type.labelZh() + "】" + eventKey, "", "");
      status = OutboxStatus.FAILED;
      error = "rendering failed: " + e;
    }
    NewRow row = new NewRow(dedupeKey, type, username, address, name, mail.subject(), mail.text(), mail.html(),
        caseId, status, error);
    return outbox.insertIfAbsent(row, EngineClock.now()) && status == OutboxStatus.PENDING ? 1 : 0;
  }

  private static void check(NotificationType type, String eventKey) {
    Objects.requireNonNull(type, "type");
    if (eventKey == null || eventKey.isBlank() || eventKey.length() > 300) {
      throw new IllegalArgumentException("eventKey must be 1-300 characters: " + eventKey);
    }
  }

  private static String address(String email) {
    if (email == null || email.isBlank()) {
      return null;
    }
    try {
      InternetAddress a = new InternetAddress(email.trim(), true);
      return a.getAddress().toLowerCase(Locale.ROOT);
    } catch (AddressException e) {
      return null;
    }
  }
}
