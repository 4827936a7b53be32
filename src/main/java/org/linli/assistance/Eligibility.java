package org.linli.assistance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.linli.assistance.PreCheck.Code;
import org.linli.assistance.PreCheck.Finding;

/**
 * Per-capita figures and the eligibility pre-check on declared data. The verifier (and later a DMN
 * table) decide; this only says early which figures stand in the way.
 */
public final class Eligibility {

  private Eligibility() {}

  /** Sum of the members' monthly incomes divided by the number of members, to the fen (HALF_UP). */
  public static BigDecimal perCapitaIncome(List<HouseholdMember> members) {
    if (members == null || members.isEmpty()) {
      throw new IllegalArgumentException("a household has at least one member");
    }
    BigDecimal sum = members.stream().map(HouseholdMember::monthlyIncome).reduce(BigDecimal.ZERO, BigDecimal::add);
    return perCapita(sum, members.size());
  }

  static BigDecimal perCapita(BigDecimal total, int members) {
    return total.divide(BigDecimal.valueOf(members), 2, RoundingMode.HALF_UP);
  }

  /**
   * DIBAO and TEKUN: per-capita income must stay below the minimum living standard, and assets
   * within the county's limits; TEKUN also needs an applicant who is 60 or older, under 16, or with
   * a grade 1 or 2 disability. LINSHI (temporary assistance) follows an emergency, not a means test:
   * no findings here.
   */
  public static PreCheck preCheck(HouseholdApplication app, AssistanceStandard s, LocalDate day) {
    List<HouseholdMember> members = app.members();
    BigDecimal income = perCapitaIncome(members);
    if (app.programme() == Programme.LINSHI) {
      return new PreCheck(app.programme(), s, income, null, List.of());
    }
    List<Finding> findings = new ArrayList<>();
    int n = members.size();
    if (income.compareTo(s.minimumLiving()) >= 0) {
      findings.add(new Finding(Code.INCOME_AT_OR_ABOVE_STANDARD, "家庭人均月收入" + income + "元不低于低保标准" + s.minimumLiving()
          + "元 per-capita income " + income + " is not below the standard " + s.minimumLiving()));
    }
    Assets a = app.assets();
    BigDecimal financial = perCapita(a.savings().add(a.businessValueOrZero()), n);
    if (financial.compareTo(s.savingsPerCapitaLimit()) > 0) {
      findings.add(new Finding(Code.SAVINGS_ABOVE_LIMIT, "人均存款及经营资产" + financial + "元超过" + s.savingsPerCapitaLimit()
          + "元 savings and business value per member " + financial + " above " + s.savingsPerCapitaLimit()));
    }
    if (a.vehicleValue().compareTo(s.vehicleValueLimit()) > 0) {
      findings.add(new Finding(Code.VEHICLE_ABOVE_LIMIT, "车辆价值" + a.vehicleValue() + "元超过" + s.vehicleValueLimit()
          + "元 vehicles worth " + a.vehicleValue() + " above " + s.vehicleValueLimit()));
    }
    if (a.dwellings() > s.maxDwellings()) {
      findings.add(new Finding(Code.TOO_MANY_DWELLINGS, "拥有住房" + a.dwellings() + "套，超过" + s.maxDwellings()
          + "套 " + a.dwellings() + " dwellings, more than " + s.maxDwellings()));
    }
    BigDecimal area = a.housingArea().divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP);
    if (area.compareTo(s.housingAreaPerCapitaLimit()) > 0) {
      findings.add(new Finding(Code.HOUSING_AREA_ABOVE_LIMIT, "人均住房面积" + area + "平方米超过" + s.housingAreaPerCapitaLimit()
          + "平方米 " + area + " m² per member, above " + s.housingAreaPerCapitaLimit()));
    }
    if (app.programme() == Programme.TEKUN) {
      app.applicant().filter(m -> !inTekunGroup(m, day)).ifPresent(m -> findings.add(new Finding(
          Code.APPLICANT_NOT_IN_TEKUN_GROUP,
          "申请人不属于老年人、未成年人或重度残疾人 the applicant is not elderly, a minor or severely disabled")));
    }
    return new PreCheck(app.programme(), s, income, s.minimumLiving(), List.copyOf(findings));
  }

  private static boolean inTekunGroup(HouseholdMember m, LocalDate day) {
    int age = Period.between(m.birthDate(), day).getYears();
    int grade = m.disability();
    return age >= 60 || age < 16 || grade == 1 || grade == 2;
  }
}
