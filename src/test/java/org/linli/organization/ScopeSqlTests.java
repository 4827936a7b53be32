package org.linli.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.linli.organization.ScopeSql.Condition;

class ScopeSqlTests {

  final Scope township = new Scope(false, Set.of("330106001"), Set.of(new Scope.DepartmentRef("330106", "mz")));

  @Test
  void casesMatchDivisionsByLevelAndDepartmentsInTheirCounty() {
    Condition c = ScopeSql.cases("c", township);
    assertThat(c.sql()).isEqualTo("(c.township_code in (?) or (c.county_code = ? and c.department_code = ?))");
    assertThat(c.params()).containsExactly("330106001", "330106", "mz");
  }

  @Test
  void placesGiveDepartmentsTheirWholeCounty() {
    Condition c = ScopeSql.places(null, township);
    assertThat(c.sql()).isEqualTo("(county_code in (?) or township_code in (?))");
    assertThat(c.params()).containsExactly("330106", "330106001");
  }

  @Test
  void subtreesMatchByPrefix() {
    Condition c = ScopeSql.subtrees("h", township);
    assertThat(c.sql()).isEqualTo("(h.division_code like ? or h.division_code like ?)");
    assertThat(c.params()).containsExactly("330106%", "330106001%");
  }

  @Test
  void everythingAndNothingNeedNoQuery() {
    assertThat(ScopeSql.cases("c", Scope.EVERYTHING).isEverything()).isTrue();
    assertThat(ScopeSql.places("c", Scope.NOTHING).isNothing()).isTrue();
    assertThat(ScopeSql.subtrees("c", Scope.NOTHING).isNothing()).isTrue();
    assertThat(ScopeSql.cases("c", township).isNothing()).isFalse();
  }

  @Test
  void refusesAnAliasThatIsNotAName() {
    assertThatThrownBy(() -> ScopeSql.cases("c; drop table x", township)).isInstanceOf(IllegalArgumentException.class);
  }
}
