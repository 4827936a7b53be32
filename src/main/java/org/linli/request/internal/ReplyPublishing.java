package org.linli.request.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.notification.NotificationType;
import org.linli.notification.Notifications;
import org.linli.system.EngineClock;
import org.springframework.stereotype.Component;

/**
 * Stores the reply on the request and issues the resident's rating link token; each reply
 * gets a fresh token, so a link from an earlier round no longer rates.
 */
@Component
class ReplyPublishing {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** Where the resident rates a reply (the portal page for the link's token). */
  static final String RATING_PATH = "/portal/rate/";

  private final ResidentRequestRepository requests;
  private final CaseFiles cases;
  private final Notifications notifications;

  ReplyPublishing(ResidentRequestRepository requests, CaseFiles cases, Notifications notifications) {
    this.requests = requests;
    this.cases = cases;
    this.notifications = notifications;
  }

  /** Publishes the reply of request {@code number}: stored with a fresh rating link, mailed where the resident gave an address. */
  void publish(String number, String reply) {
    CaseFile c = cases.byNumber(number).orElseThrow(() -> new IllegalStateException("no case " + number));
    String token = newToken();
    requests.reply(c.id(), reply, EngineClock.now(), token);
    requests.byCaseNumber(number)
        .filter(r -> r.residentEmail() != null)
        .ifPresent(r -> {
          Map<String, Object> model = new HashMap<>();
          model.put("caseNumber", number);
          model.put("title", c.title());
          model.put("reply", reply);
          model.put("residentName", r.residentName());
          model.put("ratingLink", notifications.link(RATING_PATH + token));
          // one mail per reply: each round's reply has its own token
          notifications.toAddress(NotificationType.REPLY, "reply:" + c.id() + ":" + token, r.residentEmail(),
              r.residentName(), model, c.id());
        });
  }

  static String newToken() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
