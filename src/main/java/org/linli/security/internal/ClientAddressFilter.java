package org.linli.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.linli.security.LoginThrottle;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells {@link LoginThrottle} which address a request comes from, for every servlet (Linli's, the
 * engine's REST API, Camunda's webapps), before any filter checks a password.
 */
@Configuration(proxyBeanMethods = false)
class ClientAddressFilter {

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> clientAddress() {
    OncePerRequestFilter filter = new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        try (LoginThrottle.Serving serving = LoginThrottle.serving(request)) {
          chain.doFilter(request, response);
        }
      }
    };
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
    registration.setName("linli-client-address");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    return registration;
  }
}
