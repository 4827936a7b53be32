package org.linli.tasklist.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A tiny evaluator for the FEEL conditions our forms use in {@code conditional.hide}: comparisons
 * of a field with a literal ({@code =decision != "dispatch"}), joined by {@code and} / {@code or},
 * with {@code not(…)} and parentheses. Anything else is refused, so a designer who writes more finds
 * out in the form tests instead of getting validation that silently differs from the browser's.
 */
final class FormCondition {

  private final String source;
  private final List<String> tokens;
  private int pos;

  private FormCondition(String source) {
    this.source = source;
    this.tokens = tokenize(source);
  }

  /** Whether the expression (with or without its leading {@code =}) is true for the data. */
  static boolean isTrue(String expression, Map<String, Object> data) {
    String body = expression.strip();
    if (body.startsWith("=")) {
      body = body.substring(1);
    }
    FormCondition c = new FormCondition(body);
    Object result = c.or(data);
    if (c.pos != c.tokens.size()) {
      throw c.unsupported();
    }
    return Boolean.TRUE.equals(result);
  }

  private Object or(Map<String, Object> data) {
    Object left = and(data);
    while (accept("or")) {
      Object right = and(data);
      left = Boolean.TRUE.equals(left) || Boolean.TRUE.equals(right);
    }
    return left;
  }

  private Object and(Map<String, Object> data) {
    Object left = comparison(data);
    while (accept("and")) {
      Object right = comparison(data);
      left = Boolean.TRUE.equals(left) && Boolean.TRUE.equals(right);
    }
    return left;
  }

  private Object comparison(Map<String, Object> data) {
    Object left = operand(data);
    if (accept("=")) {
      return same(left, operand(data));
    }
    if (accept("!=")) {
      return !same(left, operand(data));
    }
    return left;
  }

  private Object operand(Map<String, Object> data) {
    if (pos >= tokens.size()) {
      throw unsupported();
    }
    String t = tokens.get(pos++);
    if (t.equals("(")) {
      Object value = or(data);
      expect(")");
      return value;
    }
    if (t.equals("not") && accept("(")) {
      Object value = or(data);
      expect(")");
      return !Boolean.TRUE.equals(value);
    }
    if (t.startsWith("\"")) {
      return t.substring(1, t.length() - 1);
    }
    switch (t) {
      case "null":
        return null;
      case "true":
        return Boolean.TRUE;
      case "false":
        return Boolean.FALSE;
      default:
        break;
    }
    if (Character.isDigit(t.charAt(0)) || t.charAt(0) == '-') {
      return new BigDecimal(t);
    }
    if (Character.isJavaIdentifierStart(t.charAt(0))) {
      return data.get(t);
    }
    throw unsupported();
  }

  private static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      if (!FormValidator.finite(x) || !FormValidator.finite(y)) {
        return false;
      }
      return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
    }
    return Objects.equals(a, b);
  }

  private boolean accept(String token) {
    if (pos < tokens.size() && tokens.get(pos).equals(token)) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(String token) {
    if (!accept(token)) {
      throw unsupported();
    }
  }

  private IllegalStateException unsupported() {
    return new IllegalStateException("unsupported form condition: " + source);
  }

  private List<String> tokenize(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '"') {
        int end = s.indexOf('"', i + 1);
        if (end < 0) {
          throw unsupported();
        }
        out.add(s.substring(i, end + 1));
        i = end + 1;
      } else if (c == '!' && i + 1 < s.length() && s.charAt(i + 1) == '=') {
        out.add("!=");
        i += 2;
      } else if (c == '=' || c == '(' || c == ')') {
        out.add(String.valueOf(c));
        i++;
      } else if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.') {
        int start = i;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || "_-.".indexOf(s.charAt(i)) >= 0)) {
          i++;
        }
        out.add(s.substring(start, i));
      } else {
        throw unsupported();
      }
    }
    return out;
  }
}
