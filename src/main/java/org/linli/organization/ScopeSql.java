package org.linli.organization;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The SQL condition that keeps a query to the rows a {@link Scope} sees. Every repository that
 * narrows by area uses it, so that the rule is written once. Values are always bound, never
 * written into the SQL.
 *
 * <p>Two table shapes are served: tables that record a row's place at each level
 * ({@code county_code}, {@code township_code}, {@code division_code}) match by equality, each
 * served by an index; tables that record only {@code division_code} match by code prefix.
 */
public final class ScopeSql {

  /** A condition and its parameters, in order. */
  public record Condition(String sql, List<Object> params) {

    /** The scope sees every row: no need to narrow. */
    public static final Condition EVERYTHING = new Condition("1 = 1", List.of());

    /** The scope sees no row: the query can be skipped. */
    public static final Condition NOTHING = new Condition("1 = 0", List.of());

    public Condition {
      params = Collections.unmodifiableList(new ArrayList<>(params));
    }

    public boolean isEverything() {
      return equals(EVERYTHING);
    }

    public boolean isNothing() {
      return equals(NOTHING);
    }
  }

  private ScopeSql() {}

  /**
   * Cases in the scope, as {@link Scope#covers} tells: under one of its divisions, or handled by
   * one of its departments in that department's county. The table has the three level columns
   * and {@code department_code}.
   */
  public static Condition cases(String alias, Scope scope) {
    if (scope.everything()) {
      return Condition.EVERYTHING;
    }
    Terms terms = levels(alias, scope, Set.of());
    for (Scope.DepartmentRef d : scope.departments()) {
      terms.add("(" + column(alias, "county_code") + " = ? and " + column(alias, "department_code") + " = ?)",
          d.countyCode(), d.departmentCode());
    }
    return terms.condition();
  }

  /**
   * Rows whose place lies in the scope's area, as {@link Scope#includesPlace} tells: under one of
   * its divisions, or anywhere in the county of one of its departments. The table has the three
   * level columns.
   */
  public static Condition places(String alias, Scope scope) {
    if (scope.everything()) {
      return Condition.EVERYTHING;
    }
    return levels(alias, scope, departmentCounties(scope)).condition();
  }

  /**
   * Like {@link #places}, for a table that has only {@code division_code}: a prefix match for each
   * division and for each department's county.
   */
  public static Condition subtrees(String alias, Scope scope) {
    if (scope.everything()) {
      return Condition.EVERYTHING;
    }
    Set<String> codes = new TreeSet<>(scope.divisionCodes());
    codes.addAll(departmentCounties(scope));
    Terms terms = new Terms();
    for (String code : codes) {
      terms.add(column(alias, "division_code") + " like ?", code + "%");
    }
    return terms.condition();
  }

  /** One {@code in} list per level that has codes; the extra counties join the county level. */
  private static Terms levels(String alias, Scope scope, Set<String> moreCounties) {
    Terms terms = new Terms();
    for (DivisionLevel level : DivisionLevel.values()) {
      Set<String> codes = new TreeSet<>(scope.codesAt(level));
      if (level == DivisionLevel.COUNTY) {
        codes.addAll(moreCounties);
      }
      if (!codes.isEmpty()) {
        terms.add(column(alias, levelColumn(level)) + " in (" + String.join(", ", Collections.nCopies(codes.size(), "?"))
            + ")", codes.toArray());
      }
    }
    return terms;
  }

  private static Set<String> departmentCounties(Scope scope) {
    Set<String> counties = new TreeSet<>();
    scope.departments().forEach(d -> counties.add(d.countyCode()));
    return counties;
  }

  /** The column that holds a row's division at this level. */
  private static String levelColumn(DivisionLevel level) {
    return switch (level) {
      case COUNTY -> "county_code";
      case TOWNSHIP -> "township_code";
      case VILLAGE -> "division_code";
    };
  }

  private static String column(String alias, String name) {
    if (alias == null || alias.isEmpty()) {
      return name;
    }
    if (!alias.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("not a table alias: " + alias);
    }
    return alias + "." + name;
  }

  /** Terms or-ed together; none means the scope sees nothing. */
  private static final class Terms {
    private final List<String> sql = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    void add(String term, Object... values) {
      sql.add(term);
      params.addAll(Arrays.asList(values));
    }

    Condition condition() {
      return sql.isEmpty() ? Condition.NOTHING : new Condition("(" + String.join(" or ", sql) + ")", params);
    }
  }
}
