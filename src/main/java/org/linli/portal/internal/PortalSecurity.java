package org.linli.portal.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.linli.security.SecurityHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The portal's own filter chain: open to everyone, with CSRF protection on its forms (the general
 * chain turns CSRF off). The token lives in a cookie, not in a session, so any node accepts it and
 * residents get no server-side session.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurity {

  static final String DENIED_PATH = "/portal/denied";

  @Bean
  @Order(0)
  SecurityFilterChain portal(HttpSecurity http) throws Exception {
    AccessDeniedHandlerImpl denied = new AccessDeniedHandlerImpl();
    denied.setErrorPage(DENIED_PATH);
    http.securityMatcher("/portal/**")
        .authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .csrf(c -> c.csrfTokenRepository(csrfCookie()))
        .headers(SecurityHeaders.linli())
        .addFilterAfter(new LoadCsrfToken(), CsrfFilter.class)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(c -> c.disable())
        .exceptionHandling(e -> e.accessDeniedHandler(denied));
    return http.build();
  }

  /** The token's cookie: sent by the browser only with Linli's own pages' requests, and over HTTPS when it is used. */
  static CookieCsrfTokenRepository csrfCookie() {
    CookieCsrfTokenRepository repository = new CookieCsrfTokenRepository();
    repository.setCookieCustomizer(c -> c.sameSite("Lax"));
    return repository;
  }

  /** Sets the token cookie before the page is written: a long page may commit the response first. */
  static final class LoadCsrfToken extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
        token.getToken();
      }
      chain.doFilter(request, response);
    }
  }
}
