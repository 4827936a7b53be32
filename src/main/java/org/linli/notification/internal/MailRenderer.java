package org.linli.notification.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.linli.notification.NotificationType;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.linli.calendar.WorkingCalendar;
import java.time.ZoneId;

/**
 * Renders a notification's subject, text and HTML from {@code templates/mail/<type>.txt|.html}.
 * Has its own template engine (not a bean), so the web's Thymeleaf set-up stays untouched.
 */
@Component
public class MailRenderer {

  public record RenderedMail(String subject, String text, String html) {}

  static final List<String> MODEL_KEYS = List.of(
      "caseNumber", "title", "stepName", "group", "dueAt", "divisionName", "note", "urgedBy", "fromGroup",
      "toGroup", "reply", "ratingLink", "residentName", "supervisorName", "areaName", "date", "followLink",
      "approved", "programmeName", "oneOff", "amount", "startMonth", "reason", "decidedBy", "appealDays", "alertIdentifier",
      "alertKind", "alertLevel", "alertEvent", "alertDescription", "alertInstruction", "alertSent", "alertLink", "drill",
      "eventZh", "eventEn", "levelText", "typeText", "place", "occurredText", "figures", "cardZh", "cardEn", "unitName",
      "issuedBy", "cardLink", "cardRed", "weekFrom", "weekTo", "week", "keyFigures", "columns", "units", "reportLink");
  static final List<String> ITEM_KEYS = List.of("caseNumber", "title", "divisionName", "stepName", "dueAt");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  private final NotificationProperties properties;
  private final SpringTemplateEngine engine = new SpringTemplateEngine();

  private final ZoneId zone;

  MailRenderer(NotificationProperties properties, WorkingCalendar calendar) {
    this.properties = properties;
    this.zone = calendar.zone();
    engine.addTemplateResolver(resolver("mail/*.html", TemplateMode.HTML, 1));
    engine.addTemplateResolver(resolver("mail/*.txt", TemplateMode.TEXT, 2));
  }

  private static ClassLoaderTemplateResolver resolver(String pattern, TemplateMode mode, int order) {
    ClassLoaderTemplateResolver r = new ClassLoaderTemplateResolver();
    r.setPrefix("templates/");
    r.setResolvablePatterns(Set.of(pattern));
    r.setTemplateMode(mode);
    r.setCharacterEncoding("UTF-8");
    r.setCacheable(true);
    r.setCheckExistence(true);
    r.setOrder(order);
    return r;
  }

  public RenderedMail render(NotificationType type, Map<String, Object> model, String recipientName) {
    Map<String, Object> vars = variables(type, model, recipientName);
    String subject = subject(type, vars);
    vars.put("subject", subject);
    Context context = new Context(Locale.SIMPLIFIED_CHINESE, vars);
    String name = "mail/" + type.name().toLowerCase(Locale.ROOT);
    return new RenderedMail(subject, engine.process(name + ".txt", context), engine.process(name + ".html", context));
  }

  /** Every documented key is present (null if not given), so templates never meet a missing one. */
  private Map<String, Object> variables(NotificationType type, Map<String, Object> model, String recipientName) {
    Map<String, Object> vars = new HashMap<>();
    MODEL_KEYS.forEach(k -> vars.put(k, null));
    if (model != null) {
      vars.putAll(model);
    }
    vars.put("recipientName", recipientName != null ? recipientName
        : vars.get("residentName") != null ? vars.get("residentName") : vars.get("supervisorName"));
    vars.put("labelZh", type.labelZh());
    vars.put("labelEn", type.labelEn());
    vars.put("baseUrl", properties.baseUrl());
    vars.put("dueAtText", time(vars.get("dueAt")));
    vars.put("alertSentText", time(vars.get("alertSent")));
    vars.put("caseLink", caseLink(vars.get("caseNumber")));
    vars.put("dateText", vars.get("date") instanceof LocalDate d ? DATE.format(d) : text(vars.get("date")));
    vars.put("overdue", items(vars.get("overdue")));
    vars.put("atRisk", items(vars.get("atRisk")));
    vars.put("cases", items(vars.get("cases")));
    // the lists may be cut short; the totals say how many there are
    vars.put("overdueCount", count(vars.get("overdueTotal"), (List<?>) vars.get("overdue")));
    vars.put("atRiskCount", count(vars.get("atRiskTotal"), (List<?>) vars.get("atRisk")));
    return vars;
  }

  private List<Map<String, Object>> items(Object list) {
    List<Map<String, Object>> items = new ArrayList<>();
    if (list instanceof Collection<?> c) {
      for (Object o : c) {
        if (o instanceof Map<?, ?> m) {
          Map<String, Object> item = new HashMap<>();
          ITEM_KEYS.forEach(k -> item.put(k, m.get(k)));
          item.put("dueAtText", time(m.get("dueAt")));
          item.put("caseLink", caseLink(m.get("caseNumber")));
          items.add(item);
        }
      }
    }
    return items;
  }

  private String caseLink(Object caseNumber) {
    return caseNumber == null ? null : link("/cases/" + caseNumber);
  }

  /** An address of this service for a reader outside it: the configured base URL and a path. */
  public String link(String path) {
    String base = properties.baseUrl();
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
  }

  String time(Object t) {
    Instant instant =
        t instanceof Instant i ? i
            : t instanceof Date d ? d.toInstant()
            : t instanceof OffsetDateTime o ? o.toInstant()
            : t instanceof ZonedDateTime z ? z.toInstant()
            : null;
    if (instant != null) {
      return TIME.format(instant.atZone(zone));
    }
    return t instanceof LocalDateTime l ? TIME.format(l) : text(t);
  }

  private static long count(Object total, List<?> listed) {
    return total instanceof Number n ? n.longValue() : listed.size();
  }

  private static String text(Object o) {
    return o == null ? null : o.toString();
  }

  private static String subject(NotificationType type, Map<String, Object> v) {
    StringBuilder s = new StringBuilder("【").append(type.labelZh()).append("】");
    if (type == NotificationType.CARD) {
      append(s, v.get("cardZh"));
      append(s, v.get("unitName"));
      if (!((List<?>) v.get("cases")).isEmpty()) {
        s.append(" · 超期案件 ").append(((List<?>) v.get("cases")).size()).append(" 件");
      }
    } else if (type == NotificationType.DIGEST) {
      append(s, v.get("dateText"));
      append(s, v.get("areaName"));
      s.append(" 超期 ").append(v.get("overdueCount")).append(" 件 · 将到期 ").append(v.get("atRiskCount")).append(" 件");
    } else if (type == NotificationType.WEEKLY) {
      if (v.get("weekFrom") != null && v.get("weekTo") != null) {
        append(s, v.get("weekFrom") + " 至 " + v.get("weekTo"));
      }
      append(s, v.get("areaName"));
      if (v.get("week") instanceof Map<?, ?> week) {
        s.append(" 受理 ").append(week.get("received")).append(" 件 · 办结 ").append(week.get("closed")).append(" 件");
      }
    } else {
      append(s, v.get("caseNumber"));
      append(s, shorten(text(v.get("title"))));
      if (v.get("stepName") != null && !type.toResidents()) {
        s.append(" · ").append(v.get("stepName"));
      }
    }
    s.append(" (").append(type.labelEn()).append(")");
    return s.toString().replaceAll("[\\r\\n]+", " ");
  }

  private static void append(StringBuilder s, Object part) {
    if (part != null && !part.toString().isBlank()) {
      if (s.charAt(s.length() - 1) != '】') {
        s.append(' ');
      }
      s.append(part);
    }
  }

  private static String shorten(String title) {
    return title == null || title.length() <= 60 ? title : title.substring(0, 59) + "…";
  }
}
