package org.linli.emergency;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An emergency case's incident: what was reported, its level now and its figures as last reported. */
public record Incident(
    long caseId,
    IncidentReport.Phase phase,
    IncidentType type,
    IncidentSubtype subtype,
    IncidentLevel level,
    IncidentLevel gradedLevel,
    String gradingBasis,
    String divisionCode,
    String location,
    Double latitude,
    Double longitude,
    Instant occurredAt,
    String description,
    int dead,
    int injured,
    int missing,
    int trapped,
    int affected,
    BigDecimal estimatedLoss,
    boolean drill,
    List<String> participants,
    String reportedBy,
    Instant reportedAt,
    Instant allClearAt,
    Instant withdrawnAt) {

  /** 死亡 3 · 重伤 12 · 失踪 0 · 被困 0 · 受影响 40 · 损失 120万元 */
  public String figuresZh() {
    return "死亡 " + dead + " · 重伤 " + injured + " · 失踪 " + missing + " · 被困 " + trapped + " · 受影响 " + affected
        + " · 直接经济损失 " + estimatedLoss.stripTrailingZeros().toPlainString() + " 元";
  }

  public String figuresEn() {
    return "dead " + dead + ", seriously injured " + injured + ", missing " + missing + ", trapped " + trapped
        + ", affected " + affected + ", direct loss " + estimatedLoss.stripTrailingZeros().toPlainString() + " CNY";
  }
}
