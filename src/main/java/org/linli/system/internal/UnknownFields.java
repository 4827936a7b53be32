package org.linli.system.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.linli.system.InvalidInputException;
import org.linli.system.InvalidInputException.FieldError;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * A request body with a field Linli does not know is refused, naming every such field (400
 * problem+json), instead of being taken without it: {@code email} for {@code residentEmail} once
 * lost a resident's reply mail without a sign. While a request body is read, Jackson's unknown
 * properties are collected rather than skipped; JSON read anywhere else (stored records) keeps
 * Jackson's default of ignoring them.
 */
@ControllerAdvice
class UnknownFields extends RequestBodyAdviceAdapter {

  private static final ThreadLocal<List<FieldError>> COLLECTED = new ThreadLocal<>();
  /** Beyond this many known names the message would no longer help anyone. */
  static final int MAX_KNOWN_NAMES = 30;

  @Bean
  static Jackson2ObjectMapperBuilderCustomizer collectUnknownFields() {
    return builder -> builder.postConfigurer(mapper -> mapper.addHandler(new DeserializationProblemHandler() {
      @Override
      public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
          Object beanOrClass, String propertyName) throws IOException {
        List<FieldError> collected = COLLECTED.get();
        if (collected == null) {
          return false; // not a request body: Jackson's own setting decides
        }
        collected.add(new FieldError(path(p.getParsingContext(), propertyName), message(deserializer)));
        p.skipChildren();
        return true;
      }
    }));
  }

  @Override
  public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converter) {
    return true;
  }

  @Override
  public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    COLLECTED.set(new ArrayList<>());
    return input;
  }

  @Override
  public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    List<FieldError> unknown = COLLECTED.get();
    COLLECTED.remove();
    if (unknown != null && !unknown.isEmpty()) {
      throw new InvalidInputException(unknown);
    }
    return body;
  }

  @Override
  public Object handleEmptyBody(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    COLLECTED.remove();
    return body;
  }

  /** Where the field stands in the body, as the field errors name it: {@code members[1].email}. */
  static String path(JsonStreamContext context, String name) {
    StringBuilder path = new StringBuilder(name);
    for (JsonStreamContext c = context == null ? null : context.getParent(); c != null && !c.inRoot(); c = c.getParent()) {
      String step = c.inArray() ? "[" + c.getCurrentIndex() + "]" : c.getCurrentName();
      if (step != null) {
        path.insert(0, step + (path.charAt(0) == '[' ? "" : "."));
      }
    }
    return path.toString();
  }

  private static String message(JsonDeserializer<?> deserializer) {
    Collection<Object> known = deserializer == null ? null : deserializer.getKnownPropertyNames();
    String names = known == null || known.isEmpty() || known.size() > MAX_KNOWN_NAMES ? ""
        : "; known fields: " + String.join(", ", new TreeSet<>(known.stream().map(Objects::toString).toList()));
    return "未知字段，未保存任何内容 unknown field, nothing was saved" + names;
  }
}
