package org.linli.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.savedrequest.SimpleSavedRequest;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * A workbench request made by htmx ({@code HX-Request: true}) after the session ended must not get
 * the log-in page swapped into a table. It is answered 401 with {@code HX-Redirect} to the log-in page,
 * so that htmx loads the whole page, and the page the user was on ({@code HX-Current-URL}, when it is a
 * path of this server) is kept as the place to return to after signing in; never the fragment's address,
 * and never another host.
 */
final class HtmxSignIn {

  static final String LOGIN = "/login?expired";
  static final RequestMatcher HTMX = new RequestHeaderRequestMatcher("HX-Request", "true");

  private HtmxSignIn() {}

  /** For htmx requests: 401 and a full navigation to the log-in page; for the others {@code pages}. */
  static AuthenticationEntryPoint entryPoint(AuthenticationEntryPoint pages) {
    LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> byRequest = new LinkedHashMap<>();
    byRequest.put(HTMX, (request, response, e) -> redirect(request, response));
    DelegatingAuthenticationEntryPoint entryPoint = new DelegatingAuthenticationEntryPoint(byRequest);
    entryPoint.setDefaultEntryPoint(pages);
    return entryPoint;
  }

  /**
   * A refused htmx request of a user who is no longer signed in (the CSRF token died with the session)
   * goes to the log-in page too; everything else to {@code otherwise}.
   */
  static AccessDeniedHandler accessDenied(AccessDeniedHandler otherwise, RequestCache cache) {
    return (request, response, e) -> {
      Authentication auth = SecurityContextHolder.getContext().getAuthentication();
      if (HTMX.matches(request) && (auth == null || auth instanceof AnonymousAuthenticationToken)) {
        cache.saveRequest(request, response);
        redirect(request, response);
      } else {
        otherwise.handle(request, response, e);
      }
    };
  }

  private static void redirect(HttpServletRequest request, HttpServletResponse response) {
    response.setStatus(HttpStatus.UNAUTHORIZED.value());
    response.setHeader("HX-Redirect", request.getContextPath() + LOGIN);
  }

  /** The session's request cache, which keeps for an htmx request the page it came from. */
  static RequestCache requestCache() {
    HttpSessionRequestCache pages = new HttpSessionRequestCache();
    // as Spring Security's default: pages that were asked for, not what a script fetched
    pages.setRequestMatcher(r -> "GET".equals(r.getMethod()) && !"XMLHttpRequest".equals(r.getHeader("X-Requested-With"))
        && !HTMX.matches(r));
    return new RequestCache() {
      @Override
      public void saveRequest(HttpServletRequest request, HttpServletResponse response) {
        if (!HTMX.matches(request)) {
          pages.saveRequest(request, response);
          return;
        }
        String page = samePath(request, request.getHeader("HX-Current-URL"));
        if (page != null) {
          request.getSession().setAttribute(SAVED, new SimpleSavedRequest(page));
        }
      }

      @Override
      public SavedRequest getRequest(HttpServletRequest request, HttpServletResponse response) {
        return pages.getRequest(request, response);
      }

      @Override
      public HttpServletRequest getMatchingRequest(HttpServletRequest request, HttpServletResponse response) {
        return pages.getMatchingRequest(request, response);
      }

      @Override
      public void removeRequest(HttpServletRequest request, HttpServletResponse response) {
        pages.removeRequest(request, response);
      }
    };
  }

  /** HttpSessionRequestCache's attribute, where the log-in's success handler looks. */
  static final String SAVED = "SPRING_SECURITY_SAVED_REQUEST";

  /**
   * The path and query of {@code url} below this application, when it names this server (or no server
   * at all); otherwise null. Only such a path may become a redirect target.
   */
  static String samePath(HttpServletRequest request, String url) {
    if (url == null || url.isBlank() || url.length() > 2000) {
      return null;
    }
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      return null;
    }
    if (uri.isOpaque() || uri.getRawUserInfo() != null) {
      return null;
    }
    if (uri.getScheme() != null || uri.getRawAuthority() != null) {
      if (uri.getScheme() == null || !uri.getScheme().equalsIgnoreCase(request.getScheme()) || uri.getHost() == null
          || !uri.getHost().equalsIgnoreCase(request.getServerName()) || port(uri) != request.getServerPort()) {
        return null;
      }
    }
    String path = uri.getRawPath();
    String root = request.getContextPath();
    if (path == null || !path.startsWith(root + "/") || path.contains("\\")) {
      return null;
    }
    path = path.substring(root.length());
    if (path.startsWith("//")) {
      return null;
    }
    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
  }

  private static int port(URI uri) {
    return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
