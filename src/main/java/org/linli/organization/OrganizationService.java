package org.linli.organization;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.linli.organization.internal.IdentityMirror;
import org.linli.organization.internal.OrganizationRepository;
import org.linli.system.InvalidInputException;
import org.linli.system.InvalidInputException.FieldError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organisation model: reads for every feature, and writes that keep the engine's identity in step. */
@Service
public class OrganizationService {

  private final OrganizationRepository repository;
  private final IdentityMirror identity;

  OrganizationService(OrganizationRepository repository, IdentityMirror identity) {
    this.repository = repository;
    this.identity = identity;
  }

  public boolean isEmpty() {
    return !repository.hasDivisions();
  }

  public Optional<Division> division(String code) {
    return code == null ? Optional.empty() : repository.division(code);
  }

  public List<Division> divisions() {
    return repository.divisions();
  }

  /** The divisions of these codes, looked up at once (a break-down names hundreds of villages). */
  public List<Division> divisions(java.util.Collection<String> codes) {
    return repository.divisions(codes);
  }

  public List<Department> departments() {
    return repository.departments();
  }

  /** Every place's and department's name, read now in two queries: for whatever names many of them. */
  public PlaceNames names() {
    return new PlaceNames(repository.divisions(), repository.departments());
  }

  public Optional<Department> department(String countyCode, String code) {
    return repository.department(countyCode, code);
  }

  public Optional<StaffMember> staff(String username) {
    return repository.staff(username);
  }

  public List<RoleAssignment> roles(String username) {
    return repository.roles(username);
  }

  public Set<String> groupsOf(String username) {
    Set<String> groups = new LinkedHashSet<>();
    for (RoleAssignment a : repository.roles(username)) {
      groups.add(a.candidateGroup());
    }
    return groups;
  }

  public Scope scopeOf(String username) {
    return Scope.of(repository.roles(username));
  }

  /**
   * The villages where these groups hold a role (a caseworker's, a grid worker's): the places an
   * entry page lets its user choose, in the order of the groups.
   */
  public List<Division> villagesWhere(java.util.Collection<String> groups, Role role) {
    return groups.stream().sorted()
        .flatMap(g -> CandidateGroups.parse(g).stream())
        .filter(r -> r.role() == role && DivisionLevel.ofCode(r.divisionCode()) == DivisionLevel.VILLAGE)
        .flatMap(r -> division(r.divisionCode()).stream())
        .toList();
  }

  /** Every active member of staff, by name: whom a drill may name as its participants. */
  public List<StaffMember> activeStaff() {
    return repository.activeStaff();
  }

  /** Active staff in a candidate group, for notifications. */
  public List<StaffMember> membersOf(String candidateGroup) {
    return repository.membersOf(candidateGroup);
  }

  /** Whether the unit's place (and department) exist. */
  public boolean exists(Unit unit) {
    return unit.isDepartment() ? department(unit.divisionCode(), unit.departmentCode()).isPresent()
        : division(unit.divisionCode()).isPresent();
  }

  /** 桃源村, 桃源镇, or 青溪县民政局. */
  public String unitName(Unit unit) {
    String place = division(unit.divisionCode()).map(Division::name).orElse(unit.divisionCode());
    return unit.isDepartment()
        ? place + department(unit.divisionCode(), unit.departmentCode()).map(Department::name).orElse(unit.departmentCode())
        : place;
  }

  /**
   * Who is told what is said to a unit (a card): its heads, or its officers where it has no active
   * head.
   */
  public List<StaffMember> answerFor(Unit unit) {
    List<StaffMember> heads = membersOf(unit.headGroup());
    return heads.isEmpty() ? membersOf(unit.officerGroup()) : heads;
  }

  /**
   * The supervisors who watch a place: those of its township or street if it has any, else those
   * of its county.
   */
  public String supervisorGroupFor(String divisionCode) {
    DivisionLevel level = DivisionLevel.ofCode(divisionCode);
    if (level != null && level != DivisionLevel.COUNTY) {
      String township = CandidateGroups.supervisors(DivisionLevel.TOWNSHIP.ancestorOf(divisionCode));
      if (!membersOf(township).isEmpty()) {
        return township;
      }
    }
    return CandidateGroups.supervisors(DivisionLevel.COUNTY.ancestorOf(divisionCode));
  }

  @Transactional
  public Division addDivision(Division d) {
    List<FieldError> errors = new ArrayList<>();
    DivisionLevel level = DivisionLevel.ofCode(d.code());
    if (level == null) {
      errors.add(new FieldError("code", "must be a statistical code of 6, 9 or 12 digits"));
    } else if (level != d.kind().level()) {
      errors.add(new FieldError("kind", d.kind() + " needs a " + d.kind().level().codeLength() + "-digit code"));
    }
    if (d.name() == null || d.name().isBlank()) {
      errors.add(new FieldError("name", "must not be blank"));
    }
    if (level != null && level != DivisionLevel.COUNTY) {
      String expectedParent = level == DivisionLevel.VILLAGE ? d.code().substring(0, 9) : d.code().substring(0, 6);
      if (!expectedParent.equals(d.parentCode()) || repository.division(expectedParent).isEmpty()) {
        errors.add(new FieldError("parentCode", "must be the existing division " + expectedParent));
      }
    }
    if (level != null && repository.division(d.code()).isPresent()) {
      errors.add(new FieldError("code", "division " + d.code() + " exists already"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    repository.insertDivision(d);
    return d;
  }

  @Transactional
  public Department addDepartment(Department d) {
    if (division(d.countyCode()).filter(x -> x.level() == DivisionLevel.COUNTY).isEmpty()) {
      throw new InvalidInputException("countyCode", "must be an existing county");
    }
    if (d.code() == null || !d.code().matches("[a-z0-9]{1,16}")) {
      throw new InvalidInputException("code", "must be 1-16 lower-case letters or digits");
    }
    if (repository.department(d.countyCode(), d.code()).isPresent()) {
      throw new InvalidInputException("code", "department " + d.code() + " exists already");
    }
    repository.insertDepartment(d);
    return d;
  }

  /** Creates or updates a member of staff; a new one needs a password. */
  @Transactional
  public StaffMember saveStaff(StaffMember s, String password) {
    if (s.username() == null || !s.username().matches("[a-z][a-z0-9._-]{1,63}")) {
      throw new InvalidInputException("username", "must be 2-64 lower-case letters, digits, '.', '_' or '-'");
    }
    if (s.name() == null || s.name().isBlank()) {
      throw new InvalidInputException("name", "must not be blank");
    }
    if (repository.staff(s.username()).isEmpty() && (password == null || password.isBlank())) {
      throw new InvalidInputException("password", "a new member of staff needs a password");
    }
    repository.upsertStaff(s);
    identity.saveUser(s, password);
    return s;
  }

  /** Gives a member of staff a role at a place; the engine group follows. */
  @Transactional
  public void assignRole(String username, RoleAssignment a) {
    if (repository.staff(username).isEmpty()) {
      throw new InvalidInputException("username", "no member of staff " + username);
    }
    String groupName = validate(a);
    if (repository.insertRole(username, a)) {
      identity.join(username, a.candidateGroup(), groupName);
    }
  }

  private String groupLabel(RoleAssignment a, String place) {
    String role =
        switch (a.role()) {
          case CASEWORKER -> "村社区工作者";
          case GRID_WORKER -> "网格员";
          case TOWNSHIP_OFFICER -> "乡镇街道";
          case DEPARTMENT_OFFICER -> "部门";
          case COMMANDER -> "应急指挥部";
          case HEAD -> "负责人";
          case SUPERVISOR -> "督查";
          case DESIGNER -> "流程设计";
          case ADMIN -> "系统管理员";
          case INTEGRATION -> "系统集成";
        };
    return place == null ? role : place + " · " + role;
  }

  private String validate(RoleAssignment a) {
    if (!a.role().isPlaced()) {
      return groupLabel(a, null);
    }
    Division division =
        division(a.divisionCode())
            .orElseThrow(() -> new InvalidInputException("divisionCode", "no division " + a.divisionCode()));
    if (a.role().level() != null && a.role().level() != division.level()) {
      throw new InvalidInputException(
          "divisionCode", a.role() + " is held at a " + a.role().level().name().toLowerCase() + ", not " + division.name());
    }
    if (a.role() == Role.HEAD) {
      // 乡镇/街道、村社区负责人 at their place; 部门负责人 at a county, for one of its departments
      if (division.level() == DivisionLevel.COUNTY && a.departmentCode() == null) {
        throw new InvalidInputException("departmentCode", "a head at a county heads one of its departments");
      }
      if (division.level() != DivisionLevel.COUNTY && a.departmentCode() != null) {
        throw new InvalidInputException("departmentCode", "only a county has departments, not " + division.name());
      }
    }
    if (a.role() == Role.DEPARTMENT_OFFICER || (a.role() == Role.HEAD && a.departmentCode() != null)) {
      Department dept =
          department(division.code(), a.departmentCode())
              .orElseThrow(() -> new InvalidInputException("departmentCode", "no department " + a.departmentCode()));
      return groupLabel(a, division.name() + dept.name());
    }
    return groupLabel(a, division.name());
  }
}
