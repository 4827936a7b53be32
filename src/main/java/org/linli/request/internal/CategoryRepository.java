package org.linli.request.internal;

import java.util.List;
import java.util.Optional;
import org.linli.organization.Routing;
import org.linli.request.RequestCategory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CategoryRepository {

  private static final String COLUMNS =
      "code, name, name_en, type, handling_level, department_code, sort_order, active";

  private final JdbcClient jdbc;

  CategoryRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<RequestCategory> all() {
    return jdbc.sql("select " + COLUMNS + " from request_category order by sort_order, code").query(CategoryRepository::map).list();
  }

  public Optional<RequestCategory> byCode(String code) {
    return jdbc.sql("select " + COLUMNS + " from request_category where code = ?").param(code).query(CategoryRepository::map).optional();
  }

  public void save(RequestCategory c) {
    int updated =
        jdbc.sql("update request_category set name = ?, name_en = ?, type = ?, handling_level = ?, department_code = ?,"
                + " sort_order = ?, active = ? where code = ?")
            .params(c.name(), c.nameEn(), c.type().name(), c.handlingLevel().name(), c.departmentCode(),
                c.sortOrder(), c.active(), c.code())
            .update();
    if (updated == 0) {
      jdbc.sql("insert into request_category (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)")
          .params(c.code(), c.name(), c.nameEn(), c.type().name(), c.handlingLevel().name(), c.departmentCode(),
              c.sortOrder(), c.active())
          .update();
    }
  }

  private static RequestCategory map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    return new RequestCategory(rs.getString(1), rs.getString(2), rs.getString(3),
        RequestCategory.Type.valueOf(rs.getString(4)), Routing.Level.valueOf(rs.getString(5)), rs.getString(6),
        rs.getInt(7), rs.getBoolean(8));
  }
}
