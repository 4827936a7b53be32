package org.linli.request;

import com.fasterxml.jackson.annotation.JsonIgnore;
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
    /**
     * Issued with each reply; the resident rates through a link that carries it. Never shown to
     * staff (never serialized): whoever holds it can rate in the resident's name.
     */
    @JsonIgnore String ratingToken,
    Instant createdAt) {}
