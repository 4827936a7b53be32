package org.linli.request;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A resident request as it comes in, from the portal, the hotline, a grid worker or the API. */
public record IntakeForm(
    @NotBlank(message = "请选择诉求类别 choose a category") String categoryCode,
    @Size(max = 100, message = "标题最多100字 at most 100 characters") String title,
    @NotBlank(message = "请描述诉求 describe the request")
        @Size(min = 5, max = 2000, message = "描述应为5至2000字 5 to 2000 characters")
        String description,
    @NotBlank(message = "请选择所在村社区 choose the village or community")
        @Pattern(regexp = "\\d{12}", message = "应为12位村社区代码 a 12-digit village or community code")
        String divisionCode,
    @NotBlank(message = "请填写地址 give the address") @Size(max = 200, message = "地址最多200字 at most 200 characters")
        String address,
    @DecimalMin(value = "-90", message = "纬度应在-90到90之间 latitude between -90 and 90")
        @DecimalMax(value = "90", message = "纬度应在-90到90之间 latitude between -90 and 90")
        BigDecimal latitude,
    @DecimalMin(value = "-180", message = "经度应在-180到180之间 longitude between -180 and 180")
        @DecimalMax(value = "180", message = "经度应在-180到180之间 longitude between -180 and 180")
        BigDecimal longitude,
    @NotBlank(message = "请填写姓名 give your name") @Size(max = 50, message = "姓名最多50字 at most 50 characters")
        String residentName,
    @NotBlank(message = "请填写联系电话 give a phone number")
        @Pattern(
            regexp = "1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}",
            message = "应为手机号或带区号的固话 a mobile number or a landline with area code")
        String residentPhone,
    @Email(message = "邮箱格式不正确 not an e-mail address") @Size(max = 254) String residentEmail,
    Channel channel,
    @Pattern(regexp = "NORMAL|URGENT", message = "紧急程度应为 NORMAL 或 URGENT priority is NORMAL or URGENT") String priority) {}
