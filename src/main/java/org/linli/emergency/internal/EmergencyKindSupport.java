package org.linli.emergency.internal;

import org.linli.security.LinliUser;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.linli.emergency.EmergencyProcess;
import org.linli.emergency.IncidentReport;
import org.linli.emergency.IncidentSubtype;
import org.linli.tasklist.CaseKindSupport;
import org.springframework.stereotype.Component;
import org.linli.calendar.WorkingCalendar;
import org.linli.system.Bilingual;

/** Emergencies in the task list and on the case page: sub-type as category, the incident as details. */
@Component
class EmergencyKindSupport implements CaseKindSupport {

  private final DateTimeFormatter time;

  private final IncidentRepository incidents;
  private final org.linli.organization.OrganizationService organization;

  EmergencyKindSupport(IncidentRepository incidents, org.linli.organization.OrganizationService organization,
      WorkingCalendar calendar) {
    this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(calendar.zone());
    this.incidents = incidents;
    this.organization = organization;
  }

  @Override
  public String kind() {
    return EmergencyProcess.KIND;
  }

  @Override
  public Set<Long> caseIdsByPhone(String phone) {
    return Set.of(); // emergencies are reported by staff, not found by a resident's phone
  }

  @Override
  public String categoryName(String categoryCode, boolean english) {
    try {
      IncidentSubtype s = IncidentSubtype.valueOf(categoryCode);
      return english ? s.nameEn() : s.nameZh();
    } catch (IllegalArgumentException | NullPointerException e) {
      return categoryCode;
    }
  }

  @Override
  public Map<String, String> categories(boolean english) {
    Map<String, String> out = new LinkedHashMap<>();
    for (IncidentSubtype s : IncidentSubtype.values()) {
      out.put(s.name(), english ? s.nameEn() : s.nameZh());
    }
    return out;
  }

  /** Everyone with an area reports from the street. */
  @Override
  public java.util.Optional<EntryLink> entryLink(org.linli.security.LinliUser user) {
    return EmergencyPagesController.places(user, organization).isEmpty() ? java.util.Optional.empty()
        : java.util.Optional.of(new EntryLink(EmergencyPagesController.REPORT_PATH, "emergency.report.nav"));
  }

  @Override
  public List<EntryLink> caseActions(org.linli.security.LinliUser user, org.linli.casefile.CaseFile c) {
    boolean over = incidents.byCase(c.id()).map(i -> i.allClearAt() != null || i.withdrawnAt() != null).orElse(true);
    return !over && EmergencyPagesController.mayChangeLevel(user, c)
        ? List.of(new EntryLink("/emergency/" + c.caseNumber() + "/level", "emergency.level.action")) : List.of();
  }

  @Override
  public List<Detail> details(long caseId, LinliUser user, boolean english) {
    List<Detail> out = new ArrayList<>();
    incidents.byCase(caseId).ifPresent(i -> {
      out.add(new Detail(english ? "Level" : "级别", i.level().name() + (english ? " " + i.level().nameEn() : " " + i.level().nameZh())
          + (i.level() != i.gradedLevel() ? (english ? " (graded " : "（定级 ") + i.gradedLevel().name() + (english ? ")" : "）") : "")));
      out.add(new Detail(english ? "Phase" : "阶段", i.phase() == IncidentReport.Phase.WARNING ? (english ? "Warning" : "预警")
          : (english ? "Incident" : "突发事件")));
      out.add(new Detail(english ? "Type" : "类别", english ? i.type().nameEn() + " · " + i.subtype().nameEn()
          : i.type().nameZh() + " · " + i.subtype().nameZh()));
      out.add(new Detail(english ? "Place" : "地点", i.location()
          + (i.latitude() == null ? "" : " (" + i.latitude() + ", " + i.longitude() + ")")));
      out.add(new Detail(english ? "Occurred" : "事发时间", time.format(i.occurredAt())));
      out.add(new Detail(english ? "Description" : "情况", i.description()));
      out.add(new Detail(english ? "Figures" : "伤亡损失", english ? i.figuresEn() : i.figuresZh()));
      if (i.gradingBasis() != null) {
        out.add(new Detail(english ? "Grading basis" : "定级依据", Bilingual.split(i.gradingBasis()).in(english ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE)));
      }
      if (i.drill()) {
        out.add(new Detail(english ? "Drill participants" : "演练参演人员", String.join(", ", i.participants())));
      }
      if (i.allClearAt() != null) {
        out.add(new Detail(english ? "All clear" : "解除时间", time.format(i.allClearAt())));
      }
      if (i.withdrawnAt() != null) {
        out.add(new Detail(english ? "Withdrawn" : "撤销时间", time.format(i.withdrawnAt())));
      }
    });
    return out;
  }
}
