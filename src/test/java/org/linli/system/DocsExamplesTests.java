package org.linli.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.WebSession;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every {@code curl} example in README.md and {@code docs/} runs against the service as written, a
 * page from top to bottom, and must answer what the page says: 2xx, or the status its comment names
 * ({@code # → 400}). A placeholder such as {@code {caseNumber}} or {@code {id}} is filled from the
 * page's earlier answers (the first such field of the latest answer that had one), so a page reads
 * as one story: submit a request, find its step, complete it. A page whose example no longer works
 * fails here, with the command and the answer.
 */
@LinliIntegrationTest
class DocsExamplesTests {

  static final Pattern BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);
  static final Pattern ARGUMENT = Pattern.compile("'([^']*)'|\"([^\"]*)\"|(\\S+)");
  static final Pattern EXPECTED = Pattern.compile("#\\s*→\\s*(\\d{3})");
  static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

  @LocalServerPort int port;
  @org.springframework.beans.factory.annotation.Autowired org.linli.tasklist.StepForms stepForms;
  @org.springframework.beans.factory.annotation.Autowired org.linli.organization.OrganizationService organization;
  final ObjectMapper json = new ObjectMapper();

  /** One example: its curl command line, and the status its comment expects (or null: any 2xx). */
  record Example(String command, Integer expected) {}

  static List<Path> pages() throws IOException {
    List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
    try (Stream<Path> files = Files.list(Path.of("docs"))) {
      files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }

  /** The curl commands of a page in order; a command goes on over lines ending in \ or inside quotes. */
  static List<Example> examples(Path page) throws IOException {
    List<Example> out = new ArrayList<>();
    Matcher block = BLOCK.matcher(Files.readString(page));
    while (block.find()) {
      StringBuilder command = null;
      for (String line : block.group(1).split("\\n")) {
        if (command == null) {
          if (!line.strip().startsWith("curl ")) {
            continue;
          }
          command = new StringBuilder();
        }
        command.append(line.strip().endsWith("\\") ? line.strip().replaceFirst("\\\\$", "") : line).append('\n');
        if (!line.strip().endsWith("\\") && !insideQuotes(command)) {
          String text = command.toString().strip();
          Matcher expected = EXPECTED.matcher(lastLine(text));
          Integer status = expected.find() ? Integer.valueOf(expected.group(1)) : null;
          out.add(new Example(withoutTrailingComment(text), status));
          command = null;
        }
      }
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> everyCurlExampleRunsAsThePageSays() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    int total = 0;
    for (Path page : pages()) {
      List<Example> examples = examples(page);
      total += examples.size();
      if (!examples.isEmpty()) {
        tests.add(DynamicTest.dynamicTest(page.toString(), () -> runPage(page, examples)));
      }
    }
    assertThat(total).as("the pages show requests").isGreaterThanOrEqualTo(10);
    return tests.stream();
  }

  void runPage(Path page, List<Example> examples) {
    Map<String, String> known = new LinkedHashMap<>();
    for (Example e : examples) {
      String command = fill(e.command(), known, page);
      WebSession.Reply r = run(command);
      String where = page + ": " + command + "\n→ " + r.status() + " " + r.body();
      if (e.expected() != null) {
        assertThat(r.status()).as(where).isEqualTo(e.expected());
      } else {
        assertThat(r.status()).as(where).isBetween(200, 299);
      }
      remember(r.body(), known);
    }
  }

  String fill(String command, Map<String, String> known, Path page) {
    Matcher m = PLACEHOLDER.matcher(command);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = known.get(m.group(1));
      assertThat(value).as("%s: no earlier answer gives {%s} for %s", page, m.group(1), command).isNotNull();
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The fields of an answer, the first of each name, over what earlier answers gave. */
  void remember(String body, Map<String, String> known) {
    JsonNode node;
    try {
      node = json.readTree(body);
    } catch (IOException | RuntimeException notJson) {
      return;
    }
    Map<String, String> found = new LinkedHashMap<>();
    collect(node, found);
    known.putAll(found);
  }

  private static void collect(JsonNode node, Map<String, String> found) {
    if (node == null) {
      return;
    }
    if (node.isObject()) {
      node.fields().forEachRemaining(f -> {
        if (f.getValue().isValueNode() && !f.getValue().isNull()) {
          found.putIfAbsent(f.getKey(), f.getValue().asText());
        }
      });
      node.fields().forEachRemaining(f -> collect(f.getValue(), found));
    } else if (node.isArray()) {
      node.forEach(n -> collect(n, found));
    }
  }

  static final Pattern STEP_BLOCK = Pattern.compile("```json (Task_\\w+)(?: (\\w+))?\\n(.*?)```", Pattern.DOTALL);
  static final Pattern USER_TASK = Pattern.compile("<bpmn:userTask id=\"(Task_\\w+)\"[^>]*camunda:formRef=\"(Form_\\w+)\"");
  /** The case kinds whose cases run each model; the approval is called by applications and re-checks. */
  static final Map<String, java.util.Set<String>> KINDS_OF_PROCESS = Map.of("resident-request", java.util.Set.of("REQUEST"),
      "assistance-application", java.util.Set.of("ASSISTANCE"), "assistance-recheck", java.util.Set.of("RECHECK"),
      "verification-approval", new java.util.TreeSet<>(java.util.Set.of("ASSISTANCE", "RECHECK")),
      "emergency-response", java.util.Set.of("EMERGENCY"), "hazard-inspection", java.util.Set.of("INSPECTION"));

  /**
   * docs/api.md shows the body of every step of the shipped models ({@code ```json Task_SignRequest}),
   * and each passes that step's deployed form as {@code POST /api/tasks/{id}/complete} checks it:
   * no key the form does not take, every rule kept.
   */
  @org.junit.jupiter.api.Test
  void everyStepHasABodyExampleThatItsFormTakes() throws IOException {
    // a step of the models: its process, its form, and the case kinds it serves
    record Step(String process, String id, String form, java.util.Set<String> kinds) {}
    List<Step> steps = new ArrayList<>();
    try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
      for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList()) {
        String process = model.getFileName().toString().replace(".bpmn", "");
        Matcher t = USER_TASK.matcher(Files.readString(model));
        while (t.find()) {
          steps.add(new Step(process, t.group(1), t.group(2), KINDS_OF_PROCESS.get(process)));
        }
      }
    }
    Map<String, String> forms = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path form : files.filter(p -> p.toString().endsWith(".form")).toList()) {
        String text = Files.readString(form);
        forms.put(json.readTree(text).path("id").asText(), text);
      }
    }
    java.util.Set<Step> shown = new java.util.HashSet<>();
    Matcher m = STEP_BLOCK.matcher(Files.readString(Path.of("docs", "api.md")));
    while (m.find()) {
      String id = m.group(1);
      String kind = m.group(2);
      List<Step> candidates = steps.stream().filter(s -> s.id().equals(id) && (kind == null || s.kinds().contains(kind))).toList();
      assertThat(candidates).as("docs/api.md: ```json %s %s names one step of the models (add the case kind where a step id"
          + " serves several processes)", id, kind == null ? "" : kind).hasSize(1);
      Step step = candidates.get(0);
      @SuppressWarnings("unchecked")
      Map<String, Object> body = json.readValue(m.group(3), Map.class);
      String caseKind = kind != null ? kind : step.kinds().iterator().next();
      // what the server offers a step of the demo township (its villages, its county's departments)
      Map<String, Object> context = new java.util.HashMap<>(Map.of("caseKind", caseKind));
      context.put("villages", organization.divisions().stream().filter(d -> "330106002".equals(d.townshipCode()))
          .map(d -> Map.of("value", d.code(), "label", d.name())).toList());
      context.put("departments", organization.departments().stream().filter(d -> "330106".equals(d.countyCode()))
          .map(d -> Map.of("value", d.code(), "label", d.name())).toList());
      context.put("villageStaff", java.util.stream.Stream.of(org.linli.organization.CandidateGroups.caseworkers("330106002001"),
              org.linli.organization.CandidateGroups.gridWorkers("330106002001"))
          .flatMap(g -> organization.membersOf(g).stream()).map(p -> Map.of("value", p.username(), "label", p.name())).toList());
      assertThat(stepForms.validate(forms.get(step.form()), body, context))
          .as("docs/api.md, %s of %s: the form takes every key", id, step.process()).containsOnlyKeys(body.keySet());
      shown.add(step);
    }
    assertThat(steps).as("every step of every model has an example").allMatch(shown::contains);
  }

  WebSession.Reply run(String command) {
    List<String> args = new ArrayList<>();
    Matcher m = ARGUMENT.matcher(command.substring("curl ".length()));
    while (m.find()) {
      args.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
    }
    WebSession session = WebSession.on(port);
    String method = "GET";
    String url = null;
    String body = null;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      switch (a) {
        case "-u" -> {
          String[] credentials = args.get(++i).split(":", 2);
          session.basic(credentials[0], credentials[1].equals("…") ? "demo" : credentials[1]);
        }
        case "-X" -> method = args.get(++i);
        case "-d", "--data" -> {
          body = args.get(++i);
          method = method.equals("GET") ? "POST" : method;
        }
        case "-H" -> i++; // JSON is what the session sends
        case "-o", "--output" -> i++; // the answer is read here, not saved
        case "-s", "-i", "-sS" -> { }
        default -> url = a;
      }
    }
    assertThat(url).as(command).isNotNull();
    String path = url.replaceFirst("^(https?://)?localhost:8080", "");
    return method.equals("GET") ? session.get(path) : session.json(method, path, body);
  }

  /** Whether a quote is still open at the end (comments, which may hold an apostrophe, do not count). */
  private static boolean insideQuotes(CharSequence text) {
    return Shell.read(text.toString()).openQuote();
  }

  private static String lastLine(String text) {
    return text.substring(text.lastIndexOf('\n') + 1);
  }

  /** The command without its comments (a # outside quotes, after a space, to the end of its line). */
  private static String withoutTrailingComment(String text) {
    return Shell.read(text).withoutComments().strip();
  }

  /** A shell command read as far as quotes and comments go. */
  private record Shell(String withoutComments, boolean openQuote) {
    static Shell read(String text) {
      StringBuilder kept = new StringBuilder();
      boolean single = false;
      boolean dbl = false;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\'' && !dbl) {
          single = !single;
        } else if (c == '"' && !single) {
          dbl = !dbl;
        } else if (c == '#' && !single && !dbl && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
          while (i + 1 < text.length() && text.charAt(i + 1) != '\n') {
            i++;
          }
          continue;
        }
        kept.append(c);
      }
      return new Shell(kept.toString(), single || dbl);
    }
  }
}
