package org.linli.hazard.internal;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.linli.hazard.HazardPoint;
import org.linli.hazard.HazardPoints;
import org.linli.hazard.HazardType;
import org.linli.hazard.Inspection;
import org.linli.hazard.InspectionProcess;
import org.linli.security.LinliUser;
import org.linli.tasklist.CaseKindSupport;
import org.springframework.stereotype.Component;
import org.linli.calendar.WorkingCalendar;

/** Inspections in the task list and on the case page: hazard type as category, the hazard point as details. */
@Component
class InspectionKindSupport implements CaseKindSupport {


  private final HazardPointRepository points;
  private final HazardPoints register;

  private final DateTimeFormatter time;

  InspectionKindSupport(HazardPointRepository points, HazardPoints register, WorkingCalendar calendar) {
    this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(calendar.zone());
    this.points = points;
    this.register = register;
  }

  /** The hazard-point page, for township officers and emergency management (who register points). */
  @Override
  public Optional<EntryLink> entryLink(LinliUser user) {
    return register.mayWriteSomewhere(user) ? Optional.of(new EntryLink(HazardPagesController.PATH, "hazard.nav"))
        : Optional.empty();
  }

  @Override
  public String kind() {
    return InspectionProcess.KIND;
  }

  @Override
  public Set<Long> caseIdsByPhone(String phone) {
    return Set.of(); // inspections have no resident
  }

  @Override
  public String categoryName(String categoryCode, boolean english) {
    try {
      HazardType t = HazardType.valueOf(categoryCode);
      return english ? t.nameEn() : t.nameZh();
    } catch (IllegalArgumentException | NullPointerException e) {
      return categoryCode;
    }
  }

  @Override
  public Map<String, String> categories(boolean english) {
    Map<String, String> out = new LinkedHashMap<>();
    for (HazardType t : HazardType.values()) {
      out.put(t.name(), english ? t.nameEn() : t.nameZh());
    }
    return out;
  }

  @Override
  public List<Detail> details(long caseId, LinliUser user, boolean english) {
    List<Detail> out = new ArrayList<>();
    Inspection i = points.inspection(caseId).orElse(null);
    if (i == null) {
      return out;
    }
    HazardPoint p = points.byId(i.hazardPointId()).orElse(null);
    if (p != null) {
      out.add(new Detail(english ? "Hazard point" : "隐患点", p.name() + " (#" + p.id() + ")"));
      out.add(new Detail(english ? "Hazard type" : "隐患类型", english ? p.hazardType().nameEn() : p.hazardType().nameZh()));
      out.add(new Detail(english ? "Place" : "位置", p.location()
          + (p.latitude() == null ? "" : " (" + p.latitude() + ", " + p.longitude() + ")")));
      out.add(new Detail(english ? "Inspection cycle" : "巡查周期", p.cycleDays() + (english ? " days" : " 天")));
    }
    out.add(new Detail(english ? "Due on" : "应巡查日期", i.dueOn().toString()));
    if (i.finding() != null) {
      out.add(new Detail(english ? "Finding" : "巡查结果", finding(i.finding(), english)
          + (i.inspectedAt() == null ? "" : " · " + i.inspectedBy() + " · " + time.format(i.inspectedAt()))));
    }
    if (i.emergencyCaseNumber() != null) {
      out.add(new Detail(english ? "Emergency case" : "突发事件案件", i.emergencyCaseNumber()));
    }
    return out;
  }

  private static String finding(String finding, boolean english) {
    return switch (finding) {
      case InspectionProcess.SAFE -> english ? "Safe" : "正常";
      case InspectionProcess.WARNING -> english ? "Danger found (warning)" : "发现险情（预警）";
      case InspectionProcess.INCIDENT -> english ? "Incident" : "已发生险情（事件）";
      case InspectionProcess.CANCELLED -> english ? "Cancelled, not inspected" : "已取消，未巡查";
      default -> finding;
    };
  }
}
