package org.linli.assistance.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.linli.assistance.Assets;
import org.linli.assistance.Employment;
import org.linli.assistance.EntryChannel;
import org.linli.assistance.HouseholdApplication;
import org.linli.assistance.HouseholdMember;
import org.linli.assistance.Programme;
import org.linli.assistance.Relation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** assistance_application and household_member. */
@Repository
public class AssistanceApplicationRepository {

  /** An application as stored, with its case and who entered it. */
  public record Stored(long id, long caseId, HouseholdApplication application, String createdBy, Instant createdAt) {}

  private final JdbcClient jdbc;

  AssistanceApplicationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public boolean existsForCase(long caseId) {
    return jdbc.sql("select count(*) from assistance_application where case_id = ?").param(caseId)
        .query(Long.class).single() > 0;
  }

  public long insert(long caseId, HouseholdApplication a, String createdBy, Instant at) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    Assets s = a.assets();
    jdbc.sql("insert into assistance_application (case_id, programme, division_code, reason, channel, applicant_email,"
            + " applicant_phone, dwellings, housing_area, vehicles, vehicle_value, savings, has_business, business_value,"
            + " created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(caseId, a.programme().name(), a.divisionCode(), a.reason(), a.channel().name(), a.applicantEmail(),
            a.applicantPhone(), s.dwellings(), s.housingArea(), s.vehicles(), s.vehicleValue(), s.savings(), s.business(),
            s.businessValue(), createdBy, Timestamp.from(at))
        .update(key, "id");
    long id = key.getKey().longValue();
    List<HouseholdMember> members = a.members();
    for (int i = 0; i < members.size(); i++) {
      HouseholdMember m = members.get(i);
      jdbc.sql("insert into household_member (application_id, member_no, name, id_number, relation, birth_date,"
              + " disability_grade, employment, monthly_income) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(id, i, m.name(), m.idNumber(), m.relation().name(), m.birthDate(), m.disability(),
              m.employment().name(), m.monthlyIncome())
          .update();
    }
    return id;
  }

  public Optional<Stored> byCase(long caseId) {
    return jdbc.sql("select id, case_id, programme, division_code, reason, channel, applicant_email, applicant_phone,"
            + " dwellings, housing_area, vehicles, vehicle_value, savings, has_business, business_value, created_by,"
            + " created_at from assistance_application where case_id = ?")
        .param(caseId)
        .query((rs, i) -> row(rs))
        .optional()
        .map(s -> new Stored(s.id(), s.caseId(), withMembers(s.application(), members(s.id())), s.createdBy(), s.createdAt()));
  }

  private List<HouseholdMember> members(long applicationId) {
    return jdbc.sql("select name, id_number, relation, birth_date, disability_grade, employment, monthly_income"
            + " from household_member where application_id = ? order by member_no")
        .param(applicationId)
        .query((rs, i) -> new HouseholdMember(rs.getString(1), rs.getString(2), Relation.valueOf(rs.getString(3)),
            rs.getDate(4).toLocalDate(), rs.getInt(5), Employment.valueOf(rs.getString(6)), rs.getBigDecimal(7)))
        .list();
  }

  private static Stored row(ResultSet rs) throws SQLException {
    Assets assets = new Assets(rs.getInt(9), rs.getBigDecimal(10), rs.getInt(11), rs.getBigDecimal(12),
        rs.getBigDecimal(13), rs.getBoolean(14), rs.getBigDecimal(15));
    HouseholdApplication a = new HouseholdApplication(Programme.valueOf(rs.getString(3)), rs.getString(4),
        EntryChannel.valueOf(rs.getString(6)), rs.getString(5), rs.getString(7), rs.getString(8), List.of(), assets);
    return new Stored(rs.getLong(1), rs.getLong(2), a, rs.getString(16), rs.getTimestamp(17).toInstant());
  }

  private static HouseholdApplication withMembers(HouseholdApplication a, List<HouseholdMember> members) {
    return new HouseholdApplication(a.programme(), a.divisionCode(), a.channel(), a.reason(), a.applicantEmail(),
        a.applicantPhone(), List.copyOf(members), a.assets());
  }
}
