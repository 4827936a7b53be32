package org.linli.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.linli.notification.internal.OutboxSender;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * GreenMail on a free port for the application's SMTP, a clean outbox and a fixed engine clock
 * for every test. Subclasses carry {@code @LinliIntegrationTest} and share one application context
 * (also from other packages, e.g. the assistance decision mail).
 */
public abstract class MailTestSupport {

  protected static final int SMTP_PORT = freePort();
  /**
   * A case id no case has. Mails here are about their templates and the outbox; a real case's mail
   * policies (a drill mails its participants only) must not reach them, whatever ran before.
   */
  protected static final long NO_CASE = -1L;
  protected static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z"); // Monday 09:00 in Asia/Shanghai

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
    registry.add("linli.notification.base-url", () -> "https://linli.example");
    registry.add("linli.notification.from", () -> "noreply@linli.example");
  }

  @Autowired protected Notifications notifications;
  @Autowired protected OutboxSender sender;
  @Autowired protected JdbcClient jdbc;
  @Autowired protected TransactionTemplate tx;

  protected GreenMail smtp;

  @BeforeEach
  void cleanOutboxAndStartSmtp() {
    jdbc.sql("delete from notification_outbox").update();
    jdbc.sql("delete from notification_preference").update();
    ClockUtil.setCurrentTime(Date.from(T0));
    startSmtp();
  }

  @AfterEach
  void stopSmtpAndResetClock() {
    stopSmtp();
    ClockUtil.reset();
  }

  protected void startSmtp() {
    smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  protected void stopSmtp() {
    if (smtp != null) {
      smtp.stop();
      smtp = null;
    }
  }

  protected void moveClock(java.time.Duration by) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(by)));
  }

  protected void setClock(Instant at) {
    ClockUtil.setCurrentTime(Date.from(at));
  }

  protected Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** Writes in a transaction of its own and commits, as a business step would. */
  protected int inTransaction(java.util.function.Supplier<Integer> write) {
    return tx.execute(status -> write.get());
  }

  protected List<Map<String, Object>> outboxRows() {
    return jdbc.sql("select * from notification_outbox order by id").query().listOfRows();
  }

  protected MimeMessage[] received() {
    return smtp.getReceivedMessages();
  }

  protected static String to(MimeMessage m) throws Exception {
    return ((jakarta.mail.internet.InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).toUnicodeString();
  }

  /** The plain and the HTML part of a multipart/alternative mail, decoded. */
  protected static String[] parts(MimeMessage m) throws Exception {
    assertThat(m.getContentType()).startsWith("multipart/alternative");
    MimeMultipart multipart = (MimeMultipart) m.getContent();
    assertThat(multipart.getCount()).isEqualTo(2);
    assertThat(multipart.getBodyPart(0).getContentType()).startsWith("text/plain").containsIgnoringCase("utf-8");
    assertThat(multipart.getBodyPart(1).getContentType()).startsWith("text/html").containsIgnoringCase("utf-8");
    return new String[] {(String) multipart.getBodyPart(0).getContent(), (String) multipart.getBodyPart(1).getContent()};
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
