package org.linli.portal.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import jakarta.servlet.http.HttpServletResponse;
import org.linli.system.NotFoundException;

/**
 * Errors of the portal's pages as pages in the resident's language, never a stack trace or JSON;
 * ahead of the API's problem+json handler, for the portal's controllers only.
 */
@ControllerAdvice(assignableTypes = {PortalController.class, RatingController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalErrors {

  private static final Logger log = LoggerFactory.getLogger(PortalErrors.class);

  static ModelAndView page(HttpStatusCode status, String messageKey) {
    ModelAndView page = new ModelAndView("portal/error");
    page.setStatus(status);
    page.addObject("status", status.value());
    page.addObject("messageKey", messageKey);
    return page;
  }

  @ExceptionHandler(RateLimiter.LimitExceeded.class)
  ModelAndView tooMany(RateLimiter.LimitExceeded e, HttpServletResponse response) {
    response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds));
    ModelAndView page = page(HttpStatus.TOO_MANY_REQUESTS, "portal.error.tooMany");
    page.addObject("retryMinutes", Math.max(1, (e.retryAfterSeconds + 59) / 60));
    return page;
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ModelAndView tooLarge(MaxUploadSizeExceededException e) {
    return page(HttpStatus.PAYLOAD_TOO_LARGE, "portal.error.tooLarge");
  }

  @ExceptionHandler(NotFoundException.class)
  ModelAndView notFound(NotFoundException e) {
    return page(HttpStatus.NOT_FOUND, "portal.error.notFound");
  }

  @ExceptionHandler(Exception.class)
  ModelAndView other(Exception e) {
    if (e instanceof ErrorResponse r && r.getStatusCode().is4xxClientError()) {
      return page(r.getStatusCode(), "portal.error.badRequest");
    }
    log.error("Portal page failed", e);
    return page(HttpStatus.INTERNAL_SERVER_ERROR, "portal.error.unexpected");
  }
}
