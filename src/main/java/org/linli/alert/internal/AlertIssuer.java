package org.linli.alert.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.linli.emergency.IncidentAlert;
import org.linli.emergency.IncidentLevel;
import org.linli.alert.AlertProperties;
import org.linli.alert.AlertSummary;
import org.linli.alert.InvalidAlertException;
import org.linli.alert.internal.AlertTexts.Kind;
import org.linli.alert.internal.AlertTexts.Texts;
import org.linli.alert.internal.CapAlert.Area;
import org.linli.alert.internal.CapAlert.Info;
import org.linli.alert.internal.CapAlert.Pair;
import org.linli.organization.Division;
import org.linli.organization.DivisionLevel;
import org.linli.organization.OrganizationService;
import org.linli.system.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.linli.calendar.WorkingCalendar;
import java.time.ZoneId;

/**
 * Turns {@link IncidentAlert} events into CAP 1.2 alerts, in the publisher's transaction.
 *
 * <p>Policy: a case without alerts gets an Alert when it is raised or changed to the threshold
 * level (III) or graver; a case with alerts gets an Update for every later raise or level change
 * (also below the threshold, which the text then says), an Update with responseType AllClear for
 * the all-clear, and a Cancel when withdrawn. Updates and cancels reference every earlier alert of
 * the case. After a Cancel the case gets no more alerts. A case that never reached the threshold
 * has nothing to clear or cancel.
 *
 * <p>Each document is validated before it is stored or mailed. An invalid one throws
 * {@link InvalidAlertException} out of the listener, and so out of the publisher's
 * {@code publishEvent}: the business transaction rolls back rather than commit a grading or level
 * change whose public alert is missing or malformed (a gap in the chain of references could never
 * be mended, and a silently skipped alert would go unnoticed at the moment it matters most).
 */
@Component
class AlertIssuer {

  private static final Logger log = LoggerFactory.getLogger(AlertIssuer.class);
  /** CAP 1.2 dates: no fractional seconds, a numeric offset (never "Z"). */
  static final DateTimeFormatter CAP_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx", Locale.ROOT);

  private final AlertProperties properties;
  /** CAP times carry the offset of the calendar's zone. */
  private final ZoneId zone;
  private final AlertRepository alerts;
  private final CapWriter writer;
  private final CapValidator validator;
  private final OrganizationService organization;
  private final AlertMail mail;

  AlertIssuer(AlertProperties properties, AlertRepository alerts, CapWriter writer, CapValidator validator,
      OrganizationService organization, AlertMail mail, WorkingCalendar calendar) {
    this.zone = calendar.zone();
    this.properties = properties;
    this.alerts = alerts;
    this.writer = writer;
    this.validator = validator;
    this.organization = organization;
    this.mail = mail;
  }

  @EventListener
  @Transactional(propagation = Propagation.REQUIRED)
  public void on(IncidentAlert event) {
    List<AlertSummary> earlier = alerts.ofCase(event.caseId());
    if (!earlier.isEmpty() && "Cancel".equals(earlier.get(earlier.size() - 1).msgType())) {
      log.info("Case {} was cancelled: no alert for {}", event.caseNumber(), event.change());
      return;
    }
    boolean first = earlier.isEmpty();
    if (first && (event.change() == IncidentAlert.Change.ALL_CLEAR || event.change() == IncidentAlert.Change.WITHDRAWN
        || !event.level().atLeast(properties.threshold()))) {
      log.debug("No alert for {} {} at level {}", event.caseNumber(), event.change(), event.level());
      return;
    }
    issue(event, earlier);
  }

  private void issue(IncidentAlert e, List<AlertSummary> earlier) {
    String countyCode = DivisionLevel.COUNTY.ancestorOf(e.divisionCode());
    if (countyCode == null) {
      throw new InvalidAlertException(e.caseNumber(), List.of("divisionCode is not a division code: " + e.divisionCode()));
    }
    Kind kind = AlertTexts.kind(e, !earlier.isEmpty(), properties.threshold());
    String msgType = earlier.isEmpty() ? "Alert" : kind == Kind.CANCEL ? "Cancel" : "Update";
    int seq = earlier.isEmpty() ? 1 : earlier.get(earlier.size() - 1).seq() + 1;
    String identifier = properties.identifierPrefix() + "." + countyCode + "." + token(e.caseNumber()) + "." + seq;
    Instant at = (e.at() != null ? e.at() : EngineClock.now()).truncatedTo(ChronoUnit.SECONDS);
    String sent = CAP_DATE.format(at.atZone(zone));
    String references = earlier.isEmpty() ? null
        : earlier.stream().map(a -> properties.sender() + "," + a.identifier() + "," + a.sentText())
            .collect(Collectors.joining(" "));
    String areaDesc = areaDesc(e.divisionCode());

    String status = e.drill() ? "Exercise" : "Actual";
    String scope = "Public";
    String restriction = null;
    String addresses = null;
    String note = null;
    if (e.drill()) {
      // CAP 1.2: Exercise alerts are "actionable only by designated exercise participants"; the
      // exercise is named in <note>. Private with <addresses> says exactly who they are (the
      // participants' user names, as mailed); without participants, Restricted with its text.
      Set<String> participants = e.participants() == null ? Set.of()
          : e.participants().stream().filter(p -> p != null && !p.isBlank()).map(String::trim)
              .collect(Collectors.toCollection(TreeSet::new));
      if (participants.isEmpty()) {
        scope = "Restricted";
        restriction = "预案演练，仅限演练参与人员 Drill: for the exercise participants only";
      } else {
        scope = "Private";
        addresses = participants.stream().map(AlertIssuer::address).collect(Collectors.joining(" "));
      }
      note = "预案演练 Exercise " + e.caseNumber();
    }

    Texts zh = AlertTexts.zh(e, kind, properties.threshold(), areaDesc, zone);
    List<Info> infos = new ArrayList<>();
    infos.add(info("zh-CN", e, zh, areaDesc));
    if (properties.englishInfo()) {
      infos.add(info("en-US", e, AlertTexts.en(e, kind, properties.threshold(), areaDesc, zone), areaDesc));
    }
    CapAlert cap = new CapAlert(identifier, properties.sender(), sent, status, msgType, scope, restriction, addresses,
        note, references, token(e.caseNumber()), infos);
    String xml = writer.write(cap);
    validator.check(identifier, xml);

    AlertSummary summary = new AlertSummary(identifier, e.caseId(), e.caseNumber(), seq, msgType, status, scope,
        e.change(), e.phase(), e.level(), e.divisionCode(), zh.headline(), at, sent, references);
    alerts.insert(new AlertRepository.NewAlert(summary, countyCode, DivisionLevel.TOWNSHIP.ancestorOf(e.divisionCode()),
        zh.description(), xml), EngineClock.now());
    log.info("CAP {} {} {} for {} at level {}", msgType, status, identifier, e.caseNumber(), e.level());

    // for updates and cancels, everyone told of the case at its gravest so far hears how it ends
    IncidentLevel gravest = e.level();
    for (AlertSummary a : earlier) {
      if (a.level().atLeast(gravest)) {
        gravest = a.level();
      }
    }
    mail.send(summary, e, areaDesc, zh, gravest);
  }

  private Info info(String language, IncidentAlert e, Texts t, String areaDesc) {
    List<Pair> eventCodes = e.subtype() == null || e.subtype().isBlank() ? List.of()
        : List.of(new Pair("linli:subtype", e.subtype()));
    List<Pair> parameters = List.of(new Pair("linli:level", e.level().name()), new Pair("linli:phase", e.phase().name()));
    Area area = new Area(areaDesc, circle(e), List.of(new Pair("GB/T 2260", e.divisionCode())));
    String onset = e.occurredAt() == null ? null
        : CAP_DATE.format(e.occurredAt().truncatedTo(ChronoUnit.SECONDS).atZone(zone));
    return new Info(language, e.type().capCategory(), t.event(), t.responseTypes(), t.urgency(),
        e.level().capSeverity(), t.certainty(), eventCodes, onset, properties.senderName(), t.headline(),
        t.description(), t.instruction(), parameters, area);
  }

  /** The division with its parents, county first, as people write an address: 青溪县桃源镇桃源村. */
  private String areaDesc(String code) {
    List<String> names = new ArrayList<>();
    String current = code;
    while (current != null) {
      var division = organization.division(current);
      if (division.isEmpty()) {
        break;
      }
      names.add(0, division.get().name());
      current = division.map(Division::parentCode).orElse(null);
    }
    if (names.isEmpty()) {
      log.warn("Division {} is unknown: the alert's area names its code only", code);
      return code;
    }
    return String.join("", names);
  }

  /** A circle around the reported position, or none for a missing or impossible one. */
  private String circle(IncidentAlert e) {
    Double lat = e.latitude();
    Double lon = e.longitude();
    if (lat == null || lon == null) {
      return null;
    }
    if (lat.isNaN() || lon.isNaN() || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      log.warn("Case {}: position {},{} is not in WGS 84 range: no circle", e.caseNumber(), lat, lon);
      return null;
    }
    return String.format(Locale.ROOT, "%.6f,%.6f %s", lat, lon, radius());
  }

  private String radius() {
    return java.math.BigDecimal.valueOf(properties.circleRadiusKm()).stripTrailingZeros().toPlainString();
  }

  /** Case numbers are YJ2026-000001; anything CAP forbids in an identifier becomes '_'. */
  static String token(String s) {
    return s == null || s.isBlank() ? "unknown" : s.trim().replaceAll("[^A-Za-z0-9._:-]", "_");
  }

  /** CAP addresses are space-separated; one with spaces is quoted. */
  private static String address(String s) {
    return s.matches("\\S+") ? s : "\"" + s.replace("\"", "") + "\"";
  }
}
