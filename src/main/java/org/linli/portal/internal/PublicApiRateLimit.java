package org.linli.portal.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.linli.portal.PortalProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The public API's intake and rating take the portal's limits too (same buckets, per client
 * address; the intake's per-phone limit is {@link PublicApiPhoneLimit}); otherwise a script could go around the portal's forms. An interceptor of Spring MVC,
 * matched on the same decoded path that chooses the handler: a path spelled differently
 * ({@code /api/public/%72equests}) that reaches the intake is counted like the plain one.
 */
@Configuration(proxyBeanMethods = false)
class PublicApiRateLimit implements WebMvcConfigurer {

  private final RateLimiter limiter;
  private final PortalProperties properties;

  PublicApiRateLimit(RateLimiter limiter, PortalProperties properties) {
    this.limiter = limiter;
    this.properties = properties;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(limit(SubmitLimits.ADDRESS, properties.submitLimit(), properties.submitWindow()))
        .addPathPatterns("/api/public/requests");
    registry.addInterceptor(limit("rate", properties.rateLimit(), properties.rateWindow()))
        .addPathPatterns("/api/public/ratings/*");
  }

  /** The problem+json body of a refusal; with {@code field}, the field whose value reached its limit. */
  static String tooManyProblem(long retryAfterSeconds, String field) {
    String detail = "请求过于频繁, 请稍后再试 too many requests; try again in " + retryAfterSeconds + " s";
    String errors = field == null ? "" : ",\"errors\":[{\"field\":\"" + field + "\",\"message\":\""
        + "同一电话号码提交过于频繁 too many requests with this phone number\"}]";
    return "{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,\"detail\":\"" + detail + "\"" + errors + "}";
  }

  private HandlerInterceptor limit(String bucket, int limit, java.time.Duration window) {
    return new HandlerInterceptor() {
      @Override
      public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        if (!"POST".equals(request.getMethod())) {
          return true;
        }
        try {
          limiter.hit(bucket, request.getRemoteAddr(), limit, window);
          return true;
        } catch (RateLimiter.LimitExceeded e) {
          response.setStatus(429);
          response.setHeader("Retry-After", String.valueOf(e.retryAfterSeconds));
          response.setContentType("application/problem+json");
          response.setCharacterEncoding(StandardCharsets.UTF_8.name());
          response.getWriter().write(tooManyProblem(e.retryAfterSeconds, null));
          return false;
        }
      }
    };
  }
}
