package org.linli.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.WebSession;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every {@code curl} example in {@code docs/} runs against the service as written (with the demo
 * password where the page leaves it out) and is answered: not refused, not a server error. A page
 * whose example no longer works fails here.
 */
@LinliIntegrationTest
class DocsExamplesTests {

  static final Pattern BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);
  static final Pattern ARGUMENT = Pattern.compile("'([^']*)'|\"([^\"]*)\"|(\\S+)");

  @LocalServerPort int port;

  /** One example: the file, and its curl command line. */
  record Example(Path file, String command) {}

  static List<Example> examples() throws IOException {
    List<Example> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("docs"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
        Matcher m = BLOCK.matcher(Files.readString(file));
        while (m.find()) {
          for (String line : m.group(1).split("\\n")) {
            String command = line.replaceAll("\\s+#.*$", "").strip();
            if (command.startsWith("curl ")) {
              out.add(new Example(file, command));
            }
          }
        }
      }
    }
    return out;
  }

  @Test
  void everyCurlExampleInTheDocsIsAnswered() throws IOException {
    List<Example> examples = examples();
    assertThat(examples).as("the docs show requests").hasSizeGreaterThanOrEqualTo(3);
    for (Example e : examples) {
      WebSession.Reply r = run(e.command());
      assertThat(r.status()).as("%s: %s → %s %s", e.file(), e.command(), r.status(), r.body())
          .isNotIn(401, 403).isLessThan(500);
    }
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
        default -> url = a;
      }
    }
    assertThat(url).as(command).isNotNull();
    String path = url.replaceFirst("^(https?://)?localhost:8080", "");
    return method.equals("GET") ? session.get(path) : session.json(method, path, body);
  }
}
