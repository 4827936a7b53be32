package org.linli.emergency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.linli.casefile.CaseFile;
import org.linli.casefile.CaseFiles;
import org.linli.casefile.CaseOpening;
import org.linli.casefile.CaseVariables;
import org.linli.deadline.Deadlines;
import org.linli.deadline.TimeLimits;
import org.linli.organization.OrganizationService;
import org.linli.organization.StaffMember;
import org.linli.security.LinliUser;
import org.linli.system.EngineClock;
import org.linli.system.ForbiddenException;
import org.linli.system.InvalidInputException;
import org.linli.system.InvalidInputException.FieldError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a report of a warning or an incident from a grid worker or any staff member of the place:
 * checks it field by field, then opens the case (process {@value EmergencyProcess#KEY}), which
 * grades it by the table {@code emergency-grading} and activates the response, all in one
 * transaction.
 */
@Service
public class EmergencyReports {

  /** What the reporter gets back. */
  public record Receipt(String caseNumber, IncidentLevel level, String gradingBasis, Instant caseDue) {}

  static final int MAX_COUNT = 10_000_000;
  /** The participants column holds 2000 characters of user names (at most 64 each) and commas. */
  static final int MAX_PARTICIPANTS = 30;
  static final BigDecimal MAX_LOSS = new BigDecimal("1e13");
  static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

  private final OrganizationService organization;
  private final TimeLimits limits;
  private final Deadlines deadlines;
  private final CaseFiles cases;
  private final Incidents incidents;
  private final ObjectMapper json;

  EmergencyReports(OrganizationService organization, TimeLimits limits, Deadlines deadlines, CaseFiles cases,
      Incidents incidents, ObjectMapper json) {
    this.organization = organization;
    this.limits = limits;
    this.deadlines = deadlines;
    this.cases = cases;
    this.incidents = incidents;
    this.json = json;
  }

  /**
   * @throws InvalidInputException listing every bad field
   * @throws ForbiddenException when the place is outside the reporter's area
   */
  @Transactional
  public Receipt report(IncidentReport r, LinliUser reporter) {
    check(r);
    if (!reporter.scope().covers(r.divisionCode(), null)) {
      throw new ForbiddenException("只能上报本辖区的突发事件 you may report events of your own area only");
    }
    String table = limits.current(EmergencyProcess.KIND);
    Instant now = EngineClock.now();
    Instant caseDue = deadlines.due(limits.limit(table,
        new TimeLimits.Query(EmergencyProcess.KIND, r.subtype().name(), r.type().name(), EmergencyProcess.LIMIT_CASE, "URGENT")), now);
    CaseOpening opening = CaseOpening.of(EmergencyProcess.KIND, r.divisionCode(), title(r))
        .category(r.subtype().name(), r.type().name())
        .department(EmergencyRouting.EMERGENCY_DEPARTMENT)
        .priority("URGENT")
        .due(caseDue, deadlines.warnAt(false, now, caseDue))
        .timeLimits(table);
    // the grading table and the activation read these in the intake's own transaction
    Map<String, Object> v = new HashMap<>();
    v.put(EmergencyProcess.VAR_PHASE, r.phase().name());
    v.put(EmergencyProcess.VAR_INCIDENT_TYPE, r.type().name());
    v.put(CaseVariables.CATEGORY_CODE, r.subtype().name());
    v.put(EmergencyProcess.VAR_DEAD_OR_MISSING, r.deadOrMissing());
    v.put(EmergencyProcess.VAR_INJURED, IncidentReport.n(r.injured()));
    v.put(EmergencyProcess.VAR_AFFECTED, IncidentReport.n(r.affected()));
    v.put(EmergencyProcess.VAR_LOSS, r.estimatedLoss() == null ? 0d : r.estimatedLoss().doubleValue());
    v.put(EmergencyProcess.VAR_REPORT, write(r));
    v.put(EmergencyProcess.VAR_REPORTED_BY, reporter.username());
    CaseFile c = cases.open(opening, v, opened -> { });
    Incident incident = incidents.of(c.id()).orElseThrow(() -> new IllegalStateException("no incident for " + c.caseNumber()));
    return new Receipt(c.caseNumber(), incident.level(), incident.gradingBasis(), c.caseDue());
  }

  /** Checks a report field by field without opening anything. */
  public void check(IncidentReport r) {
    List<FieldError> errors = new ArrayList<>();
    if (r == null) {
      throw new InvalidInputException("report", "请填写报告 the report is empty");
    }
    if (r.type() == null) {
      errors.add(new FieldError("type", "请选择事件类别 choose the type"));
    }
    if (r.subtype() == null) {
      errors.add(new FieldError("subtype", "请选择事件子类 choose the sub-type"));
    } else if (r.type() != null && r.subtype().type() != r.type()) {
      errors.add(new FieldError("subtype", "子类" + r.subtype().nameZh() + "不属于" + r.type().nameZh() + " the sub-type "
          + r.subtype() + " belongs to " + r.subtype().type()));
    }
    if (r.divisionCode() == null || organization.division(r.divisionCode()).isEmpty()) {
      errors.add(new FieldError("divisionCode", "请选择事发地所在区划 choose the division where it happened"));
    }
    text(errors, "location", r.location(), 300, "请填写事发地点 give the place");
    text(errors, "description", r.description(), 4000, "请描述事件情况 describe what happened");
    if ((r.latitude() == null) != (r.longitude() == null)) {
      errors.add(new FieldError(r.latitude() == null ? "latitude" : "longitude", "经纬度须同时填写 give both latitude and longitude"));
    }
    if (r.latitude() != null && (r.latitude().isNaN() || Math.abs(r.latitude()) > 90)) {
      errors.add(new FieldError("latitude", "纬度应在 -90 到 90 之间 latitude must be between -90 and 90"));
    }
    if (r.longitude() != null && (r.longitude().isNaN() || Math.abs(r.longitude()) > 180)) {
      errors.add(new FieldError("longitude", "经度应在 -180 到 180 之间 longitude must be between -180 and 180"));
    }
    if (r.occurredAt() == null) {
      errors.add(new FieldError("occurredAt", "请填写事发时间 give the time it happened"));
    } else if (r.occurredAt().isAfter(EngineClock.now().plus(CLOCK_SKEW))) {
      errors.add(new FieldError("occurredAt", "事发时间不能晚于现在 the time cannot be in the future"));
    }
    count(errors, "dead", r.dead());
    count(errors, "injured", r.injured());
    count(errors, "missing", r.missing());
    count(errors, "trapped", r.trapped());
    count(errors, "affected", r.affected());
    if (r.estimatedLoss() != null && (r.estimatedLoss().signum() < 0 || r.estimatedLoss().compareTo(MAX_LOSS) >= 0)) {
      errors.add(new FieldError("estimatedLoss", "直接经济损失应为 0 至 10 万亿元 the loss must be from 0 to 10 trillion CNY"));
    }
    if (r.phase() == IncidentReport.Phase.WARNING && r.proposedLevel() == null) {
      errors.add(new FieldError("proposedLevel", "预警须给出级别 a warning needs its level"));
    }
    if (r.drill()) {
      if (r.participants().isEmpty()) {
        errors.add(new FieldError("participants", "演练须列出参演人员 a drill needs its participants"));
      }
      if (r.participants().size() > MAX_PARTICIPANTS) {
        errors.add(new FieldError("participants", "参演人员最多 " + MAX_PARTICIPANTS + " 人 at most " + MAX_PARTICIPANTS + " participants"));
      }
      for (String username : new LinkedHashSet<>(r.participants())) {
        if (username == null || username.isBlank() || username.length() > 64) {
          errors.add(new FieldError("participants", "参演人员用户名不能为空 a participant's user name is missing"));
        } else if (organization.staff(username).filter(StaffMember::active).isEmpty()) {
          errors.add(new FieldError("participants", "没有这位工作人员 no such staff member: " + username));
        }
      }
    } else if (!r.participants().isEmpty()) {
      errors.add(new FieldError("participants", "只有演练才有参演人员 only a drill has participants"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }

  private static void text(List<FieldError> errors, String field, String value, int max, String missing) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, missing));
    } else if (value.length() > max) {
      errors.add(new FieldError(field, "不超过" + max + "字 at most " + max + " characters"));
    }
  }

  private static void count(List<FieldError> errors, String field, Integer value) {
    if (value != null && (value < 0 || value > MAX_COUNT)) {
      errors.add(new FieldError(field, "人数应为 0 至 " + MAX_COUNT + " a count from 0 to " + MAX_COUNT));
    }
  }

  static String title(IncidentReport r) {
    String prefix = r.drill() ? "【演练】" : "";
    String kind = r.phase() == IncidentReport.Phase.WARNING ? "预警 " : "";
    String place = r.location().strip();
    String title = prefix + kind + r.subtype().nameZh() + " " + place;
    return title.length() <= 200 ? title : title.substring(0, 199) + "…";
  }

  private String write(IncidentReport r) {
    try {
      return json.writeValueAsString(r);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the report", e);
    }
  }
}
