package org.linli.system.internal;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Errors that a caller of the engine's REST API caused come back as 4xx, not 500: the engine's
 * resources wrap most failures in a 500 whatever their cause. A refused step rule or assignment is
 * 403; a decision or condition that cannot be evaluated with the caller's variables (no outgoing
 * flow, ENGINE-02004; a DMN or FEEL failure; an unknown variable in an expression) is 400.
 * Everything else keeps Camunda's own answer.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestErrors {

  @Bean
  ResourceConfigCustomizer engineRestInputErrors() {
    return config -> {
      config.register(RestErrors.class);
      config.register(EngineErrors.class);
    };
  }

  /** Ahead of Camunda's mapper of the same type. */
  @Priority(Priorities.USER - 1000)
  static class RestErrors implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException e) {
      return respond(e);
    }
  }

  @Priority(Priorities.USER - 1000)
  static class EngineErrors implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException e) {
      return respond(e);
    }
  }

  static Response respond(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      Response.Status status = callerStatus(t);
      if (status != null) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", t.getClass().getSimpleName());
        body.put("message", t.getMessage());
        if (t instanceof ProcessEngineException pe && pe.getCode() != 0) {
          body.put("code", pe.getCode());
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
      }
    }
    return ExceptionHandlerHelper.getInstance().getResponse(e);
  }

  /** The status of an error the caller caused, or null when it is not one. */
  static Response.Status callerStatus(Throwable t) {
    if (t instanceof AuthorizationException) {
      return Response.Status.FORBIDDEN;
    }
    if (t instanceof NotFoundException) {
      return Response.Status.NOT_FOUND;
    }
    if (t instanceof BadUserRequestException || t instanceof NotValidException || t instanceof NullValueException
        || t instanceof DmnEngineException) {
      return Response.Status.BAD_REQUEST;
    }
    String type = t.getClass().getName();
    if (type.endsWith(".el.PropertyNotFoundException") || type.endsWith(".el.MethodNotFoundException")
        || type.endsWith("FeelException")) {
      return Response.Status.BAD_REQUEST;
    }
    String message = t.getMessage();
    if (t instanceof ProcessEngineException && message != null && message.startsWith("ENGINE-02004")) {
      return Response.Status.BAD_REQUEST; // no outgoing sequence flow: the variables chose no path
    }
    return null;
  }
}
