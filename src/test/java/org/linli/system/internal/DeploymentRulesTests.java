package org.linli.system.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.exception.NotValidException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Whatever is deployed passes the same server-side rules, whoever deploys it: no scripts, no
 * classes, no external tasks or forms, expressions only over Linli's model beans and plain
 * variables. The attack of the review (an administrator's deployment calling Runtime.exec through
 * reflection) and its variants are refused before the engine stores anything; Linli's own models
 * pass the same rules.
 */
@LinliIntegrationTest
class DeploymentRulesTests {

  @LocalServerPort int port;
  @Autowired RepositoryService repository;
  @Autowired DeploymentGuard guard;

  /** A one-task process whose service task, condition or listener carries {@code snippet}. */
  static String process(String key, String snippet) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_Test" targetNamespace="https://linli.org/test">
          <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="1">
            <bpmn:startEvent id="StartEvent_Go" />
            %s
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(key, snippet);
  }

  long deployments() {
    return repository.createDeploymentQuery().count();
  }

  static Stream<Arguments> attacks() {
    return Stream.of(
        Arguments.of("reflection to Runtime.exec", "<bpmn:serviceTask id=\"Task_X\" camunda:expression="
            + "\"${''.getClass().forName('java.lang.Runtime').getRuntime().exec('id')}\" />"),
        Arguments.of("a bean that is not a model bean",
            "<bpmn:serviceTask id=\"Task_X\" camunda:expression=\"${dataSource.getConnection()}\" />"),
        Arguments.of("the engine behind the execution",
            "<bpmn:serviceTask id=\"Task_X\" camunda:expression=\"${execution.getProcessEngineServices().getRuntimeService()}\" />"),
        Arguments.of("a property chain to the engine",
            "<bpmn:serviceTask id=\"Task_X\" camunda:expression=\"${execution.processEngineServices.identityService}\" />"),
        Arguments.of("a method on what a bean returns",
            "<bpmn:serviceTask id=\"Task_X\" camunda:expression=\"${caseFiles.byId(1).get().title()}\" />"),
        Arguments.of("a method on a variable", "<bpmn:serviceTask id=\"Task_X\" camunda:expression=\"${title.getClass()}\" />"),
        Arguments.of("a function", "<bpmn:serviceTask id=\"Task_X\" camunda:expression=\"${S(title).prop('x')}\" />"),
        Arguments.of("a script task",
            "<bpmn:scriptTask id=\"Task_X\" scriptFormat=\"groovy\"><bpmn:script>'id'.execute()</bpmn:script></bpmn:scriptTask>"),
        Arguments.of("a Java class", "<bpmn:serviceTask id=\"Task_X\" camunda:class=\"java.lang.Object\" />"),
        Arguments.of("a delegate expression with more than a bean name",
            "<bpmn:serviceTask id=\"Task_X\" camunda:delegateExpression=\"${routing.village(execution)}\" />"),
        Arguments.of("a delegate bean not on the list",
            "<bpmn:serviceTask id=\"Task_X\" camunda:delegateExpression=\"${processEngine}\" />"),
        Arguments.of("an external task", "<bpmn:serviceTask id=\"Task_X\" camunda:type=\"external\" camunda:topic=\"payments\" />"),
        Arguments.of("a shell task", "<bpmn:serviceTask id=\"Task_X\" camunda:type=\"shell\"><bpmn:extensionElements>"
            + "<camunda:field name=\"command\"><camunda:string>touch</camunda:string></camunda:field>"
            + "<camunda:field name=\"arg1\"><camunda:string>/tmp/linli-pwned</camunda:string></camunda:field>"
            + "</bpmn:extensionElements></bpmn:serviceTask>"),
        Arguments.of("a mail task", "<bpmn:sendTask id=\"Task_X\" camunda:type=\"mail\" />"),
        Arguments.of("a Java class in Activiti's namespace",
            "<bpmn:serviceTask id=\"Task_X\" xmlns:activiti=\"http://activiti.org/bpmn\" activiti:class=\"java.lang.Object\" />"),
        Arguments.of("a shell task in Activiti's namespace",
            "<bpmn:serviceTask id=\"Task_X\" xmlns:activiti=\"http://activiti.org/bpmn\" activiti:type=\"shell\" />"),
        Arguments.of("a script listener in Activiti's namespace", "<bpmn:userTask id=\"Task_X\" xmlns:activiti=\"http://activiti.org/bpmn\">"
            + "<bpmn:extensionElements><activiti:taskListener event=\"create\">"
            + "<activiti:script scriptFormat=\"javascript\">1</activiti:script></activiti:taskListener></bpmn:extensionElements></bpmn:userTask>"),
        Arguments.of("an embedded form", "<bpmn:userTask id=\"Task_X\" camunda:formKey=\"embedded:deployment:evil.html\" />"),
        Arguments.of("a script listener", "<bpmn:userTask id=\"Task_X\"><bpmn:extensionElements><camunda:taskListener event=\"create\">"
            + "<camunda:script scriptFormat=\"javascript\">1</camunda:script></camunda:taskListener></bpmn:extensionElements></bpmn:userTask>"),
        Arguments.of("a script condition", "<bpmn:sequenceFlow id=\"Flow_X\" sourceRef=\"StartEvent_Go\" targetRef=\"StartEvent_Go\">"
            + "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\" language=\"javascript\">true</bpmn:conditionExpression>"
            + "</bpmn:sequenceFlow>"),
        Arguments.of("a computed property name", "<bpmn:serviceTask id=\"Task_X\" camunda:expression=\"${execution[title]}\" />"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("attacks")
  void aModelThatCouldRunCodeIsRefusedAndNothingIsStored(String what, String snippet) {
    long before = deployments();
    String bpmn = process("test-evil", snippet);
    assertThatThrownBy(() -> repository.createDeployment().name("evil").addString("evil.bpmn", bpmn).deploy())
        .as(what).isInstanceOf(NotValidException.class).hasMessageContaining("refused");
    assertThat(deployments()).isEqualTo(before);
  }

  @Test
  void anAdministratorsDeploymentThroughTheEnginesApiIsCheckedToo() {
    String evil = process("test-evil-rest", """
        <bpmn:serviceTask id="Task_X" camunda:expression="${''.getClass().forName('java.lang.Runtime').getRuntime().exec('touch /tmp/linli-pwned')}" />""");
    String boundary = "----linli" + System.nanoTime();
    byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nevil\r\n--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"evil.bpmn\"\r\nContent-Type: application/xml\r\n\r\n"
        + evil + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    long before = deployments();
    WebSession.Reply r = WebSession.on(port).basic("admin", "demo")
        .post("/engine-rest/deployment/create", "multipart/form-data; boundary=" + boundary, body);
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("getClass");
    assertThat(deployments()).isEqualTo(before);
    assertThat(Files.exists(Path.of("/tmp/linli-pwned"))).isFalse();
  }

  @Test
  void otherResourcesAndScriptsInDecisionTablesAreRefused() {
    assertThatThrownBy(() -> repository.createDeployment().addString("evil.js", "java.lang.Runtime.getRuntime()").deploy())
        .isInstanceOf(NotValidException.class).hasMessageContaining("only BPMN, DMN");
    assertThatThrownBy(() -> repository.createDeployment().addString("evil.cmmn", "<definitions/>").deploy())
        .isInstanceOf(NotValidException.class);
    String dmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="https://linli.org/test">
          <decision id="test-evil-dmn" name="x">
            <decisionTable id="t">
              <input id="i"><inputExpression id="ie" typeRef="string" expressionLanguage="javascript"><text>java.lang.System.exit(1)</text></inputExpression></input>
              <output id="o" name="out" typeRef="string" />
            </decisionTable>
          </decision>
        </definitions>
        """;
    assertThatThrownBy(() -> repository.createDeployment().addString("evil.dmn", dmn).deploy())
        .isInstanceOf(NotValidException.class).hasMessageContaining("javascript");
    String juel = dmn.replace("expressionLanguage=\"javascript\"", "expressionLanguage=\"juel\"")
        .replace("java.lang.System.exit(1)", "${''.getClass()}");
    assertThatThrownBy(() -> repository.createDeployment().addString("evil.dmn", juel).deploy())
        .isInstanceOf(NotValidException.class).hasMessageContaining("getClass");
    String doctype = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + process("test-xxe", "")
        .substring(process("test-xxe", "").indexOf("<bpmn:definitions"));
    assertThatThrownBy(() -> repository.createDeployment().addString("xxe.bpmn", doctype).deploy())
        .isInstanceOf(NotValidException.class).hasMessageContaining("DOCTYPE");
  }

  @Test
  void aModelWithinTheRulesIsDeployed() {
    String fine = process("test-fine", """
        <bpmn:userTask id="Task_Check" name="核对 ${title}" camunda:candidateGroups="${caseRouting.township(execution)}"
            camunda:dueDate="${deadlines.due(execution, 'Task_Check')}" />
        <bpmn:serviceTask id="Task_Mark" camunda:delegateExpression="${overdueMarker}" />
        <bpmn:sequenceFlow id="Flow_Ok" sourceRef="StartEvent_Go" targetRef="Task_Check">
          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${decision == 'ok' &amp;&amp; !urgent}</bpmn:conditionExpression>
        </bpmn:sequenceFlow>""");
    assertThat(repository.createDeployment().name("fine").addString("fine.bpmn", fine).deploy().getId()).isNotNull();
  }

  @Test
  void linlisOwnModelsPassTheSameRules() throws IOException {
    Map<String, byte[]> models = new TreeMap<>();
    for (String folder : List.of("bpmn", "forms", "src/test/resources/bpmn")) {
      try (Stream<Path> files = Files.list(Path.of(folder))) {
        for (Path p : files.filter(p -> p.toString().matches(".*\\.(bpmn|dmn|form)$")).toList()) {
          models.put(folder + "/" + p.getFileName(), Files.readAllBytes(p));
        }
      }
    }
    assertThat(models).hasSizeGreaterThan(20);
    assertThat(guard.rules().check(models)).isEmpty();
    assertThat(guard.beanNames()).contains("routing", "caseRouting", "requestRouting", "deadlines", "approvalFlow",
        "assistanceEligibility", "approvalStarted", "approvalFinished", "requestReceived", "requestReopened")
        .doesNotContain("dataSource", "processEngine", "caseFileRepository", "caseExecutions", "deadlineTimes",
            "requestDeadlineTimes", "emergencyRoutes");
  }
}
