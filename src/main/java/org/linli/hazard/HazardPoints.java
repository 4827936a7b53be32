package org.linli.hazard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.linli.emergency.EmergencyRouting;
import org.linli.hazard.internal.HazardPointRepository;
import org.linli.organization.CandidateGroups;
import org.linli.organization.Division;
import org.linli.organization.DivisionLevel;
import org.linli.organization.OrganizationService;
import org.linli.organization.Role;
import org.linli.organization.Scope;
import org.linli.security.LinliUser;
import org.linli.system.EngineClock;
import org.linli.system.ForbiddenException;
import org.linli.system.InvalidInputException;
import org.linli.system.InvalidInputException.FieldError;
import org.linli.system.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.linli.calendar.WorkingCalendar;

/**
 * The register of hazard points (隐患点). Township officers of the point's township and the county's
 * emergency-management department ({@code dept-yj}) register and change points; everyone sees the
 * points of their own area.
 */
@Service
public class HazardPoints {

  /** Days are counted in the zone of the demo province. */
  static final int MAX_CYCLE_DAYS = 365;

  private final HazardPointRepository repository;
  private final OrganizationService organization;
  private final WorkingCalendar calendar;

  HazardPoints(HazardPointRepository repository, OrganizationService organization, WorkingCalendar calendar) {
    this.calendar = calendar;
    this.repository = repository;
    this.organization = organization;
  }

  /**
   * @throws InvalidInputException listing every bad field; nothing is written
   * @throws ForbiddenException when the user may not register points in that village
   */
  @Transactional
  public HazardPoint register(HazardPointInput in, LinliUser user) {
    if (in == null) {
      throw new InvalidInputException("hazardPoint", "请填写隐患点 the hazard point is empty");
    }
    List<FieldError> errors = new ArrayList<>();
    LocalDate today = today();
    text(errors, "name", in.name(), 100, "请填写隐患点名称 give the point a name");
    if (in.divisionCode() == null || DivisionLevel.ofCode(in.divisionCode()) != DivisionLevel.VILLAGE
        || organization.division(in.divisionCode()).isEmpty()) {
      errors.add(new FieldError("divisionCode", "请选择隐患点所在村（社区） choose the village or community it lies in"));
    }
    text(errors, "location", in.location(), 300, "请填写具体位置 give the place");
    coordinates(errors, in.latitude(), in.longitude());
    if (in.hazardType() == null) {
      errors.add(new FieldError("hazardType", "请选择隐患类型 choose the hazard type"));
    }
    if (in.cycleDays() == null) {
      errors.add(new FieldError("cycleDays", "请填写巡查周期（天） give the inspection cycle in days"));
    } else {
      cycle(errors, in.cycleDays());
    }
    LocalDate next = in.nextInspectionOn() == null ? today : in.nextInspectionOn();
    nextDate(errors, next, today);
    if (in.active() != null && !in.active()) {
      errors.add(new FieldError("active", "新登记的隐患点应为启用 a new point is active"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    requireWriter(in.divisionCode(), user);
    long id = repository.insert(in.name().strip(), in.divisionCode(), in.location().strip(), in.latitude(), in.longitude(),
        in.hazardType(), in.cycleDays(), next, user.username(), EngineClock.now());
    return repository.byId(id).orElseThrow();
  }

  /**
   * Adjusts a point: name, place, cycle, next inspection day, or deactivation ({@code active:false});
   * fields left out keep their value. The village and the type do not change.
   */
  @Transactional
  public HazardPoint change(long id, HazardPointInput in, LinliUser user) {
    HazardPoint p = visible(id, user);
    requireWriter(p.divisionCode(), user);
    if (in == null) {
      throw new InvalidInputException("hazardPoint", "请填写要修改的内容 say what to change");
    }
    List<FieldError> errors = new ArrayList<>();
    if (in.divisionCode() != null && !in.divisionCode().equals(p.divisionCode())) {
      errors.add(new FieldError("divisionCode", "隐患点所在村不能修改，请停用后重新登记 the village cannot change; deactivate and register anew"));
    }
    if (in.hazardType() != null && in.hazardType() != p.hazardType()) {
      errors.add(new FieldError("hazardType", "隐患类型不能修改，请停用后重新登记 the type cannot change; deactivate and register anew"));
    }
    String name = in.name() == null ? p.name() : in.name();
    String location = in.location() == null ? p.location() : in.location();
    text(errors, "name", name, 100, "隐患点名称不能为空 the name cannot be empty");
    text(errors, "location", location, 300, "具体位置不能为空 the place cannot be empty");
    boolean newCoordinates = in.latitude() != null || in.longitude() != null;
    Double lat = newCoordinates ? in.latitude() : p.latitude();
    Double lon = newCoordinates ? in.longitude() : p.longitude();
    coordinates(errors, lat, lon);
    int cycleDays = in.cycleDays() == null ? p.cycleDays() : in.cycleDays();
    cycle(errors, cycleDays);
    LocalDate next = in.nextInspectionOn() == null ? p.nextInspectionOn() : in.nextInspectionOn();
    if (in.nextInspectionOn() != null) {
      nextDate(errors, next, today());
    }
    boolean active = in.active() == null ? p.active() : in.active();
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    repository.update(id, name.strip(), location.strip(), lat, lon, cycleDays, next, active, user.username(), EngineClock.now());
    return repository.byId(id).orElseThrow();
  }

  /** The points of the user's area. */
  public List<HazardPoint> list(LinliUser user) {
    return list(user, null, null);
  }

  /**
   * The points of the user's area, optionally of one village and one type. The area is narrowed in
   * SQL: the subtrees of the user's divisions, and whole counties for emergency management.
   */
  public List<HazardPoint> list(LinliUser user, String villageCode, HazardType type) {
    return repository.list(hazardScope(user.scope()), villageCode, type);
  }

  /** The scope as hazard points see it: of its departments, only emergency management counts. */
  static Scope hazardScope(Scope scope) {
    if (scope.everything()) {
      return scope;
    }
    Set<Scope.DepartmentRef> emergency = scope.departments().stream()
        .filter(d -> EmergencyRouting.EMERGENCY_DEPARTMENT.equals(d.departmentCode()))
        .collect(Collectors.toUnmodifiableSet());
    return new Scope(false, scope.divisionCodes(), emergency);
  }

  /** The villages and communities whose points the user sees, in catalogue order (for filters). */
  public List<Division> villages(LinliUser user) {
    return organization.divisions().stream()
        .filter(d -> d.level() == DivisionLevel.VILLAGE && user.scope().covers(d.code(), EmergencyRouting.EMERGENCY_DEPARTMENT))
        .toList();
  }

  /** The villages and communities where the user may register points. */
  public List<Division> writableVillages(LinliUser user) {
    return organization.divisions().stream()
        .filter(d -> d.level() == DivisionLevel.VILLAGE && mayWrite(d, user)).toList();
  }

  /**
   * Whether the user may register or change points anywhere: a township officer, an officer of
   * emergency management, or an administrator. Cheap (groups only), for the top bar.
   */
  public boolean mayWriteSomewhere(LinliUser user) {
    if (user.scope().everything()) {
      return true;
    }
    return user.groups().stream().map(CandidateGroups::parse).flatMap(java.util.Optional::stream)
        .anyMatch(r -> r.role() == Role.TOWNSHIP_OFFICER
            || (r.role() == Role.DEPARTMENT_OFFICER && EmergencyRouting.EMERGENCY_DEPARTMENT.equals(r.departmentCode())));
  }

  /** @throws NotFoundException when there is no such point in the user's area */
  public HazardPoint visible(long id, LinliUser user) {
    return repository.byId(id)
        .filter(p -> user.scope().covers(p.divisionCode(), EmergencyRouting.EMERGENCY_DEPARTMENT))
        .orElseThrow(() -> new NotFoundException("没有这个隐患点 no hazard point " + id));
  }

  /** Township officers of the village's township, emergency management of its county, administrators. */
  public boolean mayWrite(String villageCode, LinliUser user) {
    if (user.scope().everything()) {
      return true;
    }
    Division village = organization.division(villageCode).orElse(null);
    return village != null && mayWrite(village, user);
  }

  private static boolean mayWrite(Division village, LinliUser user) {
    if (user.scope().everything()) {
      return true;
    }
    String township = village.townshipCode();
    return (township != null && user.inGroup(CandidateGroups.township(township)))
        || user.inGroup(CandidateGroups.department(EmergencyRouting.EMERGENCY_DEPARTMENT, village.countyCode()));
  }

  public LocalDate today() {
    return calendar.today();
  }

  private void requireWriter(String villageCode, LinliUser user) {
    if (!mayWrite(villageCode, user)) {
      throw new ForbiddenException("只有所在乡镇（街道）或应急管理局可以登记和调整隐患点 only the township of the place or"
          + " emergency management may register or change hazard points there");
    }
  }

  private static void text(List<FieldError> errors, String field, String value, int max, String missing) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, missing));
    } else if (value.strip().length() > max) {
      errors.add(new FieldError(field, "不超过" + max + "字 at most " + max + " characters"));
    }
  }

  private static void coordinates(List<FieldError> errors, Double latitude, Double longitude) {
    if ((latitude == null) != (longitude == null)) {
      errors.add(new FieldError(latitude == null ? "latitude" : "longitude", "经纬度须同时填写 give both latitude and longitude"));
    }
    if (latitude != null && (latitude.isNaN() || Math.abs(latitude) > 90)) {
      errors.add(new FieldError("latitude", "纬度应在 -90 到 90 之间 latitude must be between -90 and 90"));
    }
    if (longitude != null && (longitude.isNaN() || Math.abs(longitude) > 180)) {
      errors.add(new FieldError("longitude", "经度应在 -180 到 180 之间 longitude must be between -180 and 180"));
    }
  }

  private static void cycle(List<FieldError> errors, int days) {
    if (days < 1 || days > MAX_CYCLE_DAYS) {
      errors.add(new FieldError("cycleDays", "巡查周期应为 1 至 365 天 the cycle must be 1 to 365 days"));
    }
  }

  private static void nextDate(List<FieldError> errors, LocalDate next, LocalDate today) {
    if (next.isBefore(today)) {
      errors.add(new FieldError("nextInspectionOn", "下次巡查日期不能早于今天 the next inspection cannot be in the past"));
    } else if (next.isAfter(today.plusDays(MAX_CYCLE_DAYS))) {
      errors.add(new FieldError("nextInspectionOn", "下次巡查日期应在一年以内 the next inspection must be within a year"));
    }
  }
}
