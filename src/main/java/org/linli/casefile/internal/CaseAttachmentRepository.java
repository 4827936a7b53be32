package org.linli.casefile.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.linli.casefile.CaseAttachment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class CaseAttachmentRepository {

  private static final String COLUMNS =
      "id, case_id, file_name, content_type, size_bytes, uploaded_by, uploaded_at, visible_to_resident";

  private final JdbcClient jdbc;

  CaseAttachmentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long insert(long caseId, String fileName, String contentType, byte[] content, String uploadedBy, Instant at,
      boolean visibleToResident) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("insert into case_attachment (case_id, file_name, content_type, size_bytes, content, uploaded_by,"
            + " uploaded_at, visible_to_resident) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(caseId, fileName, contentType, (long) content.length, content, uploadedBy, Timestamp.from(at),
            visibleToResident)
        .update(key, "id");
    return key.getKey().longValue();
  }

  public Optional<CaseAttachment> byId(long id) {
    return jdbc.sql("select " + COLUMNS + " from case_attachment where id = ?").param(id)
        .query(CaseAttachmentRepository::map).optional();
  }

  public List<CaseAttachment> byCase(long caseId) {
    return jdbc.sql("select " + COLUMNS + " from case_attachment where case_id = ? order by id").param(caseId)
        .query(CaseAttachmentRepository::map).list();
  }

  public byte[] content(long id) {
    return jdbc.sql("select content from case_attachment where id = ?").param(id)
        .query((rs, i) -> rs.getBytes(1)).single();
  }

  private static CaseAttachment map(ResultSet rs, int i) throws SQLException {
    return new CaseAttachment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
        rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getBoolean(8));
  }
}
