package org.linli.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A visitor of the running service over real HTTP, as a browser or a script is one: cookies kept,
 * redirects not followed (tests look at them), the last page's CSRF token sent with forms, and HTTP
 * Basic when signed in for the API. Paths go out exactly as written, percent-encoding included.
 */
public final class WebSession {

  /** What came back. */
  public record Reply(int status, String body, java.net.http.HttpHeaders headers) {

    public Optional<String> header(String name) {
      return headers.firstValue(name);
    }

    public String location() {
      return header("Location").orElse("");
    }
  }

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

  private final String base;
  private final HttpClient client;
  private final CookieManager cookies = new CookieManager();
  private String basic;
  private String csrf;
  private String clientAddress;

  private WebSession(int port) {
    this.base = "http://localhost:" + port;
    this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10)).build();
  }

  public static WebSession on(int port) {
    return new WebSession(port);
  }

  /** Signs every request with HTTP Basic from now on. */
  public WebSession basic(String username, String password) {
    this.basic = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** Pretends to come from another address (X-Forwarded-For, honoured only where the server is told to). */
  public WebSession from(String address) {
    this.clientAddress = address;
    return this;
  }

  /** Signs in on the workbench's form, with the token of the log-in page. */
  public Reply login(String username, String password) {
    get("/login");
    return form("/login", Map.of("username", username, "password", password));
  }

  public Reply get(String path) {
    return send(request(path).GET());
  }

  /** A GET with extra headers (as htmx or a proxy would add). */
  public Reply get(String path, Map<String, String> headers) {
    HttpRequest.Builder b = request(path).GET();
    headers.forEach(b::header);
    return send(b);
  }

  public Reply json(String method, String path, String json) {
    return json(method, path, json, Map.of());
  }

  /** A JSON call with extra headers, e.g. the Accept-Language a client names. */
  public Reply json(String method, String path, String json, Map<String, String> headers) {
    HttpRequest.Builder b = request(path).header("Content-Type", "application/json")
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    headers.forEach(b::header);
    return send(b);
  }

  /** Posts a form with the CSRF token of the last page seen (if any). */
  public Reply form(String path, Map<String, String> fields) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    if (csrf != null && !all.containsKey("_csrf")) {
      all.put("_csrf", csrf);
    }
    return formWithout(path, all);
  }

  /** Posts a form exactly as given: no token added. */
  public Reply formWithout(String path, Map<String, String> fields) {
    return formHeaders(path, fields, Map.of());
  }

  /** Posts a form with the last page's token and extra headers (as a proxy in front would add). */
  public Reply formHeaders(String path, Map<String, String> fields, Map<String, String> headers) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    String body = all.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
    HttpRequest.Builder b = request(path).header("Content-Type", "application/x-www-form-urlencoded");
    headers.forEach(b::header);
    return send(b.POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Posts raw bytes with a content type, e.g. a multipart upload. */
  public Reply post(String path, String contentType, byte[] body) {
    return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  public String csrfToken() {
    return csrf;
  }

  /** A cookie the service set, or null. */
  public String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).map(java.net.HttpCookie::getValue)
        .findFirst().orElse(null);
  }

  /** Signs in to one of Camunda's webapps as its page does: the webapps' CSRF token first, then the log-in. */
  public Reply webappLogin(String app, String username, String password, String query) {
    get("/camunda/app/" + app + "/default/");
    String token = cookie("XSRF-TOKEN");
    return formHeaders("/camunda/api/admin/auth/user/default/login/" + app + (query == null ? "" : query),
        Map.of("username", username, "password", password), token == null ? Map.of() : Map.of("X-XSRF-TOKEN", token));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    if (basic != null) {
      b.header("Authorization", basic);
    }
    if (clientAddress != null) {
      b.header("X-Forwarded-For", clientAddress);
    }
    return b;
  }

  private Reply send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> r = client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      Matcher m = CSRF.matcher(r.body());
      if (m.find()) {
        csrf = m.group(1) != null ? m.group(1) : m.group(2);
      }
      return new Reply(r.statusCode(), r.body(), r.headers());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
