package org.linli.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.linli.security.LinliUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the user Spring Security signed in to the engine for one request of its REST API, so that
 * the engine's authorizations apply to them (what Camunda's own authentication filter would do,
 * without checking the password a second time).
 */
class EngineRestIdentity extends OncePerRequestFilter {

  private final IdentityService identity;

  EngineRestIdentity(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (!(auth != null && auth.getPrincipal() instanceof LinliUser user)) {
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    identity.setAuthentication(user.username(), List.copyOf(user.groups()));
    try {
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
  }
}
