package org.linli.alert.internal;

import java.io.StringWriter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.linli.alert.internal.CapAlert.Info;
import org.linli.alert.internal.CapAlert.Pair;
import org.springframework.stereotype.Component;

/**
 * Writes a {@link CapAlert} as a CAP 1.2 XML document with the JDK's StAX writer: the document is
 * small and flat, the schema is the check (see {@link CapValidator}), and no binding library or
 * generated classes are needed. Elements follow the schema's sequence; empty optional values are
 * left out. Characters XML 1.0 cannot carry (control characters other than tab and line ends) are
 * dropped from texts, so a stray one in a report cannot make the document unreadable.
 */
@Component
class CapWriter {

  static final String NS = "urn:oasis:names:tc:emergency:cap:1.2";

  private final XMLOutputFactory factory = XMLOutputFactory.newFactory();

  String write(CapAlert a) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter w = factory.createXMLStreamWriter(out);
      w.writeStartDocument("UTF-8", "1.0");
      w.writeCharacters("\n");
      w.setDefaultNamespace(NS);
      w.writeStartElement(NS, "alert");
      w.writeDefaultNamespace(NS);
      leaf(w, 1, "identifier", a.identifier());
      leaf(w, 1, "sender", a.sender());
      leaf(w, 1, "sent", a.sent());
      leaf(w, 1, "status", a.status());
      leaf(w, 1, "msgType", a.msgType());
      leaf(w, 1, "scope", a.scope());
      leaf(w, 1, "restriction", a.restriction());
      leaf(w, 1, "addresses", a.addresses());
      leaf(w, 1, "note", a.note());
      leaf(w, 1, "references", a.references());
      leaf(w, 1, "incidents", a.incidents());
      for (Info info : a.infos()) {
        info(w, info);
      }
      w.writeCharacters("\n");
      w.writeEndElement();
      w.writeCharacters("\n");
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write CAP alert " + a.identifier(), e);
    }
    return out.toString();
  }

  private static void info(XMLStreamWriter w, Info i) throws XMLStreamException {
    start(w, 1, "info");
    leaf(w, 2, "language", i.language());
    leaf(w, 2, "category", i.category());
    leaf(w, 2, "event", i.event());
    for (String r : i.responseTypes()) {
      leaf(w, 2, "responseType", r);
    }
    leaf(w, 2, "urgency", i.urgency());
    leaf(w, 2, "severity", i.severity());
    leaf(w, 2, "certainty", i.certainty());
    pairs(w, 2, "eventCode", i.eventCodes());
    leaf(w, 2, "onset", i.onset());
    leaf(w, 2, "senderName", i.senderName());
    leaf(w, 2, "headline", i.headline());
    leaf(w, 2, "description", i.description());
    leaf(w, 2, "instruction", i.instruction());
    pairs(w, 2, "parameter", i.parameters());
    if (i.area() != null) {
      start(w, 2, "area");
      leaf(w, 3, "areaDesc", i.area().areaDesc());
      leaf(w, 3, "circle", i.area().circle());
      pairs(w, 3, "geocode", i.area().geocodes());
      end(w, 2);
    }
    end(w, 1);
  }

  private static void pairs(XMLStreamWriter w, int depth, String name, List<Pair> pairs) throws XMLStreamException {
    for (Pair p : pairs) {
      start(w, depth, name);
      leaf(w, depth + 1, "valueName", p.valueName());
      leaf(w, depth + 1, "value", p.value());
      end(w, depth);
    }
  }

  private static void start(XMLStreamWriter w, int depth, String name) throws XMLStreamException {
    w.writeCharacters("\n" + "  ".repeat(depth));
    w.writeStartElement(NS, name);
  }

  private static void end(XMLStreamWriter w, int depth) throws XMLStreamException {
    w.writeCharacters("\n" + "  ".repeat(depth));
    w.writeEndElement();
  }

  private static void leaf(XMLStreamWriter w, int depth, String name, String text) throws XMLStreamException {
    if (text == null) {
      return;
    }
    start(w, depth, name);
    w.writeCharacters(xmlText(text));
    w.writeEndElement();
  }

  /** Drops what XML 1.0 forbids (C0 controls but tab, LF, CR; lone surrogates; U+FFFE/FFFF). */
  static String xmlText(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      boolean ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
          || (c >= 0x10000 && c <= 0x10FFFF);
      if (ok) {
        b.appendCodePoint(c);
      }
    }
    return b.toString();
  }
}
