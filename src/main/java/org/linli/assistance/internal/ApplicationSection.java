package org.linli.assistance.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.linli.assistance.Assets;
import org.linli.assistance.AssistanceStandards;
import org.linli.assistance.Employment;
import org.linli.assistance.HouseholdApplication;
import org.linli.assistance.HouseholdDetail;
import org.linli.assistance.HouseholdMember;
import org.linli.assistance.PreCheck;
import org.linli.assistance.Programme;
import org.linli.calendar.WorkingCalendar;
import org.linli.casefile.CaseAttachment;
import org.linli.casefile.CaseAttachments;
import org.linli.organization.OrganizationService;
import org.linli.system.NotFoundException;
import org.linli.tasklist.CaseKindSupport.Detail;
import org.linli.tasklist.CaseKindSupport.Section;
import org.linli.tasklist.CaseKindSupport.Table;
import org.springframework.stereotype.Component;

/**
 * The application as those who decide on it read it on the case page (乡镇受理, the home visit, the
 * approvals): the reason, the members with their incomes, the assets, the pre-check against the
 * standard in force and the materials attached. Built from a whole {@link HouseholdDetail}, which
 * only staff acting on the case get, logged; ID numbers and the phone stay masked, since no decision
 * here needs them.
 */
@Component
class ApplicationSection {

  static final String ID = "application";

  private final AssistanceStandards standards;
  private final CaseAttachments attachments;
  private final OrganizationService organization;
  private final WorkingCalendar calendar;

  ApplicationSection(AssistanceStandards standards, CaseAttachments attachments, OrganizationService organization,
      WorkingCalendar calendar) {
    this.standards = standards;
    this.attachments = attachments;
    this.organization = organization;
    this.calendar = calendar;
  }

  Section of(HouseholdDetail d, boolean english) {
    HouseholdApplication a = d.application();
    LocalDate today = calendar.today();
    List<Detail> facts = new ArrayList<>();
    facts.add(new Detail(english ? "Reason" : "申请理由", a.reason()));
    String by = organization.staff(d.createdBy()).map(s -> s.name()).orElse(d.createdBy());
    facts.add(new Detail(english ? "Entered by" : "录入人", by + " · " + (english ? channelEn(a) : channelZh(a))));
    BigDecimal total = a.members().stream().map(HouseholdMember::monthlyIncome).reduce(BigDecimal.ZERO, BigDecimal::add);
    facts.add(new Detail(english ? "Income per member" : "家庭人均月收入", english
        ? d.perCapitaIncome() + " CNY a month (" + a.members().size() + " members, " + total + " CNY together)"
        : d.perCapitaIncome() + " 元/月（" + a.members().size() + "人，合计 " + total + " 元）"));
    facts.add(new Detail(english ? "Assets" : "家庭财产", assets(a.assets(), english)));
    facts.add(new Detail(english ? "Pre-check" : "预审结果", preCheck(a, today, english)));
    facts.add(new Detail(english ? "Materials" : "申请材料", materials(d.caseId(), english)));

    List<List<String>> rows = new ArrayList<>();
    for (HouseholdMember m : a.members()) {
      rows.add(List.of(m.name(), english ? m.relation().nameEn() : m.relation().nameZh(),
          Period.between(m.birthDate(), today).getYears() + (english ? "" : "岁"), employment(m.employment(), english),
          m.disability() == 0 ? (english ? "none" : "无") : (english ? "grade " + m.disability() : m.disability() + "级"),
          m.monthlyIncome().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()));
    }
    Table members = new Table(english ? "Household (" + a.members().size() + ")" : "家庭成员（" + a.members().size() + "人）",
        english ? List.of("Name", "Relation", "Age", "Employment", "Disability", "Income / month (CNY)")
            : List.of("姓名", "与申请人关系", "年龄", "就业状况", "残疾等级", "月收入（元）"),
        rows);
    String title = (english ? "Application: " : "申请内容：") + a.programme().name(english);
    return new Section(ID, title, facts, List.of(members));
  }

  private String preCheck(HouseholdApplication a, LocalDate today, boolean english) {
    if (a.programme() == Programme.LINSHI) {
      return english ? "Temporary assistance has no means test." : "临时救助不做家庭经济状况审核。";
    }
    PreCheck check;
    try {
      check = standards.preCheck(a, today);
    } catch (NotFoundException e) {
      return english ? "No standard in force for the county today: no pre-check." : "本县今日没有生效的救助标准，无法预审。";
    }
    String against = english
        ? " (standard " + check.incomeThreshold() + " CNY from " + check.standard().effectiveFrom() + ")"
        : "（低保标准 " + check.incomeThreshold() + " 元，" + check.standard().effectiveFrom() + " 起）";
    if (check.passes()) {
      return (english ? "Nothing in the declared figures rules the household out" : "按申报数据未发现不符合条件的情形") + against
          + (english ? ". A hint, not the decision." : "。仅供参考，不是审批结论。");
    }
    StringBuilder out = new StringBuilder(english ? "May not qualify" : "可能不符合条件").append(against).append(english ? ":" : "：");
    for (PreCheck.Finding f : check.findings()) {
      out.append("\n· ").append(org.linli.system.Bilingual.in(f.message(), english ? java.util.Locale.ENGLISH : java.util.Locale.SIMPLIFIED_CHINESE));
    }
    return out.toString();
  }

  private String materials(long caseId, boolean english) {
    List<CaseAttachment> files = attachments.list(caseId);
    if (files.isEmpty()) {
      return english ? "none attached yet" : "尚未上传";
    }
    return (english ? files.size() + " attached: " : files.size() + " 份：")
        + String.join(english ? ", " : "、", files.stream().map(CaseAttachment::fileName).toList());
  }

  private static String assets(Assets s, boolean english) {
    String business = Boolean.TRUE.equals(s.business())
        ? (english ? "runs a business worth " + s.businessValueOrZero() + " CNY" : "有经营，资产 " + s.businessValueOrZero() + " 元")
        : (english ? "no business" : "无经营");
    return english
        ? s.dwellings() + " dwelling(s), " + s.housingArea() + " m² · " + s.vehicles() + " vehicle(s) worth " + s.vehicleValue()
            + " CNY · savings " + s.savings() + " CNY · " + business
        : "住房 " + s.dwellings() + " 套，" + s.housingArea() + " 平方米 · 机动车 " + s.vehicles() + " 辆，价值 " + s.vehicleValue()
            + " 元 · 存款及有价证券 " + s.savings() + " 元 · " + business;
  }

  private static String employment(Employment e, boolean english) {
    return switch (e) {
      case EMPLOYED -> english ? "employed" : "就业";
      case UNEMPLOYED -> english ? "unemployed" : "无业/失业";
      case STUDENT -> english ? "student" : "在校学生";
      case RETIRED -> english ? "retired" : "退休";
      case UNABLE_TO_WORK -> english ? "unable to work" : "丧失劳动能力";
    };
  }

  private static String channelZh(HouseholdApplication a) {
    return switch (a.channel()) {
      case APPLICANT_WITH_CASEWORKER -> "申请人到场，工作人员协助录入";
      case CASEWORKER_ON_BEHALF -> "工作人员代办";
    };
  }

  private static String channelEn(HouseholdApplication a) {
    return switch (a.channel()) {
      case APPLICANT_WITH_CASEWORKER -> "entered with the applicant present";
      case CASEWORKER_ON_BEHALF -> "entered on the applicant's behalf";
    };
  }
}
