package org.linli.tasklist.internal;

import org.linli.system.ConflictException;
import org.linli.system.ForbiddenException;
import org.linli.system.InvalidInputException;
import org.linli.system.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** The workbench's pages show errors as pages, in the user's language, with the right status. */
@ControllerAdvice(assignableTypes = {WorkbenchController.class, CasePageController.class, SupervisionPageController.class})
class WorkbenchErrors {

  @ExceptionHandler(NotFoundException.class)
  ModelAndView notFound(NotFoundException e) {
    return page(HttpStatus.NOT_FOUND, "error.notFound", e.getMessage());
  }

  @ExceptionHandler(ForbiddenException.class)
  ModelAndView forbidden(ForbiddenException e) {
    return page(HttpStatus.FORBIDDEN, "error.forbidden", e.getMessage());
  }

  /** A hand-edited address with a value the page does not know, e.g. ?queue=foo or ?state=PURPLE. */
  @ExceptionHandler({org.springframework.web.bind.MethodArgumentNotValidException.class,
      org.springframework.validation.BindException.class,
      org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class})
  ModelAndView badParameter(Exception e) {
    return page(HttpStatus.BAD_REQUEST, "error.invalid", "地址中的参数无效 a parameter in the address is not valid");
  }

  @ExceptionHandler({ConflictException.class, InvalidInputException.class})
  ModelAndView conflict(RuntimeException e) {
    return page(e instanceof ConflictException ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST, "error.invalid", e.getMessage());
  }

  private static ModelAndView page(HttpStatus status, String titleKey, String detail) {
    ModelAndView mv = new ModelAndView("work/error");
    mv.setStatus(status);
    mv.addObject("titleKey", titleKey);
    mv.addObject("detail", detail);
    mv.addObject("status", status.value());
    return mv;
  }
}
