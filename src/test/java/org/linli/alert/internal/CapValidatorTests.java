package org.linli.alert.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.alert.InvalidAlertException;
import org.linli.alert.internal.CapAlert.Area;
import org.linli.alert.internal.CapAlert.Info;
import org.linli.alert.internal.CapAlert.Pair;

/** The writer's documents pass the bundled OASIS schema; broken ones and CAP rule breaks are refused. */
class CapValidatorTests {

  final CapWriter writer = new CapWriter();
  final CapValidator validator = new CapValidator();

  static CapAlert alert(String identifier, String msgType, String scope, String restriction, String addresses,
      String references, String circle) {
    Info info = new Info("zh-CN", "Geo", "自然灾害·滑坡", List.of("Prepare", "Monitor"), "Expected", "Moderate", "Likely",
        List.of(new Pair("linli:subtype", "LANDSLIDE")), "2026-07-01T09:30:00+08:00", "邻里 Linli", "桃源村山体滑坡预警",
        "山体出现裂缝 <危险> & 落石\u0001", "远离危险区域", List.of(new Pair("linli:level", "III")),
        new Area("青溪县桃源镇桃源村", circle, List.of(new Pair("GB/T 2260", "330106002001"))));
    return new CapAlert(identifier, "linli@example.gov.cn", "2026-07-01T10:00:00+08:00", "Actual", msgType, scope,
        restriction, addresses, null, references, "YJ2026-000001", List.of(info));
  }

  static CapAlert good() {
    return alert("linli.330106.YJ2026-000001.1", "Alert", "Public", null, null, null, "30.274100,120.155100 1");
  }

  @Test
  void theWritersDocumentIsValidAndKeepsTheTexts() {
    String xml = writer.write(good());
    assertThat(validator.schemaProblems(xml)).isEmpty();
    assertThat(validator.ruleProblems(xml)).isEmpty();
    validator.check("x", xml);
    assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        .contains("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">")
        .contains("<description>山体出现裂缝 &lt;危险&gt; &amp; 落石</description>")
        .doesNotContain("\u0001")
        .contains("<circle>30.274100,120.155100 1</circle>");
  }

  @Test
  void aDocumentTheSchemaRefusesIsRefused() {
    String xml = writer.write(good());
    String noSender = xml.replaceAll("\\s*<sender>[^<]*</sender>", "");
    assertThat(validator.schemaProblems(noSender)).isNotEmpty();
    assertThatThrownBy(() -> validator.check("a", noSender)).isInstanceOf(InvalidAlertException.class)
        .hasMessageContaining("a is not valid");
    String badDate = xml.replace("<sent>2026-07-01T10:00:00+08:00</sent>", "<sent>2026-07-01T10:00:00.123Z</sent>");
    assertThat(validator.schemaProblems(badDate)).isNotEmpty();
    String badStatus = xml.replace("<status>Actual</status>", "<status>Drill</status>");
    assertThat(validator.schemaProblems(badStatus)).isNotEmpty().anyMatch(p -> p.contains("Drill"));
    assertThat(validator.schemaProblems(xml.replace("<status>Actual</status>\n  <msgType>Alert</msgType>",
        "<msgType>Alert</msgType>\n  <status>Actual</status>"))).isNotEmpty();
    assertThat(validator.schemaProblems("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>")).isNotEmpty();
    assertThat(validator.schemaProblems(xml.replace("urn:oasis:names:tc:emergency:cap:1.2", "urn:oasis:names:tc:emergency:cap:1.1")))
        .isNotEmpty();
  }

  @Test
  void rulesTheSchemaCannotExpressAreChecked() {
    assertThat(validator.ruleProblems(writer.write(alert("linli 330106,1", "Alert", "Public", null, null, null, null))))
        .singleElement().asString().contains("identifier");
    assertThat(validator.ruleProblems(writer.write(alert("a.1", "Alert", "Restricted", null, null, null, null))))
        .singleElement().asString().contains("restriction");
    assertThat(validator.ruleProblems(writer.write(alert("a.1", "Alert", "Private", null, null, null, null))))
        .singleElement().asString().contains("addresses");
    assertThat(validator.ruleProblems(writer.write(alert("a.1", "Alert", "Private", null, "wang.fang li.qiang", null, null))))
        .isEmpty();
    assertThat(validator.ruleProblems(writer.write(alert("a.2", "Update", "Public", null, null, null, null))))
        .singleElement().asString().contains("Update must reference");
    assertThat(validator.ruleProblems(writer.write(alert("a.2", "Cancel", "Public", null, null,
        "linli@example.gov.cn,a.1,2026-07-01T10:00:00+08:00 linli@example.gov.cn,a.0", null))))
        .singleElement().asString().contains("linli@example.gov.cn,a.0");
    assertThat(validator.ruleProblems(writer.write(alert("a.2", "Cancel", "Public", null, null,
        "linli@example.gov.cn,a.1,2026-07-01T10:00:00+08:00 linli@example.gov.cn,a.0,2026-07-01T09:00:00+08:00", null))))
        .isEmpty();
    assertThat(validator.ruleProblems(writer.write(alert("a.1", "Alert", "Public", null, null, null, "95.0,120.0 1"))))
        .singleElement().asString().contains("circle");
  }
}
