package org.linli.casefile;

import java.time.Instant;

/** A file attached to a case, without its content (see {@link CaseAttachments#content(long)}). */
public record CaseAttachment(
    long id,
    long caseId,
    String fileName,
    String contentType,
    long sizeBytes,
    String uploadedBy,
    Instant uploadedAt,
    boolean visibleToResident) {}
