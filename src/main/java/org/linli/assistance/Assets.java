package org.linli.assistance;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/**
 * What the household owns, as declared; amounts in CNY, areas in m².
 *
 * @param dwellings number of dwellings (houses, flats) owned by members
 * @param housingArea their total floor area in m²
 * @param vehicles number of motor vehicles
 * @param vehicleValue their total present value
 * @param savings deposits, securities and cash of all members together
 * @param business whether a member runs a business (个体工商户, company share)
 * @param businessValue its value (0 when none)
 */
public record Assets(
    @NotNull(message = "请填写住房套数 give the number of dwellings") @Min(value = 0, message = "不能为负 cannot be negative")
        @Max(value = 99, message = "最多99套 at most 99") Integer dwellings,
    @NotNull(message = "请填写住房面积（无房填0） give the housing area (0 if none)")
        @DecimalMin(value = "0", message = "不能为负 cannot be negative")
        @Digits(integer = 6, fraction = 2, message = "面积最多两位小数 at most two decimals") BigDecimal housingArea,
    @NotNull(message = "请填写车辆数 give the number of vehicles") @Min(value = 0, message = "不能为负 cannot be negative")
        @Max(value = 99, message = "最多99辆 at most 99") Integer vehicles,
    @NotNull(message = "请填写车辆价值（无车填0） give the vehicles' value (0 if none)")
        @DecimalMin(value = "0", message = "不能为负 cannot be negative")
        @Digits(integer = 10, fraction = 2, message = "金额最多两位小数 at most two decimals") BigDecimal vehicleValue,
    @NotNull(message = "请填写存款（无存款填0） give the savings (0 if none)")
        @DecimalMin(value = "0", message = "不能为负 cannot be negative")
        @Digits(integer = 12, fraction = 2, message = "金额最多两位小数 at most two decimals") BigDecimal savings,
    @NotNull(message = "请选择是否经营 say whether a member runs a business") Boolean business,
    @DecimalMin(value = "0", message = "不能为负 cannot be negative")
        @Digits(integer = 12, fraction = 2, message = "金额最多两位小数 at most two decimals") BigDecimal businessValue) {

  /** The business value with "none" as 0. */
  public BigDecimal businessValueOrZero() {
    return businessValue == null ? BigDecimal.ZERO : businessValue;
  }
}
