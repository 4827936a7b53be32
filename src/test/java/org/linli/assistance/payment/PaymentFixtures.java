package org.linli.assistance.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.linli.assistance.Assets;
import org.linli.assistance.AssistanceFiles;
import org.linli.assistance.Employment;
import org.linli.assistance.EntryChannel;
import org.linli.assistance.HouseholdApplication;
import org.linli.assistance.HouseholdMember;
import org.linli.assistance.IdNumber;
import org.linli.assistance.Programme;
import org.linli.assistance.Relation;
import java.util.Set;
import org.linli.casefile.CaseFiles;
import org.linli.organization.Role;
import org.linli.organization.RoleAssignment;
import org.linli.organization.Scope;
import org.linli.security.LinliUser;
import org.linli.request.IntakeForm;
import org.linli.request.RequestIntake;
import org.linli.request.Channel;

/** Case records for payment tests: a resident request stands in for an assistance case. */
final class PaymentFixtures {

  static final String TAOYUAN = "330106002001"; // 桃源村: wang.fang, 桃源镇 liu.yang, 民政 wu.lei

  private PaymentFixtures() {}

  static long newCase(RequestIntake intake, CaseFiles cases) {
    String number = intake.submitByStaff(new IntakeForm("streetlight", null, "路灯不亮了，晚上出行很不方便", TAOYUAN, "村口大樟树旁",
        null, null, "张三", "13900001111", null, Channel.HOTLINE, null), staff()).caseNumber();
    return cases.byNumber(number).orElseThrow().id();
  }

  static String id(LocalDate birth, String seq) {
    String first17 = "330106" + birth.toString().replace("-", "") + seq;
    return first17 + IdNumber.checkCharacter(first17);
  }

  static HouseholdMember member(String name, Relation relation, LocalDate birth, String seq, Employment employment) {
    return new HouseholdMember(name, id(birth, seq), relation, birth, 0, employment, BigDecimal.ZERO);
  }

  /** Saves a household for the case; {@code workingAge}: the applicant is 45 and unemployed, else 75. */
  static void household(AssistanceFiles files, long caseId, String applicant, String seq, boolean workingAge) {
    LocalDate birth = workingAge ? LocalDate.of(1981, 3, 4) : LocalDate.of(1951, 3, 4);
    List<HouseholdMember> members = List.of(
        member(applicant, Relation.SELF, birth, seq, workingAge ? Employment.UNEMPLOYED : Employment.RETIRED),
        member("孙" + applicant, Relation.CHILD, LocalDate.of(2015, 8, 9), seq.substring(0, 2) + "7", Employment.STUDENT));
    HouseholdApplication a = new HouseholdApplication(Programme.DIBAO, TAOYUAN, EntryChannel.APPLICANT_WITH_CASEWORKER,
        "家中老人年迈多病，无固定收入来源。", null, null, members,
        new Assets(1, new BigDecimal("60.00"), 0, BigDecimal.ZERO, new BigDecimal("1000.00"), false, null));
    files.save(caseId, a, "wang.fang");
  }

  /** Takes requests in as the county's supervisor, whose area covers every village. */
  static LinliUser staff() {
    RoleAssignment supervisor = new RoleAssignment(Role.SUPERVISOR, "330106", null);
    return new LinliUser("huang.hua", "黄华", Set.of(supervisor.candidateGroup()), Scope.of(List.of(supervisor)));
  }
}
