package org.linli.security.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.linli.organization.Role;
import org.linli.security.SecurityHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One filter chain per surface, the matchers deciding the paths:
 *
 * <ul>
 *   <li>{@code /api/**}: Linli's API, HTTP Basic (the public intake and rating under {@code /api/public}
 *       need none); the area checks and step rules are Linli's own;
 *   <li>{@code /engine-rest/**}: the engine's REST API, for administrators and integrations only
 *       (HTTP Basic); the engine's authorizations apply to the signed-in user;
 *   <li>the staff workbench: form log-in with a session and CSRF;
 *   <li>{@code /camunda/**}: Camunda's webapps keep their own log-in, which only administrators pass,
 *       and their set-up page is closed for good: the first administrator comes from configuration;
 *   <li>everything else (landing page, health, static files) needs no sign-in.
 * </ul>
 *
 * Every sign-in checks the password through the engine's identity service, where {@link
 * LoginThrottle} slows down guessing per user and address.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  /** Pages of the staff workbench; mails link to {@code /cases/{number}}. */
  static final String[] WORKBENCH = {
    "/login", "/logout", "/tasks", "/tasks/**", "/cases/**", "/requests/**", "/assistance/**", "/emergency/**", "/me/**",
    "/supervision", "/supervision/**", "/admin/**"
  };

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, ObjectMapper mapper) throws Exception {
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(a -> a
            .requestMatchers("/api/public/**").permitAll()
            .requestMatchers("/api/admin/**").hasRole(Role.ADMIN.name())
            .anyRequest().authenticated())
        .httpBasic(b -> b.authenticationEntryPoint((req, res, ex) -> {
          res.setHeader("WWW-Authenticate", "Basic realm=\"Linli\", charset=\"UTF-8\"");
          problem(res, mapper, HttpStatus.UNAUTHORIZED, ex instanceof LockedException
              ? ex.getMessage() : "Sign in with your Linli user name and password.");
        }))
        .exceptionHandling(e -> e.accessDeniedHandler((req, res, ex) ->
            problem(res, mapper, HttpStatus.FORBIDDEN, "You may not do this.")))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .headers(SecurityHeaders.linli())
        .csrf(c -> c.disable());
    return http.build();
  }

  /**
   * The engine's REST API is a side door past Linli's area checks and step rules, so only
   * administrators and granted integrations go through; caseworkers use {@code /api}.
   */
  @Bean
  @Order(2)
  SecurityFilterChain engineRest(HttpSecurity http, ObjectMapper mapper, IdentityService identity) throws Exception {
    // the engine's servlets are not Spring MVC's: match the whole path, not a path within the dispatcher
    http.securityMatcher(path("/engine-rest/**"))
        .authorizeHttpRequests(a -> a.anyRequest().hasAnyRole(Role.ADMIN.name(), Role.INTEGRATION.name()))
        .httpBasic(b -> b.authenticationEntryPoint((req, res, ex) -> {
          res.setHeader("WWW-Authenticate", "Basic realm=\"Linli engine\", charset=\"UTF-8\"");
          problem(res, mapper, HttpStatus.UNAUTHORIZED, "Sign in as an administrator or an integration.");
        }))
        .exceptionHandling(e -> e.accessDeniedHandler((req, res, ex) -> problem(res, mapper, HttpStatus.FORBIDDEN,
            "The engine's REST API is for administrators and integrations; staff use Linli's API under /api.")))
        .addFilterAfter(new EngineRestIdentity(identity), AuthorizationFilter.class)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.disable());
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain workbench(HttpSecurity http) throws Exception {
    RequestCache requestCache = HtmxSignIn.requestCache();
    http.securityMatcher(WORKBENCH)
        .authorizeHttpRequests(a -> a
            .requestMatchers("/login").permitAll()
            .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
            .anyRequest().authenticated())
        .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/tasks", false)
            .failureHandler((req, res, ex) -> res.sendRedirect(req.getContextPath()
                + (ex instanceof LockedException ? "/login?blocked" : "/login?error"))))
        .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
        // answered here, never forwarded: a forward to /login would let the log-in filter take the POST
        .requestCache(c -> c.requestCache(requestCache))
        // htmx after the session ended: a full page load of the log-in, then back to the page
        .exceptionHandling(e -> e.accessDeniedHandler(HtmxSignIn.accessDenied(deniedPage(), requestCache))
            .authenticationEntryPoint(HtmxSignIn.entryPoint(new LoginUrlAuthenticationEntryPoint("/login"))))
        .headers(SecurityHeaders.linli());
    return http.build();
  }

  /**
   * Camunda's webapps: their own log-in and session, for administrators only ({@link
   * WebappLoginGuard}); Camunda's CSRF filter guards their forms. The set-up page that creates the
   * first administrator is never open.
   */
  @Bean
  @Order(4)
  SecurityFilterChain webapps(HttpSecurity http, IdentityService identity) throws Exception {
    http.securityMatcher(path("/camunda/**"))
        .authorizeHttpRequests(a -> a
            .requestMatchers(path("/camunda/api/admin/setup/**")).denyAll()
            .anyRequest().permitAll())
        .addFilterBefore(new WebappLoginGuard(identity), AuthorizationFilter.class)
        .csrf(c -> c.disable())
        .headers(h -> h.frameOptions(f -> f.sameOrigin()));
    return http.build();
  }

  @Bean
  @Order(5)
  SecurityFilterChain rest(HttpSecurity http) throws Exception {
    // the landing page, API description, health and static files; none of them keeps a session
    http.authorizeHttpRequests(a -> a
            .requestMatchers("/favicon.ico", "/favicon.svg").permitAll()
            .anyRequest().permitAll())
        .csrf(c -> c.disable())
        .headers(SecurityHeaders.linli());
    return http.build();
  }

  /** A pattern over the whole path below the context, whichever servlet serves it. */
  static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  /** A refused workbench request (a failed CSRF check) gets a 403 page and changes nothing. */
  static AccessDeniedHandler deniedPage() {
    return (req, res, ex) -> {
      if (res.isCommitted()) {
        return;
      }
      res.setStatus(HttpStatus.FORBIDDEN.value());
      res.setContentType(MediaType.TEXT_HTML_VALUE);
      res.setCharacterEncoding(StandardCharsets.UTF_8.name());
      res.getWriter().write("""
          <!DOCTYPE html><html lang="zh-CN"><head><meta charset="UTF-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>403 · 请求被拒绝</title><link rel="stylesheet" href="/css/work.css"></head>
          <body class="login-page"><main class="login-card"><h1>403 · 请求被拒绝</h1>
          <p>页面已过期，或请求不是从邻里页面发出的；没有执行任何操作。请返回并刷新页面后重试。</p>
          <p class="muted">The page expired or the request did not come from a Linli page; nothing was done.</p>
          <p><a href="/tasks" class="button">返回工作台</a></p></main></body></html>
          """);
    };
  }

  static void problem(HttpServletResponse res, ObjectMapper mapper, HttpStatus status, String detail)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    res.setStatus(status.value());
    res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    res.setCharacterEncoding("UTF-8");
    mapper.writeValue(res.getOutputStream(), Map.of(
        "type", problem.getType().toString(), "title", problem.getTitle(), "status", status.value(), "detail", detail));
  }
}
