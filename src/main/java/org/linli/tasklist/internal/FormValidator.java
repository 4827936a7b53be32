package org.linli.tasklist.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.linli.system.InvalidInputException;
import org.linli.system.InvalidInputException.FieldError;

/**
 * Checks submitted data against a Camunda Form (form-js schema) the way the browser does, so a
 * client that skips the browser cannot get past the form's rules. Only visible fields count:
 * {@code conditional.hide} is evaluated on the submitted data and the server's context (see {@link
 * FormCondition}). A key the form does not declare, a value for a field hidden or disabled by these
 * answers, and a value for the server's context are refused by name: the browser sends none of
 * them, and dropping them would lose what a client meant without a sign.
 */
public final class FormValidator {

  private static final Set<String> TEXT = Set.of("textfield", "textarea", "datetime");
  private static final Set<String> SINGLE_CHOICE = Set.of("select", "radio");
  private static final Set<String> MULTI_CHOICE = Set.of("checklist", "taglist");

  private FormValidator() {}

  /**
   * @param data what the client submitted, by field key
   * @param context what the server tells the form about the case, for its conditions only
   * @return the values of the visible fields, by key, in the form's order
   * @throws InvalidInputException naming each field that breaks its rules, and each key it does not take
   * @throws IllegalStateException when the form uses a condition or pattern this cannot evaluate
   */
  public static Map<String, Object> validate(JsonNode schema, Map<String, Object> data, Map<String, Object> context) {
    Map<String, Object> answers = new LinkedHashMap<>(data);
    answers.putAll(context);
    Map<String, Object> values = new LinkedHashMap<>();
    List<FieldError> errors = new ArrayList<>();
    Set<String> declared = new java.util.HashSet<>();
    declared(schema.path("components"), declared);
    data.forEach((key, value) -> {
      if (context.containsKey(key)) {
        errors.add(new FieldError(key, "由系统填写，不能提交 supplied by the server, not by a submission"));
      } else if (!declared.contains(key)) {
        errors.add(new FieldError(key, "此步骤没有这一项 unknown field: this step's form has no such field"));
      }
    });
    walk(schema.path("components"), answers, values, errors);
    data.forEach((key, value) -> {
      if (value != null && !(value instanceof String text && text.isBlank()) && declared.contains(key) && !context.containsKey(key) && !values.containsKey(key)
          && errors.stream().noneMatch(e -> e.field().equals(key))) {
        errors.add(new FieldError(key, "按所选内容不填这一项 not taken with these answers (the form hides it)"));
      }
    });
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return values;
  }

  /** Every field key of the form, shown or not. */
  private static void declared(JsonNode components, Set<String> keys) {
    for (JsonNode c : components) {
      String key = c.path("key").asText(null);
      if (key != null && isField(c.path("type").asText(""))) {
        keys.add(key);
      }
      declared(c.path("components"), keys);
    }
  }

  private static void walk(JsonNode components, Map<String, Object> answers, Map<String, Object> values, List<FieldError> errors) {
    for (JsonNode c : components) {
      if (hidden(c, answers) || c.path("disabled").asBoolean(false)) {
        continue; // form-js neither validates nor submits these, nor anything inside them
      }
      String key = c.path("key").asText(null);
      String type = c.path("type").asText("");
      if (key != null && isField(type)) {
        String error = check(c, type, answers.get(key), answers);
        if (error != null) {
          errors.add(new FieldError(key, error));
        } else if (answers.get(key) != null) {
          values.put(key, answers.get(key));
        }
      }
      walk(c.path("components"), answers, values, errors);
    }
  }

  private static boolean isField(String type) {
    return TEXT.contains(type) || SINGLE_CHOICE.contains(type) || MULTI_CHOICE.contains(type)
        || type.equals("number") || type.equals("checkbox");
  }

  private static boolean hidden(JsonNode c, Map<String, Object> data) {
    JsonNode hide = c.path("conditional").path("hide");
    if (hide.isBoolean()) {
      return hide.asBoolean();
    }
    return hide.isTextual() && !hide.asText().isBlank() && FormCondition.isTrue(hide.asText(), data);
  }

  /** The first broken rule of a field, as a message for a person, or null. */
  private static String check(JsonNode c, String type, Object value, Map<String, Object> answers) {
    JsonNode rules = c.path("validate");
    boolean empty = value == null
        || value instanceof String s && s.isBlank()
        || value instanceof List<?> l && l.isEmpty()
        || type.equals("checkbox") && Boolean.FALSE.equals(value);
    if (empty) {
      return rules.path("required").asBoolean(false) ? "必填 required" : null;
    }
    if (TEXT.contains(type)) {
      if (!(value instanceof String text)) {
        return "应为文本 must be text";
      }
      return checkText(rules, text);
    }
    if (type.equals("number")) {
      return checkNumber(c, rules, value);
    }
    if (type.equals("checkbox")) {
      return value instanceof Boolean ? null : "应为是或否 must be true or false";
    }
    if (SINGLE_CHOICE.contains(type)) {
      return isOption(c, value, answers) ? null : "不是可选的值 not one of the options";
    }
    if (!(value instanceof List<?> list)) {
      return "应为列表 must be a list";
    }
    return list.stream().allMatch(v -> isOption(c, v, answers)) ? null : "含有不可选的值 contains a value that is not an option";
  }

  private static String checkText(JsonNode rules, String text) {
    String pattern = rules.path("pattern").asText("");
    if (!pattern.isEmpty() && !Pattern.compile(pattern).matcher(text).matches()) {
      String own = rules.path("patternErrorMessage").asText("");
      return own.isEmpty() ? "格式不正确 wrong format" : own;
    }
    int length = text.strip().length(); // form-js counts the trimmed text
    BigDecimal min = bound(rules.path("minLength"));
    if (min != null && length < min.intValue()) {
      return "不能少于" + min.intValue() + "个字 at least " + min.intValue() + " characters";
    }
    BigDecimal max = bound(rules.path("maxLength"));
    if (max != null && length > max.intValue()) {
      return "不能超过" + max.intValue() + "个字 at most " + max.intValue() + " characters";
    }
    return null;
  }

  /** JSON numbers beyond double range arrive as infinities, which no rule accepts. */
  static boolean finite(Number n) {
    return !(n instanceof Double d && !Double.isFinite(d)) && !(n instanceof Float f && !Float.isFinite(f));
  }

  private static String checkNumber(JsonNode c, JsonNode rules, Object value) {
    BigDecimal number;
    if (value instanceof Number n) {
      if (!finite(n)) {
        return "应为数字 must be a number";
      }
      number = new BigDecimal(n.toString());
    } else if (value instanceof String s && c.path("serializeToString").asBoolean(false)) {
      try {
        number = new BigDecimal(s.strip());
      } catch (NumberFormatException e) {
        return "应为数字 must be a number";
      }
    } else {
      return "应为数字 must be a number";
    }
    JsonNode digits = c.path("decimalDigits");
    if (digits.isInt() && Math.max(0, number.stripTrailingZeros().scale()) > digits.asInt()) {
      return digits.asInt() == 0 ? "应为整数 must be a whole number"
          : "最多" + digits.asInt() + "位小数 at most " + digits.asInt() + " decimal places";
    }
    BigDecimal min = bound(rules.path("min"));
    if (min != null && number.compareTo(min) < 0) {
      return "不能小于" + min.toPlainString() + " must be at least " + min.toPlainString();
    }
    BigDecimal max = bound(rules.path("max"));
    if (max != null && number.compareTo(max) > 0) {
      return "不能大于" + max.toPlainString() + " must be at most " + max.toPlainString();
    }
    return null;
  }

  /** A numeric rule; FEEL expressions ("=…") are not evaluated here, so they do not bind. */
  private static BigDecimal bound(JsonNode rule) {
    if (rule.isNumber()) {
      return rule.decimalValue();
    }
    if (rule.isTextual() && !rule.asText().startsWith("=")) {
      try {
        return new BigDecimal(rule.asText().strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /**
   * Static options, and options the server gave the form as data ({@code valuesKey}: the step's
   * choices, which a submission cannot set); options from expressions are the step rules' to check.
   */
  private static boolean isOption(JsonNode c, Object value, Map<String, Object> answers) {
    String valuesKey = c.path("valuesKey").asText("");
    if (!valuesKey.isEmpty()) {
      return answers.get(valuesKey) instanceof List<?> offered && value != null && offered.stream()
          .map(o -> o instanceof Map<?, ?> m ? m.get("value") : o)
          .anyMatch(v -> v != null && v.toString().equals(value.toString()));
    }
    JsonNode options = c.path("values");
    if (!options.isArray()) {
      return true;
    }
    for (JsonNode o : options) {
      JsonNode v = o.path("value");
      boolean same = v.isNumber()
          ? value instanceof Number n && finite(n) && v.decimalValue().compareTo(new BigDecimal(n.toString())) == 0
          : (v.isTextual() || v.isBoolean()) && (value instanceof String || value instanceof Boolean)
              && v.asText().equals(value.toString());
      if (same) {
        return true;
      }
    }
    return false;
  }
}
