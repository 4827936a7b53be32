package org.linli.system.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The rules every deployment passes, whoever deploys (Linli at start-up, a designer, an
 * administrator through the engine's API): models are data, never code. Refused are script tasks
 * and scripts anywhere, {@code camunda:class} (Linli's delegates are beans, named with {@code
 * camunda:delegateExpression}), external tasks and connectors (work done outside Linli's step
 * rules), any {@code camunda:type} (external, shell, mail), embedded or external forms, script languages in conditions and decision tables, and any
 * expression outside {@link ExpressionRules}. A deployment holds only BPMN, DMN, Camunda Forms and
 * PNG images.
 */
final class ModelRules {

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  /** The engine still reads Activiti's extension namespace as its own: the same rules apply to it. */
  static final String ACTIVITI = "http://activiti.org/bpmn";
  static final String CAMUNDA_DMN = "http://camunda.org/schema/1.0/dmn";

  /** The resources a deployment may hold. */
  static final List<String> ALLOWED_SUFFIXES = List.of(".bpmn", ".bpmn20.xml", ".dmn", ".dmn11.xml", ".form", ".png");
  /** Expression languages of decision tables: FEEL (the default) and JUEL, which the expression rules check. */
  static final Set<String> DMN_LANGUAGES = Set.of("feel", "juel", "http://www.omg.org/spec/feel/20140401",
      "https://www.omg.org/spec/dmn/20191111/feel", "https://www.omg.org/spec/dmn/20180521/feel",
      "http://www.omg.org/spec/dmn/20180521/feel", "https://www.omg.org/spec/dmn/20191111/feel/");
  /** Camunda attributes that name a Java class to instantiate. */
  static final Set<String> CLASS_ATTRIBUTES = Set.of("class", "variableMappingClass");
  /** Camunda attributes that name a bean to run. */
  static final Set<String> DELEGATE_ATTRIBUTES = Set.of("delegateExpression", "variableMappingDelegateExpression");

  private final ExpressionRules expressions;

  ModelRules(ExpressionRules expressions) {
    this.expressions = expressions;
  }

  /** Every problem of every resource, as "resource: problem"; empty when the deployment may go in. */
  List<String> check(Map<String, byte[]> resources) {
    List<String> problems = new ArrayList<>();
    resources.forEach((name, bytes) -> check(name, bytes).forEach(p -> problems.add(name + ": " + p)));
    return problems;
  }

  List<String> check(String name, byte[] bytes) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (ALLOWED_SUFFIXES.stream().noneMatch(lower::endsWith)) {
      return List.of("only BPMN, DMN, Camunda Forms (.form) and PNG images may be deployed");
    }
    if (lower.endsWith(".form") || lower.endsWith(".png")) {
      return List.of();
    }
    Document document;
    try {
      document = parse(bytes);
    } catch (Exception e) {
      return List.of("not well-formed XML (or with a DOCTYPE, which is refused): " + e.getMessage());
    }
    List<String> problems = new ArrayList<>();
    boolean dmn = lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml");
    walk(document.getDocumentElement(), dmn, problems);
    return problems.stream().distinct().toList();
  }

  private void walk(Element e, boolean dmn, List<String> problems) {
    String where = describe(e);
    String local = e.getLocalName();
    if (!dmn && BPMN.equals(e.getNamespaceURI())) {
      if ("scriptTask".equals(local) || "script".equals(local)) {
        problems.add(where + ": scripts are not allowed");
      }
      if ("documentation".equals(local) || "textAnnotation".equals(local)) {
        return; // words for people, never evaluated
      }
    }
    if (!dmn && isCamunda(e.getNamespaceURI())) {
      switch (local) {
        case "script" -> problems.add(where + ": scripts are not allowed");
        case "connector" -> problems.add(where + ": connectors are not allowed");
        default -> { }
      }
    }
    NamedNodeMap attributes = e.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      checkAttribute(e, (Attr) attributes.item(i), dmn, where, problems);
    }
    boolean juelText = !dmn || "juel".equalsIgnoreCase(e.getAttribute("expressionLanguage")) || inheritsJuel(e);
    StringBuilder text = new StringBuilder();
    for (Node child = e.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element) {
        walk(element, dmn, problems);
      } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue());
      }
    }
    if (juelText && ExpressionRules.isExpression(text.toString())) {
      expressions.check(text.toString().strip()).forEach(p -> problems.add(where + ": " + p));
    }
  }

  private void checkAttribute(Element e, Attr a, boolean dmn, String where, List<String> problems) {
    String name = a.getLocalName() == null ? a.getName() : a.getLocalName();
    String value = a.getValue();
    boolean camunda = isCamunda(a.getNamespaceURI()) || CAMUNDA_DMN.equals(a.getNamespaceURI());
    if (dmn) {
      if ("expressionLanguage".equals(name) && !DMN_LANGUAGES.contains(value.strip().toLowerCase(Locale.ROOT))) {
        problems.add(where + ": expression language '" + value + "' is not allowed; use FEEL");
      }
      return;
    }
    if ("language".equals(name) || ("scriptFormat".equals(name))) {
      problems.add(where + ": script language '" + value + "' is not allowed");
    } else if (camunda && CLASS_ATTRIBUTES.contains(name)) {
      problems.add(where + ": camunda:" + name + " is not allowed; name a Linli bean with camunda:delegateExpression");
    } else if (camunda && DELEGATE_ATTRIBUTES.contains(name)) {
      expressions.checkDelegate(value).forEach(p -> problems.add(where + ": " + p));
    } else if (camunda && "type".equals(name)) {
      // external (work outside Linli's step rules), shell (runs a command), mail: none is allowed
      problems.add(where + ": camunda:type '" + value + "' is not allowed; name a Linli bean with camunda:delegateExpression");
    } else if (camunda && "formKey".equals(name)) {
      problems.add(where + ": camunda:formKey is not allowed; use camunda:formRef with a Camunda Form");
    } else if (camunda && "resource".equals(name)) {
      problems.add(where + ": external resources are not allowed");
    } else if (ExpressionRules.isExpression(value)) {
      expressions.check(value).forEach(p -> problems.add(where + ": " + p));
    }
  }

  private static boolean isCamunda(String namespace) {
    return CAMUNDA.equals(namespace) || ACTIVITI.equals(namespace);
  }

  /** A DMN element whose expression language is set on an ancestor (the decision or the definitions). */
  private static boolean inheritsJuel(Element e) {
    for (Node n = e.getParentNode(); n instanceof Element parent; n = parent.getParentNode()) {
      String language = parent.getAttribute("expressionLanguage");
      if (!language.isEmpty()) {
        return "juel".equalsIgnoreCase(language);
      }
    }
    return false;
  }

  private static String describe(Element e) {
    String id = e.getAttribute("id");
    return e.getLocalName() + (id.isEmpty() ? "" : " '" + id + "'");
  }

  private static Document parse(byte[] bytes) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    DocumentBuilder builder = factory.newDocumentBuilder();
    builder.setErrorHandler(null);
    return builder.parse(new ByteArrayInputStream(bytes));
  }
}
