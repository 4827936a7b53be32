package org.linli.assistance.payment;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;

/** One county's payments of one month and the bank file that carries them. */
public record PaymentBatch(
    long id, String countyCode, YearMonth period, String fileName, Path file, int lineCount, BigDecimal total,
    String checksum) {}
