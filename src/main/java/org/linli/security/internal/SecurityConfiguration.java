package org.linli.security.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Linli's API needs HTTP Basic (checked against the engine's users), except the public intake
 * under {@code /api/public}; the staff workbench pages need a form log-in. The engine's REST API is guarded by Camunda's own authentication
 * filter, and its webapps by their own log-in, so that engine authorizations apply there.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, ObjectMapper mapper) throws Exception {
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(a -> a.requestMatchers("/api/public/**").permitAll().anyRequest().authenticated())
        .httpBasic(b -> b.authenticationEntryPoint((req, res, ex) -> {
          res.setHeader("WWW-Authenticate", "Basic realm=\"Linli\", charset=\"UTF-8\"");
          problem(res, mapper, HttpStatus.UNAUTHORIZED, "Sign in with your Linli user name and password.");
        }))
        .exceptionHandling(e -> e.accessDeniedHandler((req, res, ex) ->
            problem(res, mapper, HttpStatus.FORBIDDEN, "You may not do this.")))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.disable());
    return http.build();
  }

  /**
   * The staff workbench (task list, case pages, entry pages such as {@code /assistance/apply}): form log-in with a session, CSRF on, the same
   * users as everywhere. Mails link to {@code /cases/{number}}.
   */
  @Bean
  @Order(2)
  SecurityFilterChain workbench(HttpSecurity http) throws Exception {
    http.securityMatcher("/login", "/logout", "/tasks", "/tasks/**", "/cases/**", "/assistance/**", "/emergency/**", "/me/**")
        .authorizeHttpRequests(a -> a.requestMatchers("/login").permitAll().anyRequest().authenticated())
        .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/tasks", false).failureUrl("/login?error"))
        .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
        .exceptionHandling(e -> e.accessDeniedPage("/login?denied"))
        .headers(h -> h.frameOptions(f -> f.sameOrigin()));
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain rest(HttpSecurity http) throws Exception {
    // the landing page, API description, health, the engine's webapps (own log-in) and REST API
    // (Camunda's filter below); none of them keeps a Spring Security session
    http.authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .csrf(c -> c.disable())
        .headers(h -> h.frameOptions(f -> f.sameOrigin()));
    return http.build();
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("camunda-auth");
    registration.addInitParameter(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM, HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    return registration;
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
