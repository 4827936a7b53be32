package org.linli.assistance;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One member of the household, the applicant included ({@code relation = SELF}).
 *
 * @param disabilityGrade 残疾等级 1 (most severe) to 4; 0 or empty for none
 * @param monthlyIncome declared income in CNY per month, two decimals
 */
public record HouseholdMember(
    @NotBlank(message = "请填写姓名 give the name") @Size(max = 50, message = "姓名最多50字 at most 50 characters") String name,
    @NotBlank(message = "请填写身份证号码 give the ID number") String idNumber,
    @NotNull(message = "请选择与申请人关系 choose the relation to the applicant") Relation relation,
    @NotNull(message = "请填写出生日期 give the birth date") LocalDate birthDate,
    @Min(value = 0, message = "残疾等级应为无或1至4级 disability grade none or 1 to 4")
        @Max(value = 4, message = "残疾等级应为无或1至4级 disability grade none or 1 to 4")
        Integer disabilityGrade,
    @NotNull(message = "请选择就业状况 choose the employment status") Employment employment,
    @NotNull(message = "请填写月收入（无收入填0） give the monthly income (0 if none)")
        @DecimalMin(value = "0", message = "月收入不能为负 income cannot be negative")
        @Digits(integer = 10, fraction = 2, message = "金额最多两位小数 at most two decimals")
        BigDecimal monthlyIncome) {

  /** The grade with "none" as 0. */
  public int disability() {
    return disabilityGrade == null ? 0 : disabilityGrade;
  }
}
