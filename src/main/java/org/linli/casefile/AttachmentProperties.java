package org.linli.casefile;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of case attachments.
 *
 * @param maxBytes largest file accepted
 * @param allowedTypes media types accepted at all (each checked by the file's first bytes);
 *     callers may narrow them further, as the resident portal does to images
 */
@ConfigurationProperties("linli.attachments")
public record AttachmentProperties(
    @DefaultValue("5MB") DataSize maxBytes,
    @DefaultValue({"image/jpeg", "image/png", "image/webp", "application/pdf"}) List<String> allowedTypes) {}
