package org.linli.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Only administrators sign in to Camunda's webapps. Camunda lets every user sign in to its
 * "welcome" app, and that session opens the webapps' engine API under {@code /camunda/api/engine}
 * as widely as {@code /engine-rest}; so anybody else is refused before the password is checked.
 */
class WebappLoginGuard extends OncePerRequestFilter {

  private static final Pattern LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?");

  private final IdentityService identity;

  WebappLoginGuard(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equalsIgnoreCase(request.getMethod()) || !LOGIN.matcher(path(request)).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // one value only: with a second one in the query, the guard and the log-in could read different users
    String[] values = request.getParameterValues("username");
    String username = values == null || values.length != 1 ? null : values[0];
    boolean admin = username != null && !username.isBlank()
        && identity.createUserQuery().userId(username).memberOfGroup(Groups.CAMUNDA_ADMIN).count() > 0;
    if (!admin) {
      // as Camunda answers a user without access to the app
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    chain.doFilter(request, response);
  }

  /** Decoded and without path parameters, as the webapps' own routing reads it. */
  private static String path(HttpServletRequest request) {
    return UrlPathHelper.defaultInstance.getPathWithinApplication(request);
  }
}
