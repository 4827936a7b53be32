package org.linli.support;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's REST API as an administrator (or an integration) uses it: the side door through
 * which a process variable can be changed at any wait state. Tests of the trust boundary change
 * variables this way and show that nothing Linli decides follows them.
 */
public final class EngineApi {

  private final WebSession admin;

  private EngineApi(int port) {
    this.admin = WebSession.on(port).basic("admin", "demo");
  }

  public static EngineApi asAdministrator(int port) {
    return new EngineApi(port);
  }

  /** Sets a process variable of a running instance (PUT /engine-rest/process-instance/{id}/variables/{name}). */
  public EngineApi set(String processInstanceId, String name, Object value) {
    String type = value instanceof Integer ? "Integer" : value instanceof Long ? "Long" : value instanceof Double ? "Double"
        : value instanceof Boolean ? "Boolean" : value instanceof java.util.Date ? "Date" : "String";
    String json = value instanceof java.util.Date d
        ? "\"" + new java.text.SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ").format(d) + "\""
        : value instanceof String s ? "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : String.valueOf(value);
    WebSession.Reply r = admin.json("PUT", "/engine-rest/process-instance/" + processInstanceId + "/variables/" + name,
        "{\"value\":" + json + ",\"type\":\"" + type + "\"}");
    assertThat(r.status()).as("the engine takes %s=%s: %s", name, value, r.body()).isEqualTo(204);
    return this;
  }

  /** Sets a variable of an open task's scope (PUT /engine-rest/task/{id}/variables/{name}). */
  public EngineApi setOnTask(String taskId, String name, Object value) {
    String type = value instanceof Integer ? "Integer" : value instanceof Double ? "Double" : value instanceof Boolean ? "Boolean"
        : "String";
    String json = value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    WebSession.Reply r = admin.json("PUT", "/engine-rest/task/" + taskId + "/variables/" + name,
        "{\"value\":" + json + ",\"type\":\"" + type + "\"}");
    assertThat(r.status()).as("the engine takes %s=%s: %s", name, value, r.body()).isEqualTo(204);
    return this;
  }
}
