package org.linli.security;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The response headers of Linli's own pages and API (Camunda's webapps send their own): a
 * Content-Security-Policy that runs only Linli's own scripts, no framing by other sites, no
 * referrer beyond the origin. Styles may be inline: the pages use style attributes, and a style
 * cannot run code.
 */
public final class SecurityHeaders {

  public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
      + " img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self';"
      + " form-action 'self'; frame-ancestors 'self'";

  private SecurityHeaders() {}

  public static <H extends org.springframework.security.config.annotation.web.HttpSecurityBuilder<H>>
      Customizer<HeadersConfigurer<H>> linli() {
    return h -> h
        .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
        .frameOptions(f -> f.sameOrigin())
        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
        .permissionsPolicyHeader(p -> p.policy("geolocation=(self), camera=(self), microphone=()"));
  }
}
