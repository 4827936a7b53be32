package org.linli.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.assistance.HouseholdFixtures.family;
import static org.linli.assistance.HouseholdFixtures.member;
import static org.linli.assistance.HouseholdFixtures.withAssets;
import static org.linli.assistance.HouseholdFixtures.withMembers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.assistance.PreCheck.Code;

/** Per-capita income and the pre-check against a standard and its asset limits. */
class HouseholdEligibilityTests {

  static final LocalDate DAY = LocalDate.of(2026, 3, 1);
  static final AssistanceStandard STANDARD = new AssistanceStandard("330106", LocalDate.of(2025, 7, 1),
      new BigDecimal("1170"), new BigDecimal("1521"), new BigDecimal("28080"), new BigDecimal("50000"), 1,
      new BigDecimal("50"));

  @Test
  void perCapitaIncomeIsTheSumOverTheMembersToTheFen() {
    assertThat(Eligibility.perCapitaIncome(family(Programme.DIBAO).members())).isEqualByComparingTo("500.00");
    List<HouseholdMember> three = List.of(
        member("甲", Relation.SELF, LocalDate.of(1970, 1, 1), "111", "1000.00"),
        member("乙", Relation.SPOUSE, LocalDate.of(1970, 1, 2), "122", "0.01"),
        member("丙", Relation.CHILD, LocalDate.of(2000, 1, 3), "131", "0"));
    assertThat(Eligibility.perCapitaIncome(three)).isEqualTo(new BigDecimal("333.34"));
  }

  @Test
  void aPoorHouseholdWithFewAssetsPasses() {
    PreCheck check = Eligibility.preCheck(family(Programme.DIBAO), STANDARD, DAY);
    assertThat(check.passes()).isTrue();
    assertThat(check.incomeThreshold()).isEqualByComparingTo("1170");
  }

  @Test
  void incomeAtTheStandardIsTooHigh() {
    HouseholdApplication a = family(Programme.DIBAO);
    HouseholdMember self = a.members().get(0);
    HouseholdApplication rich = withMembers(a, List.of(new HouseholdMember(self.name(), self.idNumber(), self.relation(),
        self.birthDate(), 0, Employment.EMPLOYED, new BigDecimal("3510.00")), a.members().get(1), a.members().get(2)));
    PreCheck check = Eligibility.preCheck(rich, STANDARD, DAY);
    assertThat(check.codes()).containsExactly(Code.INCOME_AT_OR_ABOVE_STANDARD);
    assertThat(check.findings().get(0).message()).startsWith("家庭人均月收入1170.00元").contains("not below");
  }

  @Test
  void reportsEveryAssetAboveItsLimit() {
    HouseholdApplication a = withAssets(family(Programme.DIBAO), new Assets(2, new BigDecimal("151"), 1,
        new BigDecimal("50000.01"), new BigDecimal("80000"), true, new BigDecimal("4241")));
    assertThat(Eligibility.preCheck(a, STANDARD, DAY).codes()).containsExactlyInAnyOrder(Code.SAVINGS_ABOVE_LIMIT,
        Code.VEHICLE_ABOVE_LIMIT, Code.TOO_MANY_DWELLINGS, Code.HOUSING_AREA_ABOVE_LIMIT);
    // exactly at the limits: 84240 / 3 = 28080 per member, 150 m² / 3 = 50 m²
    HouseholdApplication atLimits = withAssets(family(Programme.DIBAO), new Assets(1, new BigDecimal("150"), 1,
        new BigDecimal("50000"), new BigDecimal("80000"), true, new BigDecimal("4240")));
    assertThat(Eligibility.preCheck(atLimits, STANDARD, DAY).passes()).isTrue();
  }

  @Test
  void tekunNeedsAnElderlyMinorOrSeverelyDisabledApplicant() {
    assertThat(Eligibility.preCheck(family(Programme.TEKUN), STANDARD, DAY).codes())
        .containsExactly(Code.APPLICANT_NOT_IN_TEKUN_GROUP);
    HouseholdApplication elderly = withAssets(withMembers(family(Programme.TEKUN),
        List.of(member("王老汉", Relation.SELF, LocalDate.of(1960, 5, 1), "113", "300"))),
        new Assets(1, new BigDecimal("35"), 0, BigDecimal.ZERO, new BigDecimal("2000"), false, null));
    assertThat(Eligibility.preCheck(elderly, STANDARD, DAY).passes()).isTrue();
  }

  @Test
  void temporaryAssistanceHasNoMeansTestHere() {
    HouseholdApplication a = withAssets(family(Programme.LINSHI), new Assets(3, new BigDecimal("400"), 2,
        new BigDecimal("200000"), new BigDecimal("500000"), false, null));
    PreCheck check = Eligibility.preCheck(a, STANDARD, DAY);
    assertThat(check.passes()).isTrue();
    assertThat(check.incomeThreshold()).isNull();
    assertThat(check.perCapitaIncome()).isEqualByComparingTo("500");
  }
}
