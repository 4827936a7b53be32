package org.linli.supervision.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linli.organization.Scope;
import org.linli.organization.ScopeSql;
import org.linli.organization.Unit;
import org.linli.supervision.CardColour;
import org.linli.supervision.UnitCardCount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Cards ({@code supervision_card}) and the cases they name ({@code supervision_card_case}). */
@Repository
public class CardRepository {

  /** A card's own row, without names or cases. */
  public record Row(long id, CardColour colour, String divisionCode, String departmentCode, String reason, String issuedBy,
      Instant issuedAt) {}

  /** A case a card names, with its title when the card was issued. */
  public record Named(long cardId, long caseId, String caseNumber, String title) {}

  private static final String COLUMNS = "k.id, k.colour, k.division_code, k.department_code, k.reason, k.issued_by, k.issued_at";

  private final JdbcClient jdbc;

  CardRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records a card; {@code submission} (may be null) is unique, so a second insert with the same key
   * fails with a {@link org.springframework.dao.DuplicateKeyException} even when it races the first.
   */
  public long insert(CardColour colour, Unit unit, String reason, String issuedBy, Instant at, String submission) {
    var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql("insert into supervision_card (colour, county_code, township_code, division_code, department_code, reason,"
            + " issued_by, issued_at, submission) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(colour.name(), unit.countyCode(), unit.townshipCode(), unit.divisionCode(), unit.departmentCode(), reason,
            issuedBy, Timestamp.from(at), submission)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  /** The id of the card a user issued with this submission key, if any. */
  public Optional<Long> bySubmission(String submission, String issuedBy) {
    return jdbc.sql("select id from supervision_card where submission = ? and issued_by = ?")
        .params(submission, issuedBy)
        .query(Long.class)
        .optional();
  }

  public void name(long cardId, long caseId, String caseNumber, String title) {
    jdbc.sql("insert into supervision_card_case (card_id, case_id, case_number, case_title) values (?, ?, ?, ?)")
        .params(cardId, caseId, caseNumber, title)
        .update();
  }

  /** The cards the scope sees (those of units in its area, or to its department), newest first. */
  public List<Row> list(Scope scope, int page, int size) {
    ScopeSql.Condition seen = ScopeSql.cases("k", scope);
    if (seen.isNothing()) {
      return List.of();
    }
    return jdbc.sql("select " + COLUMNS + " from supervision_card k where " + seen.sql()
            + " order by k.issued_at desc, k.id desc limit ? offset ?")
        .params(seen.params())
        .param(size)
        .param((long) page * size)
        .query(CardRepository::row)
        .list();
  }

  public long count(Scope scope) {
    ScopeSql.Condition seen = ScopeSql.cases("k", scope);
    if (seen.isNothing()) {
      return 0;
    }
    return jdbc.sql("select count(*) from supervision_card k where " + seen.sql()).params(seen.params()).query(Long.class)
        .single();
  }

  /** The card, if the scope sees it. */
  public Optional<Row> byId(long id, Scope scope) {
    ScopeSql.Condition seen = ScopeSql.cases("k", scope);
    if (seen.isNothing()) {
      return Optional.empty();
    }
    List<Object> params = new ArrayList<>(seen.params());
    params.add(id);
    return jdbc.sql("select " + COLUMNS + " from supervision_card k where " + seen.sql() + " and k.id = ?")
        .params(params)
        .query(CardRepository::row)
        .optional();
  }

  /** The cases each card names, in the order they were named. */
  public Map<Long, List<Named>> cases(List<Long> cardIds) {
    Map<Long, List<Named>> out = new LinkedHashMap<>();
    if (cardIds.isEmpty()) {
      return out;
    }
    String in = String.join(", ", java.util.Collections.nCopies(cardIds.size(), "?"));
    jdbc.sql("select card_id, case_id, case_number, case_title from supervision_card_case where card_id in (" + in + ")"
            + " order by card_id, case_number")
        .params(new ArrayList<Object>(cardIds))
        .query((rs, i) -> new Named(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
        .list()
        .forEach(n -> out.computeIfAbsent(n.cardId(), k -> new ArrayList<>()).add(n));
    return out;
  }

  /** Cards of each colour per unit the scope sees, issued in [from, to). */
  public List<UnitCardCount> countByUnit(Scope scope, Instant from, Instant to) {
    ScopeSql.Condition seen = ScopeSql.cases("k", scope);
    if (seen.isNothing()) {
      return List.of();
    }
    List<Object> params = new ArrayList<>(seen.params());
    params.add(Timestamp.from(from));
    params.add(Timestamp.from(to));
    return jdbc.sql("select k.division_code, k.department_code,"
            + " sum(case when k.colour = 'YELLOW' then 1 else 0 end), sum(case when k.colour = 'RED' then 1 else 0 end)"
            + " from supervision_card k where " + seen.sql() + " and k.issued_at >= ? and k.issued_at < ?"
            + " group by k.division_code, k.department_code order by k.division_code, k.department_code")
        .params(params)
        .query((rs, i) -> new UnitCardCount(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
        .list();
  }

  private static Row row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    return new Row(rs.getLong(1), CardColour.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getTimestamp(7).toInstant());
  }
}
