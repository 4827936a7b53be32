package org.linli.alert.internal;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.linli.alert.InvalidAlertException;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Checks a CAP document against the OASIS CAP 1.2 schema bundled as {@code cap/cap12.xsd}, then
 * against the rules of the specification that the schema cannot express (§3.2.1: identifier and
 * sender without spaces, commas, {@code <} or {@code &}; the form of {@code references};
 * {@code restriction} for scope Restricted and {@code addresses} for Private; references on
 * updates and cancellations; §3.2.4: the form of {@code circle}).
 *
 * <p>The {@link Schema} is compiled once and is thread-safe; a {@link Validator} is not, so each
 * check takes a new one. Nothing is fetched from outside: the schema has no imports, and external
 * DTDs and schemas are refused.
 */
@Component
public class CapValidator {

  static final String SCHEMA = "cap/cap12.xsd";
  static final Pattern CAP_DATE = Pattern.compile("\\d\\d\\d\\d-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[-+]\\d\\d:\\d\\d");
  private static final Pattern FORBIDDEN = Pattern.compile("[\\s,<&]");
  private static final Pattern CIRCLE = Pattern.compile("(-?\\d+(?:\\.\\d+)?),(-?\\d+(?:\\.\\d+)?) (\\d+(?:\\.\\d+)?)");

  private final Schema schema;
  private final DocumentBuilderFactory documents;

  CapValidator() {
    try {
      SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      URL xsd = CapValidator.class.getClassLoader().getResource(SCHEMA);
      if (xsd == null) {
        throw new IllegalStateException("the CAP 1.2 schema " + SCHEMA + " is missing from the class path");
      }
      schema = factory.newSchema(xsd);
      documents = DocumentBuilderFactory.newInstance();
      documents.setNamespaceAware(true);
      documents.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      documents.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      documents.setXIncludeAware(false);
      documents.setExpandEntityReferences(false);
    } catch (SAXException | ParserConfigurationException e) {
      throw new IllegalStateException("cannot load the CAP 1.2 schema", e);
    }
  }

  /** Throws {@link InvalidAlertException} with every problem found; returns quietly if the document is valid. */
  public void check(String identifier, String xml) {
    List<String> problems = schemaProblems(xml);
    if (problems.isEmpty()) {
      problems = ruleProblems(xml);
    }
    if (!problems.isEmpty()) {
      throw new InvalidAlertException(identifier, problems);
    }
  }

  List<String> schemaProblems(String xml) {
    List<String> problems = new ArrayList<>();
    Validator validator = schema.newValidator();
    try {
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      validator.setErrorHandler(new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) {
          problems.add(describe(e));
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
          problems.add(describe(e));
          throw e;
        }
      });
      validator.validate(new StreamSource(new StringReader(xml)));
    } catch (SAXParseException e) {
      // already recorded by fatalError
    } catch (SAXException | IOException e) {
      problems.add(e.getMessage());
    }
    return problems;
  }

  List<String> ruleProblems(String xml) {
    Document doc;
    try {
      DocumentBuilder builder = documents.newDocumentBuilder();
      doc = builder.parse(new InputSource(new StringReader(xml)));
    } catch (ParserConfigurationException | SAXException | IOException e) {
      return List.of("not readable: " + e.getMessage());
    }
    Element alert = doc.getDocumentElement();
    List<String> problems = new ArrayList<>();
    for (String name : List.of("identifier", "sender")) {
      String value = text(alert, name);
      if (value == null || value.isEmpty() || FORBIDDEN.matcher(value).find()) {
        problems.add(name + " must be non-empty without spaces, commas, '<' or '&' (CAP 1.2 §3.2.1): '" + value + "'");
      }
    }
    String scope = text(alert, "scope");
    if ("Restricted".equals(scope) && blank(text(alert, "restriction"))) {
      problems.add("scope Restricted needs a restriction (CAP 1.2 §3.2.1)");
    }
    if ("Private".equals(scope) && blank(text(alert, "addresses"))) {
      problems.add("scope Private needs addresses (CAP 1.2 §3.2.1)");
    }
    String msgType = text(alert, "msgType");
    String references = text(alert, "references");
    if (("Update".equals(msgType) || "Cancel".equals(msgType)) && blank(references)) {
      problems.add(msgType + " must reference the alerts it updates or cancels");
    }
    if (references != null) {
      for (String triple : references.trim().split(" +")) {
        String[] parts = triple.split(",", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || !CAP_DATE.matcher(parts[2]).matches()) {
          problems.add("references must be space-separated sender,identifier,sent triples: '" + triple + "'");
        }
      }
    }
    NodeList circles = alert.getElementsByTagNameNS(CapWriter.NS, "circle");
    for (int i = 0; i < circles.getLength(); i++) {
      String circle = circles.item(i).getTextContent();
      var m = CIRCLE.matcher(circle);
      if (!m.matches() || Math.abs(Double.parseDouble(m.group(1))) > 90 || Math.abs(Double.parseDouble(m.group(2))) > 180) {
        problems.add("circle must be 'lat,lon radius' in WGS 84 and km (CAP 1.2 §3.2.4): '" + circle + "'");
      }
    }
    return problems;
  }

  private static String text(Element parent, String name) {
    NodeList nodes = parent.getElementsByTagNameNS(CapWriter.NS, name);
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i).getParentNode() == parent) {
        return nodes.item(i).getTextContent();
      }
    }
    return null;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String describe(SAXParseException e) {
    return "line " + e.getLineNumber() + ": " + e.getMessage();
  }
}
