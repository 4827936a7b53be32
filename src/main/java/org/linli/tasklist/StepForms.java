package org.linli.tasklist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.form.TaskFormData;
import org.linli.security.LinliUser;
import org.linli.system.Bilingual;
import org.linli.system.InvalidInputException;
import org.linli.system.InvalidInputException.FieldError;
import org.linli.system.NotFoundException;
import org.linli.tasklist.internal.FormValidator;
import org.springframework.stereotype.Service;

/**
 * The Camunda Form of each step ({@code camunda:formRef} on the user task, deployed with the
 * process) and submissions through it: the form's own rules first, then the step's business rules
 * through {@link TaskActions#complete}. A rejected submission changes nothing.
 */
@Service
public class StepForms {

  /** A step's form as the browser gets it. */
  public record StepForm(
      @Schema(description = "the form-js schema, its decision options narrowed to the step's") JsonNode schema,
      @Schema(description = "initial values: the server's facts and choices; the decision only where the step has one") Map<String, Object> data) {}

  static final String DECISION = "decision";
  /** The text the resident reads, apart from the internal {@code comment}. */
  static final String REPLY = "reply";
  /**
   * The case's kind ({@code REQUEST}, {@code ASSISTANCE}, {@code RECHECK}), given to every form as data
   * for its conditions (a field only a re-check shows); supplied by the server, never taken from a submission.
   */
  public static final String CASE_KIND = "caseKind";

  private final FormService engineForms;
  private final TaskActions tasks;
  private final Validator beanValidator;
  private final ObjectMapper json = new ObjectMapper();

  StepForms(FormService engineForms, TaskActions tasks, Validator beanValidator) {
    this.engineForms = engineForms;
    this.tasks = tasks;
    this.beanValidator = beanValidator;
  }

  /** The form of a task the user may see, with its "中文 English" texts as written. */
  public StepForm form(LinliUser user, String taskId) {
    return form(user, taskId, Optional.empty());
  }

  /** The form of a task the user may see, its texts in the language named (as written when none). */
  public StepForm form(LinliUser user, String taskId, Optional<Locale> language) {
    TaskView task = tasks.get(user, taskId);
    JsonNode schema = schemaFor(task);
    Map<String, Object> data = new LinkedHashMap<>(context(user, task));
    if (task.decisions().size() == 1 && stateOnlyDecision(schema.path("components"))) {
      data.put(DECISION, task.decisions().get(0)); // for the form's conditions; the server adds it on submit
    }
    language.ifPresent(l -> inLanguage(schema, l));
    return new StepForm(schema, data);
  }

  private static final List<String> TEXTS = List.of("label", "text", "description", "placeholder");

  /** Keeps one half of every text a person reads: labels, descriptions, options, the markdown. */
  private static void inLanguage(JsonNode node, Locale locale) {
    if (node instanceof ObjectNode object) {
      for (String field : TEXTS) {
        if (object.path(field).isTextual()) {
          object.put(field, Bilingual.in(object.get(field).asText(), locale));
        }
      }
      object.forEach(child -> inLanguage(child, locale));
    } else if (node instanceof ArrayNode array) {
      array.forEach(child -> inLanguage(child, locale));
    }
  }

  /** Whether a field of the form, at any depth, has this key. */
  private static boolean declares(JsonNode components, String key) {
    for (JsonNode c : components) {
      if (key.equals(c.path("key").asText()) || declares(c.path("components"), key)) {
        return true;
      }
    }
    return false;
  }

  /** A decision with one option is no choice: the form states it instead of offering a radio of one. */
  private static boolean stateOnlyDecision(JsonNode components) {
    if (!(components instanceof ArrayNode list)) {
      return false;
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode c = list.get(i);
      if (DECISION.equals(c.path("key").asText()) && c.path("values").size() == 1) {
        ObjectNode text = list.objectNode();
        text.put("type", "text");
        text.put("id", c.path("id").asText("Field_Decision"));
        text.put("text", "**" + c.path("values").get(0).path("label").asText() + "**");
        list.set(i, text);
        return true;
      }
    }
    return false;
  }

  /**
   * Completes a step with what its user answered, by field key ({@code {"decision":"extend",
   * "extensionDays":3,"comment":"…"}}): the same object from the browser's form and from the API.
   * The step's form checks it first (a key it does not take is refused by name), then the step's
   * own rules; either refusal changes nothing.
   */
  public void submit(LinliUser user, String taskId, Map<String, Object> data) {
    TaskView task = tasks.get(user, taskId);
    Map<String, Object> answers = data == null ? Map.of() : data;
    if (task.decisions().size() == 1 && !answers.containsKey(DECISION)) {
      // the form states a decision of one option rather than asking for it
      answers = new LinkedHashMap<>(answers);
      answers.put(DECISION, task.decisions().get(0));
    }
    Map<String, Object> values = hasForm(taskId)
        ? FormValidator.validate(schemaFor(task), answers, context(user, task))
        : withoutForm(answers);
    StepInput input = toInput(values);
    if (hasForm(taskId) && input.reply() == null && !declares(schemaFor(task).path("components"), REPLY)) {
      // a form deployed before the reply had its own field (an instance still on that version): its
      // one comment field was what the resident read
      input = input.withReply(input.comment());
    }
    List<FieldError> violations = beanValidator.validate(input).stream()
        .sorted(Comparator.comparing((ConstraintViolation<StepInput> v) -> v.getPropertyPath().toString()))
        .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage())).toList();
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    tasks.complete(user, taskId, input);
  }

  /**
   * What the server tells every form about the case, for its conditions, and what the step offers to
   * choose from (a select's {@code valuesKey}); not form fields, so never submitted.
   */
  private Map<String, Object> context(LinliUser user, TaskView task) {
    Map<String, Object> context = new LinkedHashMap<>();
    context.put(CASE_KIND, task.kind());
    tasks.choices(user, task.id()).forEach((key, choices) -> context.put(key,
        choices.stream().map(c -> Map.of("value", c.value(), "label", c.label())).toList()));
    return context;
  }

  private boolean hasForm(String taskId) {
    return engineForms.getTaskFormData(taskId).getCamundaFormRef() != null;
  }

  /** A step without a form (a model under test) takes the decision and the fields every step knows. */
  private static Map<String, Object> withoutForm(Map<String, Object> answers) {
    List<FieldError> unknown = answers.keySet().stream().filter(k -> !INPUT_KEYS.contains(k)).sorted()
        .map(k -> new FieldError(k, "此步骤没有这一项 unknown field: this step takes " + String.join(", ", INPUT_KEYS))).toList();
    if (!unknown.isEmpty()) {
      throw new InvalidInputException(unknown);
    }
    return answers;
  }

  /** The JSON text of the Camunda Form deployed for an open task. */
  public String deployedSchema(String taskId) {
    TaskFormData formData = engineForms.getTaskFormData(taskId);
    if (formData.getCamundaFormRef() == null) {
      throw new NotFoundException("步骤没有表单 task " + taskId + " has no form");
    }
    try (InputStream in = engineForms.getDeployedTaskForm(taskId)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Checks data against a form-js schema: required, pattern (full match), min/max, minLength/maxLength,
   * options and number types of every visible field, and no key the form does not take.
   *
   * @param context the server's facts the form's conditions read (the case's kind)
   * @return the visible fields' values
   * @throws InvalidInputException naming each broken field and each key not taken
   */
  public Map<String, Object> validate(String schemaJson, Map<String, Object> data, Map<String, Object> context) {
    return FormValidator.validate(parse(schemaJson), data, context);
  }

  private JsonNode schemaFor(TaskView task) {
    JsonNode schema = parse(deployedSchema(task.id()));
    if (!task.decisions().isEmpty()) {
      narrowDecisions(schema.path("components"), task.decisions());
    }
    return schema;
  }

  /** Offers only the decisions the step allows here (the handling step's differ by level). */
  private static void narrowDecisions(JsonNode components, List<String> allowed) {
    for (JsonNode c : components) {
      if (DECISION.equals(c.path("key").asText()) && c.path("values") instanceof ArrayNode options) {
        for (int i = options.size() - 1; i >= 0; i--) {
          if (!allowed.contains(options.get(i).path("value").asText())) {
            options.remove(i);
          }
        }
      }
      narrowDecisions(c.path("components"), allowed);
    }
  }

  private JsonNode parse(String schemaJson) {
    try {
      JsonNode node = json.readTree(schemaJson);
      if (!(node instanceof ObjectNode)) {
        throw new IllegalStateException("a form schema must be a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the form schema is not valid JSON", e);
    }
  }

  static StepInput toInput(Map<String, Object> v) {
    return new StepInput(text(v, DECISION), text(v, "comment"), text(v, REPLY), text(v, "departmentCode"), text(v, "divisionCode"),
        whole(v, "extensionDays"), text(v, "rating"), text(v, "missing"), others(v));
  }

  private static final List<String> INPUT_KEYS =
      List.of(DECISION, "comment", REPLY, "departmentCode", "divisionCode", "extensionDays", "rating", "missing");

  /** The form's values that StepInput has no field for. */
  private static Map<String, Object> others(Map<String, Object> v) {
    Map<String, Object> out = new LinkedHashMap<>();
    v.forEach((k, value) -> {
      if (!INPUT_KEYS.contains(k) && value != null) {
        out.put(k, value);
      }
    });
    return out;
  }

  private static String text(Map<String, Object> v, String key) {
    Object value = v.get(key);
    return value == null ? null : value.toString();
  }

  private static Integer whole(Map<String, Object> v, String key) {
    Object value = v.get(key);
    if (value == null) {
      return null;
    }
    try {
      return new BigDecimal(value.toString().strip()).intValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new InvalidInputException(key, "应为整数 must be a whole number");
    }
  }
}
