package org.linli.casefile;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.linli.casefile.internal.CaseAttachmentRepository;
import org.linli.system.EngineClock;
import org.linli.system.InvalidInputException;
import org.linli.system.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files attached to a case. The type is decided by the file's first bytes, never by the name or
 * the type the client claims, and must be one of {@code linli.attachments.allowed-types}.
 * Access control is the caller's: check the case is visible to the user before listing or serving.
 */
@Service
public class CaseAttachments {

  /** The image types a resident may upload. */
  public static final List<String> IMAGE_TYPES = List.of("image/jpeg", "image/png", "image/webp");

  /** A stored file's bytes with what a download needs. */
  public record Content(CaseAttachment attachment, byte[] bytes) {}

  private final CaseAttachmentRepository repository;
  private final CaseFiles cases;
  private final AttachmentProperties properties;

  CaseAttachments(CaseAttachmentRepository repository, CaseFiles cases, AttachmentProperties properties) {
    this.repository = repository;
    this.cases = cases;
    this.properties = properties;
  }

  /**
   * Checks a file without storing it; returns its real media type. Refuses (field {@code file}) an
   * empty or too large file, or one whose bytes are not of an allowed type.
   *
   * @param accepted narrows the configured types for this caller, or null for all of them
   */
  public String check(String fileName, byte[] bytes, Collection<String> accepted) {
    if (bytes == null || bytes.length == 0) {
      throw new InvalidInputException("file", "文件是空的 the file is empty");
    }
    long max = properties.maxBytes().toBytes();
    if (bytes.length > max) {
      long mb = max / (1024 * 1024);
      throw new InvalidInputException("file", "文件不能超过 " + mb + " MB（" + max + " 字节） at most " + mb + " MB (" + max + " bytes)");
    }
    String type = sniff(bytes);
    boolean allowed = type != null && properties.allowedTypes().contains(type) && (accepted == null || accepted.contains(type));
    if (!allowed) {
      List<String> ok = properties.allowedTypes().stream().filter(t -> accepted == null || accepted.contains(t)).toList();
      throw new InvalidInputException("file", "不支持的文件类型 file type not accepted; accepted: " + String.join(", ", ok));
    }
    if (fileName != null && fileName.length() > 255) {
      throw new InvalidInputException("file", "文件名过长 file name too long");
    }
    return type;
  }

  /**
   * Stores a file on an existing case, in the caller's transaction. {@code contentType} is what the
   * client claimed; the stored type is the one the bytes show.
   */
  @Transactional
  public CaseAttachment add(long caseId, String fileName, String contentType, byte[] bytes, String uploadedBy,
      boolean visibleToResident) {
    String type = check(fileName, bytes, null);
    if (cases.byId(caseId).isEmpty()) {
      throw new NotFoundException("no case " + caseId);
    }
    String name = safeName(fileName, type);
    String by = uploadedBy == null || uploadedBy.isBlank() ? "resident" : uploadedBy;
    long id = repository.insert(caseId, name, type, bytes, by, EngineClock.now(), visibleToResident);
    return repository.byId(id).orElseThrow();
  }

  public List<CaseAttachment> list(long caseId) {
    return repository.byCase(caseId);
  }

  public Optional<CaseAttachment> byId(long id) {
    return repository.byId(id);
  }

  public Content content(long id) {
    CaseAttachment a = repository.byId(id).orElseThrow(() -> new NotFoundException("no attachment " + id));
    return new Content(a, repository.content(id));
  }

  /** The media type the bytes show, or null if none Linli knows. */
  static String sniff(byte[] b) {
    if (startsWith(b, 0, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
      return "image/jpeg";
    }
    if (startsWith(b, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
      return "image/png";
    }
    if (startsWith(b, 0, ascii("RIFF")) && startsWith(b, 8, ascii("WEBP"))) {
      return "image/webp";
    }
    if (startsWith(b, 0, ascii("%PDF-"))) {
      return "application/pdf";
    }
    return null;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static boolean startsWith(byte[] b, int offset, byte[] prefix) {
    return b.length >= offset + prefix.length
        && Arrays.equals(b, offset, offset + prefix.length, prefix, 0, prefix.length);
  }

  /** Keeps the base name only, without control or path characters, so downloads cannot be steered. */
  private static String safeName(String fileName, String type) {
    String name = fileName == null ? "" : fileName.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>:*?|]", "_").strip();
    if (name.isEmpty()) {
      name = "attachment" + switch (type) {
        case "image/jpeg" -> ".jpg";
        case "image/png" -> ".png";
        case "image/webp" -> ".webp";
        case "application/pdf" -> ".pdf";
        default -> "";
      };
    }
    return name.length() > 255 ? name.substring(0, 255) : name;
  }
}
