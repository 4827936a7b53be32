package org.linli.approval.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.linli.approval.ApprovalLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * approval_round and approval_review: each call of verification-approval with the levels its caller
 * set, the level it has reached, and every decision taken. The approval's path (how many levels,
 * who decides, how many must) is read from here, never from process variables.
 */
@Repository
public class ApprovalRounds {

  /** A call of the approval: its levels and the index of the level open now (-1 before the first). */
  public record Round(long id, long caseId, String processInstanceId, List<ApprovalLevel> levels, int levelIndex) {

    public ApprovalLevel level() {
      return levels.get(levelIndex);
    }

    public boolean hasNextLevel() {
      return levelIndex + 1 < levels.size();
    }
  }

  /** One reviewer's decision on one level. */
  public record Review(String reviewer, String decision, String comments, String missing, Instant decidedAt) {}

  private final JdbcClient jdbc;

  ApprovalRounds(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long start(long caseId, String processInstanceId, List<ApprovalLevel> levels, Instant at) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("insert into approval_round (case_id, process_instance_id, levels, level_index, started_at) values (?, ?, ?, -1, ?)")
        .params(caseId, processInstanceId, ApprovalLevel.toJson(levels), Timestamp.from(at))
        .update(key, "id");
    return key.getKey().longValue();
  }

  Optional<Round> byProcessInstance(String processInstanceId) {
    return jdbc.sql("select id, case_id, process_instance_id, levels, level_index from approval_round where process_instance_id = ?")
        .param(processInstanceId)
        .query((rs, i) -> new Round(rs.getLong(1), rs.getLong(2), rs.getString(3), ApprovalLevel.parse(rs.getString(4)), rs.getInt(5)))
        .optional();
  }

  /** The case's round under way, if any (a case runs one approval at a time). */
  public Optional<Round> open(long caseId) {
    return jdbc.sql("select id, case_id, process_instance_id, levels, level_index from approval_round"
            + " where case_id = ? and ended_at is null order by id desc")
        .param(caseId)
        .query((rs, i) -> new Round(rs.getLong(1), rs.getLong(2), rs.getString(3), ApprovalLevel.parse(rs.getString(4)), rs.getInt(5)))
        .list().stream().findFirst();
  }

  void levelOpened(long roundId, int index) {
    jdbc.sql("update approval_round set level_index = ? where id = ?").params(index, roundId).update();
  }

  void ended(long roundId, Instant at) {
    jdbc.sql("update approval_round set ended_at = ? where id = ?").params(Timestamp.from(at), roundId).update();
  }

  public void review(long roundId, int levelIndex, Review r) {
    jdbc.sql("insert into approval_review (round_id, level_index, reviewer, decision, comments, missing, decided_at)"
            + " values (?, ?, ?, ?, ?, ?, ?)")
        .params(roundId, levelIndex, r.reviewer(), r.decision(), r.comments(), r.missing(), Timestamp.from(r.decidedAt()))
        .update();
  }

  public List<Review> reviews(long roundId, int levelIndex) {
    return jdbc.sql("select reviewer, decision, comments, missing, decided_at from approval_review"
            + " where round_id = ? and level_index = ? order by id")
        .params(roundId, levelIndex)
        .query((rs, i) -> new Review(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getTimestamp(5).toInstant()))
        .list();
  }
}
