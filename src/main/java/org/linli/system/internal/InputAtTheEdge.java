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
import java.beans.PropertyEditorSupport;
import java.io.IOException;
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
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * What comes in is cleaned or refused where it comes in, for every controller at once: strings lose
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

  /** Form, query and path parameters of every controller. */
  @ControllerAdvice
  static class CleanParameters {
    @InitBinder
    void cleanStrings(WebDataBinder binder) {
      binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
        @Override
        public void setAsText(String text) {
          setValue(CleanText.clean(text));
        }

        @Override
        public String getAsText() {
          Object value = getValue();
          return value == null ? "" : value.toString();
        }
      });
    }
  }
}
