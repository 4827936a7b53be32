package org.linli.portal.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.linli.portal.PortalProperties;
import org.springframework.stereotype.Component;

/**
 * The two limits on resident submissions, the same for the portal and the public API: per client
 * address (high: many residents share one address) and per phone number (low: stops a script that
 * changes its address, not a person). The phone number is counted only as a hash of its digits,
 * kept until the window ends.
 */
@Component
class SubmitLimits {

  static final String ADDRESS = "submit";
  static final String PHONE = "submit-phone";

  /** Which limit a refusal came from, with the seconds until its window ends. */
  static final class Refused extends RateLimiter.LimitExceeded {
    final boolean phone;
    final int limit;

    Refused(RateLimiter.LimitExceeded e, boolean phone, int limit) {
      super(e.retryAfterSeconds);
      this.phone = phone;
      this.limit = limit;
    }
  }

  private final RateLimiter limiter;
  private final PortalProperties properties;

  SubmitLimits(RateLimiter limiter, PortalProperties properties) {
    this.limiter = limiter;
    this.properties = properties;
  }

  /** Counts a submission from {@code address}, or throws {@link Refused}. */
  void address(String address) {
    try {
      limiter.hit(ADDRESS, address, properties.submitLimit(), properties.submitWindow());
    } catch (RateLimiter.LimitExceeded e) {
      throw new Refused(e, false, properties.submitLimit());
    }
  }

  /** Counts a submission with {@code phone} (one that gives no number is not counted here), or throws {@link Refused}. */
  void phone(String phone) {
    String key = phoneKey(phone);
    if (key == null) {
      return;
    }
    try {
      limiter.hit(PHONE, key, properties.submitPhoneLimit(), properties.submitPhoneWindow());
    } catch (RateLimiter.LimitExceeded e) {
      throw new Refused(e, true, properties.submitPhoneLimit());
    }
  }

  /**
   * The bucket of a phone number: its digits without a leading country code (so that {@code +86 138…},
   * {@code 138 …} and {@code 138-…} are one number), hashed; null without enough digits to be a number.
   */
  static String phoneKey(String phone) {
    if (phone == null) {
      return null;
    }
    String digits = phone.replaceAll("\\D", "");
    if (digits.startsWith("0086")) {
      digits = digits.substring(4);
    } else if (digits.startsWith("86") && digits.length() == 13) {
      digits = digits.substring(2);
    }
    if (digits.length() < 7 || digits.length() > 20) {
      return null;
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(("linli-phone:" + digits).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
