package org.linli.assistance.payment.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import org.linli.assistance.payment.internal.PaymentRepository.LineRow;

/**
 * The one-card (一卡通) bank file: UTF-8 without BOM, LF line ends, a header line, one line per
 * household, then {@code TOTAL,<count>,<sum>,<sha256>} where the hash is over the bytes of every
 * line before it (header included, each with its LF).
 */
public final class PaymentFiles {

  public static final String HEADER = "line_no,county_code,township_code,village_code,case_number,payee_name,payee_id_masked,amount,pay_period";

  private PaymentFiles() {}

  public static String fileName(String county, YearMonth period) {
    return "yikatong-" + county + "-" + EntitlementRepository.period(period) + ".csv";
  }

  /** The lines before the TOTAL line, each ending in LF. */
  public static String body(String county, YearMonth period, List<LineRow> lines) {
    StringBuilder b = new StringBuilder(HEADER).append('\n');
    int p = EntitlementRepository.period(period);
    for (LineRow l : lines) {
      String village = l.divisionCode();
      b.append(l.lineNo()).append(',')
          .append(county).append(',')
          .append(village.length() >= 9 ? village.substring(0, 9) : "").append(',')
          .append(village).append(',')
          .append(csv(l.caseNumber())).append(',')
          .append(csv(l.payeeName())).append(',')
          .append(csv(l.payeeIdMasked())).append(',')
          .append(l.amount().setScale(2).toPlainString()).append(',')
          .append(p).append('\n');
    }
    return b.toString();
  }

  public static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static BigDecimal total(List<LineRow> lines) {
    return lines.stream().map(LineRow::amount).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
  }

  public static String totalLine(int count, BigDecimal total, String checksum) {
    return "TOTAL," + count + "," + total.setScale(2).toPlainString() + "," + checksum + "\n";
  }

  /** Writes through a temporary file and a move, so a reader never sees half a file. */
  public static Path write(Path directory, String fileName, String content) {
    try {
      Files.createDirectories(directory);
      Path tmp = Files.createTempFile(directory, fileName, ".tmp");
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      Path target = directory.resolve(fileName);
      try {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (java.nio.file.AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write payment file " + fileName, e);
    }
  }

  private static String csv(String s) {
    if (s == null) {
      return "";
    }
    return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
