package org.linli.assistance.internal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linli.assistance.Assets;
import org.linli.assistance.HouseholdApplication;
import org.linli.assistance.HouseholdMember;
import org.linli.assistance.IdNumber;
import org.linli.assistance.Relation;
import org.linli.system.InvalidInputException.FieldError;

/**
 * Field-by-field checks of an application: the annotations on the records first, then what spans
 * fields. Every problem is reported at once, by its path ({@code members[1].idNumber}), so that a
 * caseworker corrects the whole form in one go.
 */
public final class HouseholdChecks {

  private HouseholdChecks() {}

  public static List<FieldError> check(HouseholdApplication form, Validator validator, LocalDate today) {
    List<FieldError> errors = new ArrayList<>();
    if (form == null) {
      return List.of(new FieldError("", "申请内容为空 empty application"));
    }
    validator.validate(form).stream()
        .sorted(Comparator.comparing((ConstraintViolation<HouseholdApplication> v) -> v.getPropertyPath().toString()))
        .forEach(v -> errors.add(new FieldError(v.getPropertyPath().toString(), v.getMessage())));
    List<HouseholdMember> members = form.members() == null ? List.of() : form.members();
    checkMembers(members, today, errors);
    if (form.assets() != null) {
      checkAssets(form.assets(), errors);
    }
    return errors;
  }

  private static void checkMembers(List<HouseholdMember> members, LocalDate today, List<FieldError> errors) {
    Map<String, Integer> seen = new HashMap<>();
    int selves = 0;
    for (int i = 0; i < members.size(); i++) {
      HouseholdMember m = members.get(i);
      if (m == null) {
        continue;
      }
      String path = "members[" + i + "].";
      if (m.relation() == Relation.SELF && ++selves > 1) {
        errors.add(new FieldError(path + "relation", "只能有一名申请人本人 only one member can be the applicant (SELF)"));
      }
      if (m.idNumber() == null || m.idNumber().isBlank()) {
        continue; // already reported by the annotations
      }
      Optional<String> problem = IdNumber.problem(m.idNumber(), today);
      if (problem.isPresent()) {
        errors.add(new FieldError(path + "idNumber", problem.get()));
        continue;
      }
      IdNumber id = IdNumber.of(m.idNumber(), today);
      Integer first = seen.putIfAbsent(id.value(), i);
      if (first != null) {
        errors.add(new FieldError(path + "idNumber",
            "与第" + (first + 1) + "名成员身份证号码重复 same ID number as member " + (first + 1)));
      }
      if (m.birthDate() != null && !m.birthDate().equals(id.birthDate())) {
        errors.add(new FieldError(path + "birthDate",
            "出生日期与身份证号码不符（应为" + id.birthDate() + "） the birth date differs from the ID number's " + id.birthDate()));
      }
    }
    if (selves == 0 && !members.isEmpty()) {
      errors.add(new FieldError("members", "须有一名成员为申请人本人 one member must be the applicant (SELF)"));
    }
  }

  private static void checkAssets(Assets a, List<FieldError> errors) {
    // a count of zero with a value (or the reverse) is a typing slip the caseworker should see now
    if (a.dwellings() != null && a.dwellings() == 0 && positive(a.housingArea())) {
      errors.add(new FieldError("assets.housingArea", "无住房时面积应为0 the area must be 0 without a dwelling"));
    }
    if (a.vehicles() != null && a.vehicles() == 0 && positive(a.vehicleValue())) {
      errors.add(new FieldError("assets.vehicleValue", "无车辆时价值应为0 the value must be 0 without a vehicle"));
    }
    if (Boolean.FALSE.equals(a.business()) && positive(a.businessValue())) {
      errors.add(new FieldError("assets.businessValue", "未经营时价值应为0 the value must be 0 without a business"));
    }
    if (Boolean.TRUE.equals(a.business()) && a.businessValue() == null) {
      errors.add(new FieldError("assets.businessValue", "请填写经营资产价值 give the business's value"));
    }
  }

  private static boolean positive(BigDecimal v) {
    return v != null && v.signum() > 0;
  }
}
