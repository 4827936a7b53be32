package org.linli.assistance;

import java.util.ArrayList;
import java.util.List;
import org.linli.tasklist.CaseKindSupport.Detail;

/**
 * The household as case pages show it to all staff who may open the case: programme, applicant,
 * masked phone and members with masked ID numbers. Whole values only through
 * {@link AssistanceFiles#detail}, logged. Shown on assistance and re-check case pages alike.
 */
public final class HouseholdDetails {

  private HouseholdDetails() {}

  public static List<Detail> masked(HouseholdView v, boolean english) {
    List<Detail> out = new ArrayList<>();
    out.add(new Detail(english ? "Programme" : "救助类别", english ? v.programme().nameEn() : v.programme().nameZh()));
    out.add(new Detail(english ? "Applicant" : "申请人", v.applicantName()));
    if (v.maskedPhone() != null) {
      out.add(new Detail(english ? "Phone" : "联系电话", v.maskedPhone()));
    }
    StringBuilder members = new StringBuilder();
    for (var m : v.members()) {
      members.append(m.name()).append(' ').append(m.maskedIdNumber()).append(' ').append(english ? m.relation().nameEn() : m.relation().nameZh())
          .append('\n');
    }
    out.add(new Detail(english ? "Household (" + v.memberCount() + ")" : "家庭成员（" + v.memberCount() + "人）",
        members.toString().strip()));
    return out;
  }
}
