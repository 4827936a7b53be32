package org.linli.assistance.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.linli.assistance.HouseholdApplication;
import org.linli.assistance.HouseholdMember;
import org.linli.assistance.HouseholdVerifier;
import org.linli.assistance.VerifierProperties;

/**
 * Asks an external verification service (核对系统) by a JSON POST. Sent: case number, programme,
 * village, member names with their relation and whole ID numbers (the service matches on them), and
 * the member count; nothing of the declared incomes, health or reason. Expected answer:
 *
 * <pre>{@code
 * {"source":"省核对平台","members":[{"idNumber":"…","monthlyIncome":800.00}],
 *  "savings":6000.00,"businessValue":0,"vehicleValue":0,"dwellings":1,"findings":["…"]}
 * }</pre>
 *
 * Members the answer leaves out count with no income. Any status but 2xx, a timeout or an unreadable
 * answer throws {@link VerificationFailed}, so the job retries.
 *
 * <p>Each attempt is a disclosure of whole ID numbers and is recorded by {@link DisclosureLog} before
 * the request leaves (who: {@code verifier@<host>}, which case, what, when) and completed with the
 * outcome afterwards, failures included.
 */
public class HttpHouseholdVerifier implements HouseholdVerifier {

  private final VerifierProperties properties;
  private final DisclosureLog disclosures;
  private final HttpClient client;
  private final ObjectMapper json = new ObjectMapper();

  public HttpHouseholdVerifier(VerifierProperties properties, DisclosureLog disclosures) {
    this.properties = properties;
    this.disclosures = disclosures;
    this.client = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
  }

  /** Who receives the data, as the access log names it: {@code verifier@<host>[:port]}. */
  String recipient() {
    URI uri = URI.create(properties.url());
    return "verifier@" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
  }

  static String disclosed(HouseholdApplication a) {
    int n = a.members().size();
    return "外部核对：" + n + "名成员的姓名、关系、身份证号 external verification: names, relations and ID numbers of "
        + n + (n == 1 ? " member" : " members");
  }

  @Override
  public Verified verify(String caseNumber, HouseholdApplication a) {
    long logged = disclosures.sending(caseNumber, recipient(), disclosed(a));
    try {
      Verified v = send(caseNumber, a);
      disclosures.ended(logged, null);
      return v;
    } catch (RuntimeException e) {
      disclosures.ended(logged, e.getMessage());
      throw e;
    }
  }

  private Verified send(String caseNumber, HouseholdApplication a) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(properties.url()))
        .timeout(properties.timeout())
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body(caseNumber, a), StandardCharsets.UTF_8));
    if (properties.username() != null && !properties.username().isBlank()) {
      String token = properties.username() + ":" + (properties.password() == null ? "" : properties.password());
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)));
    }
    HttpResponse<String> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new VerificationFailed("核对系统无应答 the verification service did not answer for " + caseNumber + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VerificationFailed("interrupted while verifying " + caseNumber, e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new VerificationFailed("核对系统返回 " + response.statusCode() + " the verification service answered "
          + response.statusCode() + " for " + caseNumber, null);
    }
    try {
      return read(json.readTree(response.body()), a);
    } catch (IOException | RuntimeException e) {
      throw new VerificationFailed("核对结果无法读取 unreadable verification answer for " + caseNumber + ": " + e.getMessage(), e);
    }
  }

  private String body(String caseNumber, HouseholdApplication a) {
    ObjectNode root = json.createObjectNode();
    root.put("caseNumber", caseNumber);
    root.put("programme", a.programme().name());
    root.put("divisionCode", a.divisionCode());
    root.put("memberCount", a.members().size());
    ArrayNode members = root.putArray("members");
    for (HouseholdMember m : a.members()) {
      members.addObject().put("name", m.name()).put("idNumber", m.idNumber()).put("relation", m.relation().name());
    }
    return root.toString();
  }

  private Verified read(JsonNode answer, HouseholdApplication a) {
    Map<String, BigDecimal> incomes = new HashMap<>();
    for (JsonNode m : answer.path("members")) {
      incomes.put(m.path("idNumber").asText().toUpperCase(java.util.Locale.ROOT), m.path("monthlyIncome").decimalValue());
    }
    int n = a.members().size();
    BigDecimal total = a.members().stream()
        .map(m -> incomes.getOrDefault(m.idNumber().toUpperCase(java.util.Locale.ROOT), BigDecimal.ZERO))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal financial = required(answer, "savings").add(answer.path("businessValue").decimalValue());
    List<String> findings = new ArrayList<>();
    answer.path("findings").forEach(f -> findings.add(f.asText()));
    String source = answer.path("source").asText("HTTP");
    return new Verified(source, DeclaredDataVerifier.perCapita(total, n), DeclaredDataVerifier.perCapita(financial, n),
        required(answer, "vehicleValue"), answer.path("dwellings").asInt(0), n, List.copyOf(findings));
  }

  private static BigDecimal required(JsonNode answer, String field) {
    JsonNode v = answer.get(field);
    if (v == null || !v.isNumber()) {
      throw new IllegalArgumentException("the answer has no number " + field);
    }
    return v.decimalValue();
  }

  @Override
  public String toString() {
    return "HttpHouseholdVerifier[" + properties.url() + "]"; // no credentials in logs
  }
}
