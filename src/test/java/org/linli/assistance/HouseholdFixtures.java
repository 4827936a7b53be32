package org.linli.assistance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Households for tests; ID numbers get their check character computed, never copied from real people. */
final class HouseholdFixtures {

  private HouseholdFixtures() {}

  static String id(String division, LocalDate birth, String seq) {
    String first17 = division + birth.toString().replace("-", "") + seq;
    return first17 + IdNumber.checkCharacter(first17);
  }

  static HouseholdMember member(String name, Relation relation, LocalDate birth, String seq, String income) {
    return new HouseholdMember(name, id("330106", birth, seq), relation, birth, 0, Employment.UNEMPLOYED,
        new BigDecimal(income));
  }

  static Assets noAssets() {
    return new Assets(1, new BigDecimal("60.00"), 0, BigDecimal.ZERO, new BigDecimal("5000.00"), false, null);
  }

  /** Three people, 1500 CNY a month together: 500 per person. */
  static HouseholdApplication family(Programme programme) {
    List<HouseholdMember> members = new ArrayList<>(List.of(
        member("张建国", Relation.SELF, LocalDate.of(1975, 4, 12), "123", "1500.00"),
        member("李秀英", Relation.SPOUSE, LocalDate.of(1978, 9, 30), "124", "0"),
        member("张小明", Relation.CHILD, LocalDate.of(2010, 6, 1), "135", "0.00")));
    return new HouseholdApplication(programme, "330106002001", EntryChannel.APPLICANT_WITH_CASEWORKER,
        "丈夫因病失去主要劳动能力，家庭收入微薄，孩子在读。", "zhang.jg@example.com", "13900001111", members, noAssets());
  }

  static HouseholdApplication withMembers(HouseholdApplication a, List<HouseholdMember> members) {
    return new HouseholdApplication(a.programme(), a.divisionCode(), a.channel(), a.reason(), a.applicantEmail(),
        a.applicantPhone(), members, a.assets());
  }

  static HouseholdApplication withAssets(HouseholdApplication a, Assets assets) {
    return new HouseholdApplication(a.programme(), a.divisionCode(), a.channel(), a.reason(), a.applicantEmail(),
        a.applicantPhone(), a.members(), assets);
  }
}
