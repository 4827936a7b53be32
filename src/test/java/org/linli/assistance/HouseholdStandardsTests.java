package org.linli.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.system.NotFoundException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** Which standard is in force on a day, and the shipped demo figures. */
class HouseholdStandardsTests {

  static AssistanceStandard entry(String county, String from, String minimum) {
    return new AssistanceStandard(county, LocalDate.parse(from), new BigDecimal(minimum), new BigDecimal("1500"),
        new BigDecimal("28000"), new BigDecimal("50000"), 1, new BigDecimal("50"));
  }

  static final AssistanceStandards STANDARDS = new AssistanceStandards(new AssistanceProperties(List.of(
      entry("330106", "2026-07-01", "1210"), entry("330106", "2025-07-01", "1170"), entry("330107", "2025-01-01", "1100"))));

  @Test
  void picksTheLatestEntryThatHasStarted() {
    assertThat(STANDARDS.at("330106", LocalDate.parse("2025-07-01")).minimumLiving()).isEqualByComparingTo("1170");
    assertThat(STANDARDS.at("330106", LocalDate.parse("2026-06-30")).minimumLiving()).isEqualByComparingTo("1170");
    assertThat(STANDARDS.at("330106", LocalDate.parse("2026-07-01")).minimumLiving()).isEqualByComparingTo("1210");
    assertThat(STANDARDS.at("330106", LocalDate.parse("2030-01-01")).minimumLiving()).isEqualByComparingTo("1210");
    assertThat(STANDARDS.at("330107", LocalDate.parse("2026-07-01")).minimumLiving()).isEqualByComparingTo("1100");
  }

  @Test
  void readsVillageAndTownshipCodesAsTheirCounty() {
    assertThat(STANDARDS.at("330106002001", LocalDate.parse("2026-01-01")).countyCode()).isEqualTo("330106");
    assertThat(STANDARDS.at("330106002", LocalDate.parse("2026-01-01")).countyCode()).isEqualTo("330106");
    assertThatThrownBy(() -> STANDARDS.at("33010", LocalDate.parse("2026-01-01"))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void saysClearlyWhenNoneIsInForce() {
    assertThatThrownBy(() -> STANDARDS.at("330106", LocalDate.parse("2025-06-30")))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("没有生效的救助标准").hasMessageContaining("2025-06-30").hasMessageContaining("starts later");
    assertThatThrownBy(() -> STANDARDS.at("330199", LocalDate.parse("2026-01-01")))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("none configured");
  }

  @Test
  void refusesSettingsThatCannotBeRead() {
    assertThatThrownBy(() -> new AssistanceStandards(new AssistanceProperties(
        List.of(entry("330106", "2025-07-01", "1170"), entry("330106", "2025-07-01", "1180")))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("two entries");
    assertThatThrownBy(() -> new AssistanceStandards(new AssistanceProperties(List.of(entry("3301", "2025-07-01", "1170")))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("county-code");
  }

  @Test
  void shipsDemoStandardsForTheDemoCounty() throws Exception {
    StandardEnvironment env = new StandardEnvironment();
    new YamlPropertySourceLoader().load("app", new ClassPathResource("application.yml"))
        .forEach(env.getPropertySources()::addLast);
    AssistanceProperties props = new Binder(ConfigurationPropertySources.get(env))
        .bind("linli.assistance", AssistanceProperties.class).get();
    AssistanceStandards shipped = new AssistanceStandards(props);
    assertThat(shipped.at("330106", LocalDate.parse("2025-12-31")).minimumLiving()).isEqualByComparingTo("1170");
    assertThat(shipped.at("330106", LocalDate.parse("2026-07-01")).minimumLiving()).isEqualByComparingTo("1210");
    assertThat(shipped.at("330106", LocalDate.parse("2026-07-01")).extremePovertySupport()).isEqualByComparingTo("1573");
  }
}
