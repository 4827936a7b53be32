package org.linli.casefile;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.linli.security.LinliUser;
import org.linli.system.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Personal data of a case (a resident's name, phone, e-mail and address; a household's ID numbers
 * and incomes): shown whole only to staff who act on one of the case's open steps, masked to
 * everybody else, and every whole view is logged in {@code sensitive_access_log} with who, when,
 * what and why. An administrator reads the log ({@code GET /api/admin/personal-data-views}).
 */
@Service
public class PersonalData {

  /** What a view showed: a resident's contact data. */
  public static final String RESIDENT = "RESIDENT";

  /** One logged view. */
  public record View(long id, String caseNumber, String viewedBy, Instant viewedAt, String fieldGroup, String purpose,
      String outcome) {}

  private final JdbcClient jdbc;
  private final CaseFiles cases;

  PersonalData(JdbcClient jdbc, CaseFiles cases) {
    this.jdbc = jdbc;
    this.cases = cases;
  }

  /**
   * Why the user may see the case's personal data whole, as the log records it ("办理 签收 Sign
   * for"), or null when they may not: only staff an open step is for (its group, or the one user it
   * is offered to) act on the case, and
   * the need to know comes from that step, not from rank.
   */
  public String needToKnow(long caseId, LinliUser user) {
    return cases.openTasks(caseId).stream()
        .filter(t -> t.isFor(user))
        .map(t -> "办理 " + t.name())
        .findFirst().orElse(null);
  }

  /** Records a whole view, in the caller's transaction: a view without its row cannot happen. */
  public void viewed(long caseId, String username, String fieldGroup, String purpose) {
    jdbc.sql("insert into sensitive_access_log (accessed_by, accessed_at, case_id, field_group, purpose) values (?, ?, ?, ?, ?)")
        .params(cut(username, 64), Timestamp.from(EngineClock.now()), caseId, fieldGroup, cut(purpose, 200))
        .update();
  }

  /**
   * The log, newest first: views by staff and disclosures to other systems.
   *
   * @param caseNumber only this case, or null
   * @param viewedBy only this user (or system), or null
   */
  public Page<View> log(String caseNumber, String viewedBy, Instant from, Instant to, int page, int size) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    List<Object> params = new ArrayList<>();
    if (caseNumber != null) {
      where.append(" and c.case_number = ?");
      params.add(caseNumber);
    }
    if (viewedBy != null) {
      where.append(" and l.accessed_by = ?");
      params.add(viewedBy);
    }
    if (from != null) {
      where.append(" and l.accessed_at >= ?");
      params.add(Timestamp.from(from));
    }
    if (to != null) {
      where.append(" and l.accessed_at < ?");
      params.add(Timestamp.from(to));
    }
    String join = " from sensitive_access_log l join case_file c on c.id = l.case_id";
    long total = jdbc.sql("select count(*)" + join + where).params(params).query(Long.class).single();
    List<Object> paged = new ArrayList<>(params);
    paged.add(size);
    paged.add((long) page * size);
    List<View> items = jdbc.sql("select l.id, c.case_number, l.accessed_by, l.accessed_at, l.field_group, l.purpose, l.outcome"
            + join + where + " order by l.accessed_at desc, l.id desc limit ? offset ?")
        .params(paged)
        .query((rs, i) -> new View(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
            rs.getString(5), rs.getString(6), rs.getString(7)))
        .list();
    return new Page<>(items, page, size, total);
  }

  /** 138****5678; a short number is hidden whole. */
  public static String maskPhone(String phone) {
    if (phone == null) {
      return null;
    }
    return phone.length() < 7 ? "****" : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
  }

  /** 张*, 欧阳** : the family name stays. */
  public static String maskName(String name) {
    if (name == null || name.isBlank()) {
      return name;
    }
    String n = name.strip();
    int keep = n.codePointCount(0, n.length()) > 3 ? 2 : 1;
    int end = n.offsetByCodePoints(0, keep);
    return n.substring(0, end) + "*".repeat(Math.max(1, n.codePointCount(end, n.length())));
  }

  /** The first few characters (the street or village) and stars for the rest. */
  public static String maskAddress(String address) {
    if (address == null || address.isBlank()) {
      return address;
    }
    String a = address.strip();
    int visible = Math.min(4, a.codePointCount(0, a.length()) / 2);
    return a.substring(0, a.offsetByCodePoints(0, visible)) + "****";
  }

  /** l***@example.com */
  public static String maskEmail(String email) {
    if (email == null) {
      return null;
    }
    int at = email.indexOf('@');
    return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
