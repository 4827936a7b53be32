package org.linli.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.linli.emergency.IncidentAlert;
import org.linli.emergency.IncidentAlert.Change;
import org.linli.emergency.IncidentAlert.Phase;
import org.linli.emergency.IncidentLevel;
import org.linli.emergency.IncidentType;
import org.linli.notification.internal.OutboxSender;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Publishes {@link IncidentAlert} events in a transaction as the emergency core does, reads the
 * CAP documents back, checks them against the schema file in the source tree (not the validator
 * under test), and catches mail with GreenMail. Subclasses share one application context.
 */
abstract class AlertTestSupport {

  static final String NS = "urn:oasis:names:tc:emergency:cap:1.2";
  static final int SMTP_PORT = freePort();
  /** 2026-07-01 10:00 in Asia/Shanghai. */
  static final Instant T0 = Instant.parse("2026-07-01T02:00:00Z");
  static final AtomicLong CASE_IDS = new AtomicLong(970_000 + (System.nanoTime() % 10_000) * 10);
  static final Schema SCHEMA = schema();

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
    registry.add("linli.notification.base-url", () -> "https://linli.example");
  }

  @Autowired ApplicationEventPublisher publisher;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcClient jdbc;
  @Autowired OutboxSender sender;
  @Autowired EmergencyAlerts alerts;

  GreenMail smtp;

  @BeforeEach
  void startSmtpAndClean() {
    jdbc.sql("delete from notification_outbox").update();
    jdbc.sql("delete from alert_subscription").update();
    ClockUtil.setCurrentTime(Date.from(T0));
    smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  @AfterEach
  void stopSmtp() {
    smtp.stop();
    ClockUtil.reset();
  }

  /** An event of a new case: a level-III landslide incident in 桃源村 with a position. */
  static Ev incident(IncidentLevel level) {
    long id = CASE_IDS.incrementAndGet();
    return new Ev(new IncidentAlert(id, "YJ2026-" + String.format("%06d", id % 1_000_000), Change.RAISED, Phase.INCIDENT,
        IncidentType.NATURAL_DISASTER, "LANDSLIDE", "山体滑坡 Landslide", level, null, "330106002001", "桃源村后山",
        30.2741, 120.1551, "桃源村后山发生山体滑坡", "后山约 200 立方米土石滑落，冲毁两间民房，3 人被困。",
        T0.minusSeconds(1800), T0, false, Set.of()));
  }

  /** Small copy helper: the record has many fields and each test changes a few. */
  record Ev(IncidentAlert e) {
    Ev change(Change c, IncidentLevel level, Instant at) {
      return new Ev(new IncidentAlert(e.caseId(), e.caseNumber(), c, e.phase(), e.type(), e.subtype(), e.subtypeName(),
          level, c == Change.LEVEL_CHANGED ? e.level() : null, e.divisionCode(), e.location(), e.latitude(),
          e.longitude(), e.headline(), e.description(), e.occurredAt(), at, e.drill(), e.participants()));
    }

    Ev warning() {
      return new Ev(new IncidentAlert(e.caseId(), e.caseNumber(), e.change(), Phase.WARNING, e.type(), e.subtype(),
          e.subtypeName(), e.level(), e.previousLevel(), e.divisionCode(), e.location(), null, null,
          "桃源村后山有滑坡危险", "后山出现多处裂缝，持续降雨，可能发生滑坡。", null, e.at(), e.drill(), e.participants()));
    }

    Ev in(String divisionCode) {
      return new Ev(new IncidentAlert(e.caseId(), e.caseNumber(), e.change(), e.phase(), e.type(), e.subtype(),
          e.subtypeName(), e.level(), e.previousLevel(), divisionCode, e.location(), e.latitude(), e.longitude(),
          e.headline(), e.description(), e.occurredAt(), e.at(), e.drill(), e.participants()));
    }

    Ev drill(Set<String> participants) {
      return new Ev(new IncidentAlert(e.caseId(), e.caseNumber(), e.change(), e.phase(), e.type(), e.subtype(),
          e.subtypeName(), e.level(), e.previousLevel(), e.divisionCode(), e.location(), e.latitude(), e.longitude(),
          e.headline(), e.description(), e.occurredAt(), e.at(), true, participants));
    }

    Ev at(Instant at) {
      return new Ev(new IncidentAlert(e.caseId(), e.caseNumber(), e.change(), e.phase(), e.type(), e.subtype(),
          e.subtypeName(), e.level(), e.previousLevel(), e.divisionCode(), e.location(), e.latitude(), e.longitude(),
          e.headline(), e.description(), e.occurredAt(), at, e.drill(), e.participants()));
    }
  }

  void publish(Ev ev) {
    tx.executeWithoutResult(s -> publisher.publishEvent(ev.e()));
  }

  List<AlertSummary> ofCase(Ev ev) {
    return alerts.ofCase(ev.e().caseId());
  }

  /** The stored document, checked against the bundled schema file, parsed. */
  Document cap(String identifier) throws Exception {
    String xml = jdbc.sql("select xml from emergency_alert where identifier = ?").param(identifier).query(String.class)
        .single();
    SCHEMA.newValidator().validate(new StreamSource(new StringReader(xml)));
    return parse(xml);
  }

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }

  /** Texts of the elements of that name anywhere in the document, in order. */
  static List<String> all(Document d, String name) {
    NodeList nodes = d.getElementsByTagNameNS(NS, name);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent());
    }
    return out;
  }

  static String one(Document d, String name) {
    List<String> values = all(d, name);
    assertThat(values).as(name).hasSize(1);
    return values.get(0);
  }

  /** The texts of an element in the first (zh-CN) info. */
  static List<String> zh(Document d, String name) {
    Element info = (Element) d.getElementsByTagNameNS(NS, "info").item(0);
    assertThat(info.getElementsByTagNameNS(NS, "language").item(0).getTextContent()).isEqualTo("zh-CN");
    NodeList nodes = info.getElementsByTagNameNS(NS, name);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent());
    }
    return out;
  }

  /** Sends what the outbox holds and returns the new mails' recipients. */
  List<String> deliver() throws Exception {
    Set<String> seen = new HashSet<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      seen.add(m.getMessageID());
    }
    sender.deliverDue();
    List<String> to = new ArrayList<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      if (seen.add(m.getMessageID())) {
        to.add(((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getAddress());
      }
    }
    return to;
  }

  static String text(MimeMessage m) throws Exception {
    MimeMultipart multipart = (MimeMultipart) m.getContent();
    return (String) multipart.getBodyPart(0).getContent();
  }

  void subscribe(String email, String division, IncidentLevel minLevel) {
    jdbc.sql("insert into alert_subscription (email, display_name, division_code, min_level, created_by, created_at, active)"
            + " values (?, ?, ?, ?, 'huang.hua', ?, true)")
        .params(email, "订阅人 " + email, division, minLevel.name(), java.sql.Timestamp.from(T0)).update();
  }

  private static Schema schema() {
    try {
      SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      return f.newSchema(Path.of("src/main/resources/cap/cap12.xsd").toFile());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
