package org.linli.system.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateTimeDeserializer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.ToIntFunction;
import org.linli.system.CleanText;
import org.linli.system.TypedFields;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What comes in is cleaned or refused where it comes in, for every request at once: strings lose
 * NUL, control characters and broken surrogates ({@link CleanText}); dates outside the years
 * {@value TypedFields#FIRST_YEAR} to {@value TypedFields#LAST_YEAR}, numbers with absurd exponents and
 * numbers sent for yes/no fields are refused as unreadable (400, naming the field).
 */
@Configuration(proxyBeanMethods = false)
class InputAtTheEdge {

  /** Beyond this, a number is no amount, count or coordinate a person means, and costly to work with. */
  static final int MAX_EXPONENT = 30;

  @Bean
  Module linliInput() {
    SimpleModule module = new SimpleModule("linli-input");
    module.addDeserializer(String.class, new StdDeserializer<>(String.class) {
      @Override
      public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return CleanText.clean(StringDeserializer.instance.deserialize(p, ctxt));
      }
    });
    module.addDeserializer(LocalDate.class, plausible(LocalDate.class, LocalDateDeserializer.INSTANCE, LocalDate::getYear));
    module.addDeserializer(LocalDateTime.class,
        plausible(LocalDateTime.class, LocalDateTimeDeserializer.INSTANCE, LocalDateTime::getYear));
    module.addDeserializer(Instant.class,
        plausible(Instant.class, InstantDeserializer.INSTANT, i -> i.atOffset(ZoneOffset.UTC).getYear()));
    module.addDeserializer(OffsetDateTime.class,
        plausible(OffsetDateTime.class, InstantDeserializer.OFFSET_DATE_TIME, OffsetDateTime::getYear));
    module.addDeserializer(BigDecimal.class, new StdDeserializer<>(BigDecimal.class) {
      @Override
      public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        BigDecimal value = com.fasterxml.jackson.databind.deser.std.NumberDeserializers.BigDecimalDeserializer.instance
            .deserialize(p, ctxt);
        if (value != null && Math.abs((long) value.precision() - value.scale()) > MAX_EXPONENT) {
          return (BigDecimal) ctxt.handleWeirdNumberValue(BigDecimal.class, value, "not a plausible amount");
        }
        return value;
      }
    });
    return module;
  }

  /** Yes/no fields take true or false, never a number such as 1e30. */
  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictScalars() {
    return builder -> builder.postConfigurer(mapper -> {
      mapper.coercionConfigFor(LogicalType.Boolean)
          .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
      mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    });
  }

  private static <T> JsonDeserializer<T> plausible(Class<T> type, JsonDeserializer<? extends T> delegate, ToIntFunction<T> year) {
    return new StdDeserializer<>(type) {
      @Override
      public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        T value = delegate.deserialize(p, ctxt);
        if (value != null && !TypedFields.plausible(year.applyAsInt(value))) {
          @SuppressWarnings("unchecked")
          T refused = (T) ctxt.handleWeirdStringValue(type, p.getText(), "the year must be from %d to %d",
              TypedFields.FIRST_YEAR, TypedFields.LAST_YEAR);
          return refused;
        }
        return value;
      }
    };
  }

  /** Form and query parameters of every request, before any filter or controller reads them. */
  @Bean
  FilterRegistrationBean<OncePerRequestFilter> cleanParameters() {
    OncePerRequestFilter filter = new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        chain.doFilter(new CleanParameters(request), response);
      }
    };
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
    registration.setName("linli-clean-parameters");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  /** A request whose parameter values are {@link CleanText#clean clean}. */
  static final class CleanParameters extends HttpServletRequestWrapper {

    CleanParameters(HttpServletRequest request) {
      super(request);
    }

    @Override
    public String getParameter(String name) {
      return CleanText.clean(super.getParameter(name));
    }

    @Override
    public String[] getParameterValues(String name) {
      String[] values = super.getParameterValues(name);
      return values == null ? null : Arrays.stream(values).map(CleanText::clean).toArray(String[]::new);
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      Map<String, String[]> clean = new LinkedHashMap<>();
      super.getParameterMap().forEach((k, v) -> clean.put(k, Arrays.stream(v).map(CleanText::clean).toArray(String[]::new)));
      return Collections.unmodifiableMap(clean);
    }
  }
}
