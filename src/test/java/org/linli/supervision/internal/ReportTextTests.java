package org.linli.supervision.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.supervision.internal.FigureTables.Cell;
import org.linli.supervision.internal.FigureTables.Kind;
import org.linli.supervision.internal.FigureTables.Table;

/** Text that others typed (names of places) stays text: in a CSV cell and in the report's print styles. */
class ReportTextTests {

  @Test
  void aCsvCellThatAFormulaCouldStartWithIsDefused() {
    for (String formula : List.of("=1+2", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1")) {
      assertThat(SheetWriter.defused(formula)).isEqualTo("'" + formula);
    }
    assertThat(SheetWriter.defused("桃源镇")).isEqualTo("桃源镇");
    assertThat(SheetWriter.defused("")).isEmpty();

    Table t = new Table("s", "标题, \"引号\"", List.of("名称", "受理量", "办结率"), List.of(
        List.of(new Cell(Kind.TEXT, "=HYPERLINK(\"x\")"), new Cell(Kind.COUNT, 3L), new Cell(Kind.RATE, 2.0 / 3)),
        List.of(new Cell(Kind.TEXT, "两行\n名称"), new Cell(Kind.COUNT, 0L), new Cell(Kind.RATE, null))));
    assertThat(new String(SheetWriter.csv(t), StandardCharsets.UTF_8)).isEqualTo(
        "\uFEFF\"标题, \"\"引号\"\"\"\r\n名称,受理量,办结率\r\n\"'=HYPERLINK(\"\"x\"\")\",3,66.7%\r\n\"两行\n名称\",0,\r\n");
  }

  @Test
  void aNameInThePrintStylesCannotLeaveItsStringOrTheStyleElement() {
    assertThat(SupervisionReportController.cssString("桃源镇 督办月报")).isEqualTo("\"桃源镇 督办月报\"");
    String evil = SupervisionReportController.cssString("x\"; } </style><script>alert(1)</script> \\");
    assertThat(evil).startsWith("\"").endsWith("\"");
    assertThat(evil.substring(1, evil.length() - 1)).doesNotContain("\"", "<", ">");
    assertThat(SupervisionReportController.pageOf("第 \u0000 页，共 \u0001 页"))
        .isEqualTo("\"第 \" counter(page) \" 页，共 \" counter(pages) \" 页\"");
    assertThat(SupervisionReportController.pageOf("Page \u0000 of \u0001")).isEqualTo("\"Page \" counter(page) \" of \" counter(pages)");
  }
}
