package org.linli.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linli.system.InvalidInputException;
import org.linli.system.InvalidInputException.FieldError;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The form validator on its own, and the shipped forms as it reads them. */
class StepFormValidationTests {

  static final String SCHEMA = """
      { "id": "Form_Test", "type": "default", "schemaVersion": 19, "components": [
        { "type": "text", "id": "T", "text": "hello" },
        { "type": "radio", "key": "decision", "id": "D", "validate": { "required": true },
          "values": [ { "label": "A", "value": "a" }, { "label": "B", "value": "b" } ] },
        { "type": "number", "key": "days", "id": "N", "decimalDigits": 0, "validate": { "required": true, "min": 1, "max": 10 },
          "conditional": { "hide": "=decision != \\"b\\"" } },
        { "type": "textfield", "key": "code", "id": "C", "validate": { "pattern": "[0-9]{12}" },
          "conditional": { "hide": "=not(decision = \\"a\\" or decision = \\"b\\")" } },
        { "type": "textarea", "key": "note", "id": "X", "validate": { "minLength": 2, "maxLength": 5 } },
        { "type": "group", "id": "G", "conditional": { "hide": "=decision = null" }, "components": [
          { "type": "checklist", "key": "tags", "id": "L", "values": [ { "label": "x", "value": "x" } ] } ] },
        { "type": "button", "id": "S", "action": "submit" } ] }
      """;

  final StepForms forms = new StepForms(null, null, null);

  List<FieldError> errors(Map<String, Object> data) {
    try {
      forms.validate(SCHEMA, data, Map.of());
      return List.of();
    } catch (InvalidInputException e) {
      return e.errors();
    }
  }

  @Test
  void requiredOptionsAndUnknownKeys() {
    assertThat(errors(Map.of())).containsExactly(new FieldError("decision", "必填 required"));
    assertThat(errors(Map.of("decision", "  "))).extracting(FieldError::field).containsExactly("decision");
    assertThat(errors(Map.of("decision", "c"))).extracting(FieldError::message).containsExactly("不是可选的值 not one of the options");
    assertThat(errors(Map.of("decision", 1))).extracting(FieldError::field).containsExactly("decision");
    assertThat(forms.validate(SCHEMA, Map.of("decision", "a"), Map.of())).containsExactly(Map.entry("decision", "a"));
    // a key the form does not declare is refused by name, not dropped
    assertThat(errors(Map.of("decision", "a", "whatever", "x"))).extracting(FieldError::field).containsExactly("whatever");
    assertThat(errors(Map.of("decision", "a", "whatever", "x"))).extracting(FieldError::message)
        .allMatch(m -> m.contains("unknown field"));
  }

  @Test
  void hiddenFieldsAreNotCheckedAndAValueForOneIsRefused() {
    // days is required but hidden unless decision = "b": not asked for, and a value for it is not taken
    assertThat(errors(Map.of("decision", "a"))).isEmpty();
    assertThat(errors(Map.of("decision", "a", "days", 99))).extracting(FieldError::field, FieldError::message)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("days", "按所选内容不填这一项 not taken with these answers (the form hides it)"));
    assertThat(errors(Map.of("decision", "b"))).containsExactly(new FieldError("days", "必填 required"));
    // code is hidden while no decision is made: its value is not checked, only refused
    assertThat(errors(Map.of("code", "x"))).extracting(FieldError::field).containsExactly("decision", "code");
    assertThat(errors(Map.of("decision", "a", "code", "x"))).extracting(FieldError::message).containsExactly("格式不正确 wrong format");
    // what the server supplies for the conditions is not the client's to send
    assertThat(forms.validate(SCHEMA.replace("=decision != \\\"b\\\"", "=caseKind != \\\"RECHECK\\\""),
        Map.of("decision", "a", "days", 3), Map.of("caseKind", "RECHECK"))).containsEntry("days", 3);
    assertThat(errors(Map.of("decision", "a", "caseKind", "RECHECK"))).extracting(FieldError::field).containsExactly("caseKind");
  }

  @Test
  void numbersBeyondDoubleRangeAreRefusedNotFailed() {
    // JSON 1e400 arrives as an infinity
    assertThat(errors(Map.of("decision", "b", "days", Double.POSITIVE_INFINITY))).extracting(FieldError::field).containsExactly("days");
    assertThat(errors(Map.of("decision", "b", "days", Double.NaN))).extracting(FieldError::field).containsExactly("days");
  }

  @Test
  void numbersPatternsLengthsAndLists() {
    assertThat(errors(Map.of("decision", "b", "days", 11))).containsExactly(new FieldError("days", "不能大于10 must be at most 10"));
    assertThat(errors(Map.of("decision", "b", "days", 0))).extracting(FieldError::message).containsExactly("不能小于1 must be at least 1");
    assertThat(errors(Map.of("decision", "b", "days", 2.5))).extracting(FieldError::message).containsExactly("应为整数 must be a whole number");
    assertThat(errors(Map.of("decision", "b", "days", "3"))).extracting(FieldError::message).containsExactly("应为数字 must be a number");
    assertThat(errors(Map.of("decision", "b", "days", 10.0))).isEmpty();
    // patterns match the whole value, as the form's anchors would
    assertThat(errors(Map.of("decision", "a", "code", "3301060020011"))).extracting(FieldError::field).containsExactly("code");
    assertThat(errors(Map.of("decision", "a", "code", "330106002001"))).isEmpty();
    assertThat(errors(Map.of("decision", "a", "note", " x "))).extracting(FieldError::message)
        .containsExactly("不能少于2个字 at least 2 characters");
    assertThat(errors(Map.of("decision", "a", "note", "太长了太长了"))).extracting(FieldError::message)
        .containsExactly("不能超过5个字 at most 5 characters");
    assertThat(errors(Map.of("decision", "a", "tags", List.of("x", "y")))).extracting(FieldError::field).containsExactly("tags");
    assertThat(errors(Map.of("decision", "a", "tags", "x"))).extracting(FieldError::field).containsExactly("tags");
    Map<String, Object> all = new HashMap<>(Map.of("decision", "b", "days", 11, "code", "1", "note", "x", "tags", List.of("z")));
    assertThat(errors(all)).extracting(FieldError::field).containsExactly("days", "code", "note", "tags");
  }

  @Test
  void conditionsOutsideTheSupportedSubsetAreRefused() {
    String schema = SCHEMA.replace("=decision != \\\"b\\\"", "=decision > 3");
    assertThatThrownBy(() -> forms.validate(schema, Map.of("decision", "a"), Map.of())).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("decision > 3");
  }

  @Test
  void everyShippedFormReadsAndItsConditionsEvaluate() throws IOException {
    Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form");
    assertThat(files).hasSizeGreaterThanOrEqualTo(6);
    ObjectMapper json = new ObjectMapper();
    for (Resource file : files) {
      String text = file.getContentAsString(StandardCharsets.UTF_8);
      JsonNode schema = json.readTree(text);
      assertThat(schema.path("id").asText()).as(file.getFilename()).startsWith("Form_");
      assertThat(schema.path("schemaVersion").asInt()).as(file.getFilename()).isEqualTo(19);
      // every decision value makes every condition evaluate (unsupported ones would throw)
      for (JsonNode option : schema.path("components").findValue("values")) {
        assertThatThrownBy(() -> forms.validate(text, Map.of("decision", option.path("value").asText(), "comment", "x".repeat(2001)),
            Map.of("caseKind", "REQUEST")))
            .as(file.getFilename()).isInstanceOf(InvalidInputException.class);
      }
    }
  }
}
