package org.linli.organization.internal;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.linli.organization.Department;
import org.linli.organization.Division;
import org.linli.organization.DivisionKind;
import org.linli.organization.Role;
import org.linli.organization.RoleAssignment;
import org.linli.organization.StaffMember;
import org.linli.system.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class OrganizationRepository {

  private final JdbcClient jdbc;

  OrganizationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public boolean hasDivisions() {
    return jdbc.sql("select count(*) from division").query(Long.class).single() > 0;
  }

  public Optional<Division> division(String code) {
    return jdbc.sql("select code, name, kind, parent_code from division where code = ?")
        .param(code)
        .query(OrganizationRepository::division)
        .optional();
  }

  public List<Division> divisions() {
    return jdbc.sql("select code, name, kind, parent_code from division order by code")
        .query(OrganizationRepository::division)
        .list();
  }

  /** The divisions of these codes, in one query; unknown codes are left out. */
  public List<Division> divisions(java.util.Collection<String> codes) {
    if (codes.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select code, name, kind, parent_code from division where code in ("
            + String.join(", ", java.util.Collections.nCopies(codes.size(), "?")) + ") order by code")
        .params(List.copyOf(codes))
        .query(OrganizationRepository::division)
        .list();
  }

  public void insertDivision(Division d) {
    jdbc.sql("insert into division (code, name, kind, parent_code, created_at) values (?, ?, ?, ?, ?)")
        .params(d.code(), d.name(), d.kind().name(), d.parentCode(), now())
        .update();
  }

  public Optional<Department> department(String countyCode, String code) {
    return jdbc.sql("select county_code, code, name from department where county_code = ? and code = ?")
        .params(countyCode, code)
        .query((rs, i) -> new Department(rs.getString(1), rs.getString(2), rs.getString(3)))
        .optional();
  }

  public List<Department> departments() {
    return jdbc.sql("select county_code, code, name from department order by county_code, code")
        .query((rs, i) -> new Department(rs.getString(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  public void insertDepartment(Department d) {
    jdbc.sql("insert into department (county_code, code, name) values (?, ?, ?)")
        .params(d.countyCode(), d.code(), d.name())
        .update();
  }

  public Optional<StaffMember> staff(String username) {
    return jdbc.sql("select username, name, email, phone, active from staff where username = ?")
        .param(username)
        .query(OrganizationRepository::staff)
        .optional();
  }

  public List<StaffMember> activeStaff() {
    return jdbc.sql("select username, name, email, phone, active from staff where active order by name, username")
        .query(OrganizationRepository::staff)
        .list();
  }

  public void upsertStaff(StaffMember s) {
    int updated =
        jdbc.sql("update staff set name = ?, email = ?, phone = ?, active = ? where username = ?")
            .params(s.name(), s.email(), s.phone(), s.active(), s.username())
            .update();
    if (updated == 0) {
      jdbc.sql("insert into staff (username, name, email, phone, active, created_at) values (?, ?, ?, ?, ?, ?)")
          .params(s.username(), s.name(), s.email(), s.phone(), s.active(), now())
          .update();
    }
  }

  public List<RoleAssignment> roles(String username) {
    return jdbc.sql("select role, division_code, department_code from staff_role where username = ? order by id")
        .param(username)
        .query((rs, i) -> new RoleAssignment(Role.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3)))
        .list();
  }

  public boolean insertRole(String username, RoleAssignment a) {
    boolean exists =
        jdbc.sql("select count(*) from staff_role where username = ? and candidate_group = ?")
                .params(username, a.candidateGroup())
                .query(Long.class)
                .single()
            > 0;
    if (exists) {
      return false;
    }
    jdbc.sql(
            "insert into staff_role (username, role, division_code, department_code, candidate_group)"
                + " values (?, ?, ?, ?, ?)")
        .params(username, a.role().name(), a.divisionCode(), a.departmentCode(), a.candidateGroup())
        .update();
    return true;
  }

  public List<StaffMember> membersOf(String candidateGroup) {
    return jdbc.sql(
            "select s.username, s.name, s.email, s.phone, s.active from staff s"
                + " join staff_role r on r.username = s.username"
                + " where r.candidate_group = ? and s.active order by s.username")
        .param(candidateGroup)
        .query(OrganizationRepository::staff)
        .list();
  }

  private static Division division(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    return new Division(rs.getString(1), rs.getString(2), DivisionKind.valueOf(rs.getString(3)), rs.getString(4));
  }

  private static StaffMember staff(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    return new StaffMember(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5));
  }

  private static Timestamp now() {
    return Timestamp.from(EngineClock.now());
  }
}
