package org.linli.portal.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import java.lang.reflect.Type;
import org.linli.request.IntakeForm;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * The public API's intake takes the portal's per-phone limit too: the number is in the body, so it
 * is counted once the body is read, on the handler's matched (decoded) path. Staff intake
 * ({@code /api/requests}) is not limited: a hotline takes several matters from one caller. A refusal
 * is the same problem+json 429 with {@code Retry-After} as the per-address limit's.
 */
@ControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PublicApiPhoneLimit extends RequestBodyAdviceAdapter {

  static final String PUBLIC_INTAKE = "/api/public/requests";

  private final SubmitLimits limits;
  private final Validator validator;

  PublicApiPhoneLimit(SubmitLimits limits, Validator validator) {
    this.limits = limits;
    this.validator = validator;
  }

  @Override
  public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
    return targetType == IntakeForm.class;
  }

  @Override
  public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    if (body instanceof IntakeForm form && attributes instanceof ServletRequestAttributes servlet
        && PUBLIC_INTAKE.equals(servlet.getRequest().getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE))
        && "POST".equals(servlet.getRequest().getMethod())
        // as on the portal, only a body that passes the form's checks counts: nobody uses up a
        // resident's number with requests that were never taken
        && validator.validate(form).isEmpty()) {
      limits.phone(form.residentPhone());
    }
    return body;
  }

  @ExceptionHandler(RateLimiter.LimitExceeded.class)
  ResponseEntity<String> tooMany(RateLimiter.LimitExceeded e, HttpServletRequest request) {
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds))
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(PublicApiRateLimit.tooManyProblem(e.retryAfterSeconds,
            e instanceof SubmitLimits.Refused r && r.phone ? "residentPhone" : null));
  }
}
