package org.linli.portal.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.linli.portal.PortalProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The public API's intake and rating take the portal's limits too (same buckets, per client
 * address); otherwise a script could go around the portal's forms.
 */
@Configuration(proxyBeanMethods = false)
class PublicApiRateLimit {

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> publicApiRateLimitFilter(RateLimiter limiter, PortalProperties properties) {
    OncePerRequestFilter filter = new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        if ("POST".equals(request.getMethod())) {
          String path = request.getRequestURI();
          try {
            if (path.equals("/api/public/requests")) {
              limiter.hit("submit", request.getRemoteAddr(), properties.submitLimit(), properties.submitWindow());
            } else if (path.startsWith("/api/public/ratings/")) {
              limiter.hit("rate", request.getRemoteAddr(), properties.rateLimit(), properties.rateWindow());
            }
          } catch (RateLimiter.LimitExceeded e) {
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(e.retryAfterSeconds));
            response.setContentType("application/problem+json;charset=UTF-8");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
                + "\"detail\":\"请求过于频繁, 请稍后再试 too many requests; try again in " + e.retryAfterSeconds + " s\"}");
            return;
          }
        }
        chain.doFilter(request, response);
      }
    };
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
    registration.addUrlPatterns("/api/public/requests", "/api/public/ratings/*");
    registration.setName("linli-public-api-rate-limit");
    return registration;
  }
}
