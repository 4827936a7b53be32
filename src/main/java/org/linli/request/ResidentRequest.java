package org.linli.request;

import java.math.BigDecimal;
import java.time.Instant;

/** What the resident told us, and the reply they were given. */
public record ResidentRequest(
    long caseId,
    String caseNumber,
    Channel channel,
    String description,
    String address,
    BigDecimal latitude,
    BigDecimal longitude,
    String residentName,
    String residentPhone,
    String residentEmail,
    String reply,
    Instant repliedAt,
    /** Issued with each reply; the resident rates through a link that carries it. */
    String ratingToken,
    Instant createdAt) {}
