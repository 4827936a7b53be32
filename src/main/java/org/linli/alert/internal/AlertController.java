package org.linli.alert.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.linli.alert.AlertSummary;
import org.linli.alert.EmergencyAlerts;
import org.linli.security.CurrentUser;
import org.linli.system.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.linli.calendar.WorkingCalendar;
import java.time.ZoneId;

@RestController
@RequestMapping("/api/emergency/alerts")
@Tag(name = "应急预警 Emergency alerts", description = "CAP 1.2 alerts of your area")
class AlertController {

  static final String CAP_XML = "application/cap+xml";
  static final MediaType CAP = MediaType.parseMediaType(CAP_XML + ";charset=UTF-8");
  static final MediaType XML = MediaType.parseMediaType(MediaType.APPLICATION_XML_VALUE + ";charset=UTF-8");

  private final EmergencyAlerts alerts;
  private final CurrentUser currentUser;
  private final ZoneId zone;

  AlertController(EmergencyAlerts alerts, CurrentUser currentUser, WorkingCalendar calendar) {
    this.zone = calendar.zone();
    this.alerts = alerts;
    this.currentUser = currentUser;
  }

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Alerts of your area, newest first")
  List<AlertSummary> list(
      @RequestParam(name = "case", required = false) @Parameter(description = "case number, e.g. YJ2026-000001") String caseNumber,
      @RequestParam(required = false) @Parameter(description = "sent at or after: 2026-07-01T10:00:00+08:00, …Z or a date") String since,
      @RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > EmergencyAlerts.MAX_LIST) {
      throw new InvalidInputException("limit", "必须在 1 到 " + EmergencyAlerts.MAX_LIST + " 之间 must be 1-" + EmergencyAlerts.MAX_LIST);
    }
    return alerts.list(currentUser.get().scope(), caseNumber, since(since), limit);
  }

  @GetMapping(value = "/{identifier}", produces = {CAP_XML, MediaType.APPLICATION_XML_VALUE})
  @Operation(summary = "The CAP 1.2 document of an alert of your area")
  ResponseEntity<byte[]> document(@PathVariable String identifier, HttpServletRequest request) {
    String xml = alerts.xml(identifier, currentUser.get().scope());
    return xml(xml, request);
  }

  /** application/cap+xml unless the client asked for application/xml and not for CAP. */
  static ResponseEntity<byte[]> xml(String xml, HttpServletRequest request) {
    List<MediaType> accepted = MediaType.parseMediaTypes(request.getHeader("Accept") == null ? "*/*" : request.getHeader("Accept"));
    boolean cap = accepted.stream().anyMatch(m -> m.isCompatibleWith(CAP) && !m.isWildcardType() && !m.isWildcardSubtype());
    boolean plain = accepted.stream().anyMatch(m -> m.isCompatibleWith(MediaType.APPLICATION_XML) && !m.isWildcardSubtype());
    MediaType type = plain && !cap ? XML : CAP;
    return ResponseEntity.ok().contentType(type).body(xml.getBytes(StandardCharsets.UTF_8));
  }

  private Instant since(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.trim();
    try {
      if (t.length() == 10) {
        return LocalDate.parse(t).atStartOfDay(zone).toInstant();
      }
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("since",
          "时间格式应为 2026-07-01T10:00:00+08:00 或 2026-07-01 expected 2026-07-01T10:00:00+08:00 or 2026-07-01: '" + text + "'");
    }
  }
}
