package org.linli.alert.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.linli.alert.AlertProperties;
import org.linli.alert.EmergencyAlerts;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.linli.notification.Notifications;

/** The public face of alerts: an Atom 1.0 feed of Actual alerts and their CAP documents. No drills. */
@RestController
@RequestMapping("/api/public/emergency")
@Tag(name = "公开预警 Public alerts", description = "Atom feed and CAP 1.2 documents of public emergency alerts")
class PublicAlertController {

  static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

  private final EmergencyAlerts alerts;
  private final AtomFeed feed;
  private final AlertProperties properties;
  private final String baseUrl;

  PublicAlertController(EmergencyAlerts alerts, AtomFeed feed, AlertProperties properties, Notifications notifications) {
    this.alerts = alerts;
    this.feed = feed;
    this.properties = properties;
    this.baseUrl = AlertMail.publicBase(properties, notifications);
  }

  @GetMapping(value = "/alerts.atom", produces = {"application/atom+xml", MediaType.APPLICATION_XML_VALUE, "*/*"})
  @Operation(summary = "Atom 1.0 feed of the latest public alerts")
  ResponseEntity<byte[]> atom() {
    // links from the configured public address: a forged Host header must not reach a cached public feed
    String xml = feed.write(alerts.latestPublic(properties.feedSize()), baseUrl, baseUrl + "/api/public/emergency/alerts.atom");
    return ResponseEntity.ok().contentType(ATOM).cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic())
        .body(xml.getBytes(StandardCharsets.UTF_8));
  }

  @GetMapping(value = "/alerts/{identifier}.xml", produces = {AlertController.CAP_XML, MediaType.APPLICATION_XML_VALUE, "*/*"})
  @Operation(summary = "The CAP 1.2 document of a public alert (drills: 404)")
  ResponseEntity<byte[]> document(@PathVariable String identifier, HttpServletRequest request) {
    return AlertController.xml(alerts.publicXml(identifier), request);
  }
}
