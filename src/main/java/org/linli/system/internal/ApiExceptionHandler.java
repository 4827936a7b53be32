package org.linli.system.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.linli.system.Bilingual;
import org.linli.system.ConflictException;
import org.linli.system.ForbiddenException;
import org.linli.system.InvalidInputException;
import org.linli.system.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of Linli's API as application/problem+json, with the fields a person must correct, in
 * the language the client names in Accept-Language (both, "中文 English", when it names none).
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalid(InvalidInputException e, WebRequest request) {
    Optional<Locale> named = language(request);
    return withErrors(
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, Bilingual.in(e.getMessage(), named)),
        e.errors().stream().map(x -> Map.of("field", x.field(), "message", Bilingual.in(x.message(), named))).toList());
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e, WebRequest request) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, Bilingual.in(e.getMessage(), language(request)));
  }

  @ExceptionHandler({ForbiddenException.class, AccessDeniedException.class})
  ProblemDetail forbidden(RuntimeException e, WebRequest request) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, Bilingual.in(e.getMessage(), language(request)));
  }

  @ExceptionHandler(AuthenticationException.class)
  ProblemDetail unauthenticated(AuthenticationException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e, WebRequest request) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, Bilingual.in(e.getMessage(), language(request)));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    String message = "cannot read '" + e.getValue() + "'";
    return withErrors(
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getName() + ": " + message),
        List.of(Map.of("field", e.getName(), "message", message)));
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    log.error("Unexpected error", e);
    return ProblemDetail.forStatusAndDetail(
        HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side; it has been logged.");
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<Map<String, String>> errors =
        ex.getBindingResult().getFieldErrors().stream()
            .map(f -> Map.of("field", f.getField(), "message", Bilingual.in(String.valueOf(f.getDefaultMessage()), language(request))))
            .toList();
    String detail = errors.isEmpty() ? "invalid input" : errors.get(0).get("field") + ": " + errors.get(0).get("message");
    ProblemDetail body = withErrors(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail), errors);
    return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String detail = "The request body is not valid JSON of the expected form.";
    if (ex.getCause() instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mie
        && !mie.getPath().isEmpty()) {
      String field = mie.getPath().stream()
          .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .reduce((a, b) -> a + "." + b).orElse("");
      ProblemDetail body = withErrors(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + ": cannot read this value"),
          List.of(Map.of("field", field, "message", "cannot read this value")));
      return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }
    return handleExceptionInternal(ex, ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail), headers,
        HttpStatus.BAD_REQUEST, request);
  }

  private static Optional<Locale> language(WebRequest request) {
    return Bilingual.named(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
  }

  private static ProblemDetail withErrors(ProblemDetail p, List<Map<String, String>> errors) {
    p.setProperty("errors", errors);
    return p;
  }
}
