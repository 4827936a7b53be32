package org.linli.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CandidateGroupsTests {

  final Routing routing = new Routing();

  @Test
  void namesEachRoleAtItsPlaceAndReadsItBack() {
    assertThat(CandidateGroups.caseworkers("330106001001")).isEqualTo("caseworker@330106001001");
    assertThat(CandidateGroups.township("330106001")).isEqualTo("township@330106001");
    assertThat(CandidateGroups.department("mz", "330106")).isEqualTo("dept-mz@330106");
    assertThat(CandidateGroups.supervisors("330106")).isEqualTo("supervisor@330106");
    assertThat(CandidateGroups.of(RoleAssignment.of(Role.GRID_WORKER, "330106002001"))).isEqualTo("gridworker@330106002001");
    assertThat(CandidateGroups.of(RoleAssignment.of(Role.ADMIN, null))).isEqualTo("camunda-admin");

    assertThat(CandidateGroups.parse("dept-zj@330106")).contains(RoleAssignment.department("330106", "zj"));
    assertThat(CandidateGroups.parse("caseworker@330106001001")).contains(RoleAssignment.of(Role.CASEWORKER, "330106001001"));
    assertThat(CandidateGroups.parse("designer")).contains(new RoleAssignment(Role.DESIGNER, null, null));
    // wrong level for the role, unknown role, malformed
    assertThat(CandidateGroups.parse("caseworker@330106001")).isEmpty();
    assertThat(CandidateGroups.parse("mayor@330106")).isEmpty();
    assertThat(CandidateGroups.parse("township@33010600")).isEmpty();
    assertThat(CandidateGroups.parse("dept@330106")).isEmpty();
  }

  @Test
  void headsAreHeldAtATownshipOrVillageOrForADepartmentOfACounty() {
    assertThat(CandidateGroups.heads("330106002")).isEqualTo("head@330106002");
    assertThat(CandidateGroups.departmentHeads("mz", "330106")).isEqualTo("head-mz@330106");
    assertThat(RoleAssignment.departmentHead("330106", "mz").candidateGroup()).isEqualTo("head-mz@330106");
    assertThat(CandidateGroups.parse("head@330106002")).contains(RoleAssignment.of(Role.HEAD, "330106002"));
    assertThat(CandidateGroups.parse("head@330106002001")).contains(RoleAssignment.of(Role.HEAD, "330106002001"));
    assertThat(CandidateGroups.parse("head-mz@330106")).contains(RoleAssignment.departmentHead("330106", "mz"));
    assertThat(CandidateGroups.parse("head@330106")).as("a county's head heads a department").isEmpty();
    assertThat(CandidateGroups.parse("head-mz@330106002")).as("only a county has departments").isEmpty();
    assertThatThrownBy(() -> CandidateGroups.heads("330106")).isInstanceOf(IllegalArgumentException.class);

    // a township's head sees its area; a department's head its cases in the county
    Scope township = Scope.of(List.of(RoleAssignment.of(Role.HEAD, "330106002")));
    assertThat(township.covers("330106002001", null)).isTrue();
    assertThat(township.covers("330106003001", null)).isFalse();
    Scope department = Scope.of(List.of(RoleAssignment.departmentHead("330106", "mz")));
    assertThat(department.covers("330106003001", "mz")).isTrue();
    assertThat(department.covers("330106003001", null)).isFalse();

    // units: their heads, who stands in without one, and their own work
    Unit village = Unit.parse("330106002001").orElseThrow();
    assertThat(village.headGroup()).isEqualTo("head@330106002001");
    assertThat(village.officerGroup()).isEqualTo("caseworker@330106002001");
    assertThat(village.workGroups()).containsExactly("caseworker@330106002001", "gridworker@330106002001");
    Unit mz = Unit.parse("330106:mz").orElseThrow();
    assertThat(mz.headGroup()).isEqualTo("head-mz@330106");
    assertThat(mz.workGroups()).containsExactly("dept-mz@330106");
    assertThat(mz.key()).isEqualTo("330106:mz");
    assertThat(Unit.parse("330106")).as("a county is no unit").isEmpty();
    assertThat(Unit.parse("330106002:mz")).isEmpty();
    assertThat(Unit.parse("x")).isEmpty();
    assertThat(Unit.parse(null)).isEmpty();
  }

  @Test
  void routesByLevelFromTheCasePlace() {
    assertThat(routing.forLevel("VILLAGE", "330106002001", null)).isEqualTo("caseworker@330106002001");
    assertThat(routing.forLevel("TOWNSHIP", "330106002001", null)).isEqualTo("township@330106002");
    assertThat(routing.forLevel("DEPARTMENT", "330106002001", "zj")).isEqualTo("dept-zj@330106");
    assertThat(routing.supervisor("330106002001")).isEqualTo("supervisor@330106");
    assertThatThrownBy(() -> routing.forLevel("DEPARTMENT", "330106002001", null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> routing.village("330106002")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void scopeCoversTheSubtreeAndTheDepartment() {
    Scope township = Scope.of(List.of(RoleAssignment.of(Role.TOWNSHIP_OFFICER, "330106002")));
    assertThat(township.covers("330106002001", null)).isTrue();
    assertThat(township.covers("330106001001", null)).isFalse();

    Scope village = Scope.of(List.of(RoleAssignment.of(Role.CASEWORKER, "330106002001")));
    assertThat(village.covers("330106002001", null)).isTrue();
    assertThat(village.covers("330106002002", null)).isFalse();

    Scope dept = Scope.of(List.of(RoleAssignment.department("330106", "zj")));
    assertThat(dept.covers("330106001001", "zj")).isTrue();
    assertThat(dept.covers("330106001001", "mz")).isFalse();
    assertThat(dept.covers("330107001001", "zj")).as("same department code, other county").isFalse();

    assertThat(Scope.of(List.of(new RoleAssignment(Role.ADMIN, null, null))).covers("999999999999", null)).isTrue();
    assertThat(Scope.of(List.of(new RoleAssignment(Role.DESIGNER, null, null))).isEmpty()).isTrue();
  }
}
