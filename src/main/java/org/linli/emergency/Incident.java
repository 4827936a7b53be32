package org.linli.emergency;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An emergency case's incident: what was reported, its level now and its figures as last reported.
 * A figure nobody has reported yet is null (未报, unknown), which is not 0; grading counts it as 0.
 */
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
    Integer dead,
    Integer injured,
    Integer missing,
    Integer trapped,
    Integer affected,
    BigDecimal estimatedLoss,
    boolean drill,
    List<String> participants,
    String reportedBy,
    Instant reportedAt,
    Instant allClearAt,
    Instant withdrawnAt) {

  /** 死亡 3 · 重伤 12 · 失踪 未报 · 被困 0 · 受影响 40 · 直接经济损失 1200000 元 */
  public String figuresZh() {
    return "死亡 " + zh(dead) + " · 重伤 " + zh(injured) + " · 失踪 " + zh(missing) + " · 被困 " + zh(trapped) + " · 受影响 "
        + zh(affected) + " · 直接经济损失 " + (estimatedLoss == null ? UNKNOWN_ZH : plain(estimatedLoss) + " 元");
  }

  /** dead 3, seriously injured 12, missing not reported, … */
  public String figuresEn() {
    return "dead " + en(dead) + ", seriously injured " + en(injured) + ", missing " + en(missing) + ", trapped " + en(trapped)
        + ", affected " + en(affected) + ", direct loss " + (estimatedLoss == null ? UNKNOWN_EN : plain(estimatedLoss) + " CNY");
  }

  /** What a blank figure reads as. */
  public static final String UNKNOWN_ZH = "未报";
  public static final String UNKNOWN_EN = "not reported";

  private static String zh(Integer n) {
    return n == null ? UNKNOWN_ZH : n.toString();
  }

  private static String en(Integer n) {
    return n == null ? UNKNOWN_EN : n.toString();
  }

  private static String plain(BigDecimal amount) {
    return amount.stripTrailingZeros().toPlainString();
  }
}
