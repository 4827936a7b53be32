package org.linli.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.assistance.HouseholdFixtures.family;
import static org.linli.assistance.HouseholdFixtures.member;
import static org.linli.assistance.HouseholdFixtures.withAssets;
import static org.linli.assistance.HouseholdFixtures.withMembers;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.linli.assistance.internal.HouseholdChecks;
import org.linli.system.InvalidInputException.FieldError;

/** Field-by-field checks of a household application, with the paths a form shows them at. */
class HouseholdApplicationTests {

  static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
  static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

  static Map<String, String> errors(HouseholdApplication a) {
    return HouseholdChecks.check(a, VALIDATOR, TODAY).stream()
        .collect(Collectors.toMap(FieldError::field, FieldError::message, (x, y) -> x + " | " + y));
  }

  @Test
  void aCompleteApplicationPasses() {
    assertThat(errors(family(Programme.DIBAO))).isEmpty();
    assertThat(family(Programme.DIBAO).applicant()).get().extracting(HouseholdMember::name).isEqualTo("张建国");
  }

  @Test
  void reportsEveryMissingFieldAtItsPath() {
    HouseholdApplication empty = new HouseholdApplication(null, "33", null, "太短", "not-mail", "12345",
        List.of(new HouseholdMember(null, null, null, null, 5, null, new BigDecimal("-1.001"))), null);
    assertThat(errors(empty)).containsKeys("programme", "divisionCode", "channel", "reason", "applicantEmail",
        "applicantPhone", "assets", "members[0].name", "members[0].idNumber", "members[0].relation",
        "members[0].birthDate", "members[0].disabilityGrade", "members[0].employment", "members[0].monthlyIncome");
    assertThat(errors(empty).get("reason")).isEqualTo("申请理由应为10至2000字 10 to 2000 characters");
  }

  @Test
  void checksIdNumbersAndBirthDatesPerMember() {
    HouseholdApplication a = family(Programme.DIBAO);
    List<HouseholdMember> members = new ArrayList<>(a.members());
    HouseholdMember spouse = members.get(1);
    String wrongCheck = spouse.idNumber().substring(0, 17) + (spouse.idNumber().endsWith("1") ? "2" : "1");
    members.set(1, new HouseholdMember(spouse.name(), wrongCheck, spouse.relation(), spouse.birthDate(), 0,
        spouse.employment(), spouse.monthlyIncome()));
    HouseholdMember child = members.get(2);
    members.set(2, new HouseholdMember(child.name(), child.idNumber(), child.relation(), child.birthDate().plusDays(1),
        0, child.employment(), child.monthlyIncome()));
    Map<String, String> errors = errors(withMembers(a, members));
    assertThat(errors).containsOnlyKeys("members[1].idNumber", "members[2].birthDate");
    assertThat(errors.get("members[1].idNumber")).isEqualTo("身份证号码校验位不正确 wrong check digit");
    assertThat(errors.get("members[2].birthDate")).contains("2010-06-01");
  }

  @Test
  void needsExactlyOneApplicantAndNoPersonTwice() {
    HouseholdApplication a = family(Programme.DIBAO);
    List<HouseholdMember> members = new ArrayList<>(a.members());
    members.add(members.get(2)); // the child entered twice
    members.set(1, member("李秀英", Relation.SELF, LocalDate.of(1978, 9, 30), "124", "0"));
    Map<String, String> errors = errors(withMembers(a, members));
    assertThat(errors).containsOnlyKeys("members[1].relation", "members[3].idNumber");
    assertThat(errors.get("members[3].idNumber")).contains("member 3");

    List<HouseholdMember> nobody = a.members().stream()
        .map(m -> new HouseholdMember(m.name(), m.idNumber(), Relation.OTHER, m.birthDate(), 0, m.employment(), m.monthlyIncome()))
        .toList();
    assertThat(errors(withMembers(a, nobody))).containsOnlyKeys("members");
    assertThat(withMembers(a, nobody).applicant()).isEmpty();
  }

  @Test
  void takesAtMostTwentyMembers() {
    HouseholdApplication a = family(Programme.DIBAO);
    List<HouseholdMember> members = new ArrayList<>(a.members());
    for (int i = 0; members.size() < 21; i++) {
      members.add(member("成员" + i, Relation.OTHER, LocalDate.of(1990, 1, 1 + i), "2" + (10 + i), "0"));
    }
    assertThat(errors(withMembers(a, members))).containsOnlyKeys("members");
    assertThat(errors(withMembers(a, members.subList(0, 20)))).isEmpty();
  }

  @Test
  void incomesAreInFenAndNeverNegative() {
    HouseholdApplication a = family(Programme.DIBAO);
    List<HouseholdMember> members = new ArrayList<>(a.members());
    HouseholdMember m = members.get(0);
    members.set(0, new HouseholdMember(m.name(), m.idNumber(), m.relation(), m.birthDate(), 4, m.employment(),
        new BigDecimal("1200.555")));
    assertThat(errors(withMembers(a, members))).containsOnlyKeys("members[0].monthlyIncome");
  }

  @Test
  void assetCountsAndValuesAgree() {
    HouseholdApplication a = withAssets(family(Programme.DIBAO),
        new Assets(0, new BigDecimal("40"), 0, new BigDecimal("30000"), BigDecimal.ZERO, false, new BigDecimal("1")));
    assertThat(errors(a)).containsOnlyKeys("assets.housingArea", "assets.vehicleValue", "assets.businessValue");
    HouseholdApplication negative = withAssets(family(Programme.DIBAO),
        new Assets(-1, BigDecimal.ZERO, null, BigDecimal.ZERO, new BigDecimal("-5"), null, null));
    assertThat(errors(negative)).containsOnlyKeys("assets.dwellings", "assets.vehicles", "assets.savings", "assets.business");
  }
}
