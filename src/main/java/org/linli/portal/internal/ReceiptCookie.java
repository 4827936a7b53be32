package org.linli.portal.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.ResponseCookie;
import org.linli.system.InstallSecrets;
import org.springframework.stereotype.Component;

/**
 * The receipt of a portal submission between the POST and the receipt page it redirects to
 * (Post/Redirect/Get). The portal keeps no server session, so the receipt travels in a short-lived
 * cookie of that browser only, signed with a key every node reads from {@code install_secret}:
 * nobody can make the page show a receipt the server did not give to that browser.
 */
@Component
class ReceiptCookie {

  /** A receipt that the receipt page may show. */
  record Receipt(String caseNumber, Instant expectedBy, boolean mailed) {}

  static final String NAME = "linli-receipt";
  static final String PATH = "/portal/receipt";
  static final Duration LIFE = Duration.ofMinutes(30);
  private static final String SECRET_NAME = "portal-receipt";
  private static final Pattern NUMBER = Pattern.compile("[A-Z]{2}\\d{4}-\\d{6,}");

  private final InstallSecrets secrets;
  private volatile byte[] key;

  ReceiptCookie(InstallSecrets secrets) {
    this.secrets = secrets;
  }

  void write(HttpServletRequest request, HttpServletResponse response, Receipt receipt) {
    String value = receipt.caseNumber() + "~" + (receipt.expectedBy() == null ? "" : receipt.expectedBy().getEpochSecond())
        + "~" + (receipt.mailed() ? "1" : "0") + "~" + Instant.now().getEpochSecond();
    set(request, response, value + "~" + sign(value), LIFE);
  }

  /** Forgets the receipt in this browser (a new submission begins; a shared computer's next user). */
  void clear(HttpServletRequest request, HttpServletResponse response) {
    if (request.getCookies() != null) {
      for (Cookie c : request.getCookies()) {
        if (NAME.equals(c.getName())) {
          set(request, response, "", Duration.ZERO);
        }
      }
    }
  }

  Optional<Receipt> read(HttpServletRequest request) {
    if (request.getCookies() == null) {
      return Optional.empty();
    }
    for (Cookie c : request.getCookies()) {
      if (NAME.equals(c.getName()) && c.getValue() != null && c.getValue().length() < 200) {
        Optional<Receipt> r = parse(c.getValue());
        if (r.isPresent()) {
          return r;
        }
      }
    }
    return Optional.empty();
  }

  private Optional<Receipt> parse(String cookie) {
    int cut = cookie.lastIndexOf('~');
    if (cut < 0) {
      return Optional.empty();
    }
    String value = cookie.substring(0, cut);
    byte[] given = cookie.substring(cut + 1).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(given, sign(value).getBytes(StandardCharsets.US_ASCII))) {
      return Optional.empty();
    }
    String[] parts = value.split("~", -1);
    try {
      if (parts.length != 4 || !NUMBER.matcher(parts[0]).matches()
          || Instant.ofEpochSecond(Long.parseLong(parts[3])).plus(LIFE).isBefore(Instant.now())) {
        return Optional.empty();
      }
      Instant expected = parts[1].isEmpty() ? null : Instant.ofEpochSecond(Long.parseLong(parts[1]));
      return Optional.of(new Receipt(parts[0], expected, "1".equals(parts[2])));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private void set(HttpServletRequest request, HttpServletResponse response, String value, Duration maxAge) {
    ResponseCookie cookie = ResponseCookie.from(NAME, value).path(request.getContextPath() + PATH).maxAge(maxAge)
        .httpOnly(true).secure(request.isSecure()).sameSite("Lax").build();
    response.addHeader("Set-Cookie", cookie.toString());
  }

  private String sign(String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(), "HmacSHA256"));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private byte[] key() {
    byte[] k = key;
    if (k == null) {
      k = secrets.secret(SECRET_NAME);
      key = k;
    }
    return k;
  }
}
