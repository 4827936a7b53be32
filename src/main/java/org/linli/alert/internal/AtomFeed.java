package org.linli.alert.internal;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.linli.alert.AlertProperties;
import org.linli.alert.AlertSummary;
import org.linli.alert.EmergencyAlerts;
import org.linli.system.EngineClock;
import org.springframework.stereotype.Component;

/**
 * The public Atom 1.0 feed (RFC 4287), written with Rome. Each entry is one alert and links to its
 * CAP document ({@code rel="alternate" type="application/cap+xml"}), as CAP feeds of alerting
 * authorities do; ids are stable name-based UUIDs of sender and identifier.
 */
@Component
class AtomFeed {

  private final AlertProperties properties;
  private final EmergencyAlerts alerts;

  AtomFeed(AlertProperties properties, EmergencyAlerts alerts) {
    this.properties = properties;
    this.alerts = alerts;
  }

  String write(List<AlertSummary> latest, String baseUrl, String selfUrl) {
    Feed feed = new Feed("atom_1.0");
    feed.setEncoding("UTF-8");
    feed.setId(urn(properties.sender() + " feed"));
    feed.setTitleEx(text("邻里 Linli 应急预警 Emergency alerts"));
    feed.setSubtitle(text("III级及以上突发事件的 CAP 1.2 预警 CAP 1.2 alerts of emergencies of level III and above"));
    feed.setUpdated(latest.isEmpty() ? Date.from(EngineClock.now()) : Date.from(latest.get(0).sent()));
    feed.setAuthors(List.of(person()));
    feed.setOtherLinks(List.of(link("self", "application/atom+xml", selfUrl)));
    feed.setAlternateLinks(List.of(link("alternate", "application/atom+xml", selfUrl)));
    List<Entry> entries = new ArrayList<>();
    for (AlertSummary a : latest) {
      Entry e = new Entry();
      e.setId(urn(properties.sender() + "," + a.identifier()));
      e.setTitleEx(text(a.headline()));
      e.setUpdated(Date.from(a.sent()));
      e.setPublished(Date.from(a.sent()));
      e.setAlternateLinks(List.of(link("alternate", AlertController.CAP_XML,
          baseUrl + AlertMail.PUBLIC_PATH + a.identifier() + ".xml")));
      String description = alerts.description(a.identifier());
      if (description != null) {
        e.setSummary(text(description));
      }
      e.setCategories(List.of(category(a.msgType()), category("level-" + a.level().name())));
      entries.add(e);
    }
    feed.setEntries(entries);
    try {
      return new WireFeedOutput().outputString(feed, true);
    } catch (FeedException e) {
      throw new IllegalStateException("cannot write the alert feed", e);
    }
  }

  private SyndPerson person() {
    Person p = new Person();
    p.setName(properties.senderName());
    return p;
  }

  private static String urn(String name) {
    return "urn:uuid:" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
  }

  private static Content text(String s) {
    Content c = new Content();
    c.setType(Content.TEXT);
    c.setValue(s);
    return c;
  }

  private static Link link(String rel, String type, String href) {
    Link l = new Link();
    l.setRel(rel);
    l.setType(type);
    l.setHref(href);
    return l;
  }

  private static Category category(String term) {
    Category c = new Category();
    c.setTerm(term);
    return c;
  }
}
