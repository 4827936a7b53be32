package org.linli.supervision.internal;

import org.linli.security.LinliUser;
import org.linli.system.ForbiddenException;
import org.linli.system.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * The workbench's error page for the supervision module's own pages (the cards, the monthly report):
 * the workbench's advice serves only its own controllers, which this module may not name.
 */
final class ErrorPages {

  private ErrorPages() {}

  /** 403 for a refusal, 404 for what is not in the user's area, 400 for the rest (input to correct). */
  static ModelAndView of(RuntimeException e, LinliUser user) {
    HttpStatus status = e instanceof ForbiddenException ? HttpStatus.FORBIDDEN
        : e instanceof NotFoundException ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
    ModelAndView mv = new ModelAndView("work/error");
    mv.setStatus(status);
    mv.addObject("titleKey", switch (status) {
      case FORBIDDEN -> "error.forbidden";
      case NOT_FOUND -> "error.notFound";
      default -> "error.invalid";
    });
    mv.addObject("detail", e.getMessage());
    mv.addObject("status", status.value());
    mv.addObject("user", user);
    return mv;
  }
}
