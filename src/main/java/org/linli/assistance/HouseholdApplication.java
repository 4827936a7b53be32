package org.linli.assistance;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A household's application for social assistance as entered at the village: the programme, the
 * members (the applicant is the one member with {@code relation = SELF}), their assets and why they
 * apply. {@code AssistanceFiles.check} adds the checks that span fields (ID numbers, birth dates,
 * exactly one applicant, no person twice).
 */
public record HouseholdApplication(
    @NotNull(message = "请选择救助项目 choose the programme") Programme programme,
    @NotBlank(message = "请选择所在村社区 choose the village or community")
        @Pattern(regexp = "\\d{12}", message = "应为12位村社区代码 a 12-digit village or community code")
        String divisionCode,
    @NotNull(message = "请选择录入方式 choose how the application is entered") EntryChannel channel,
    @NotBlank(message = "请说明申请理由 give the reason")
        @Size(min = 10, max = 2000, message = "申请理由应为10至2000字 10 to 2000 characters")
        String reason,
    @Email(message = "邮箱格式不正确 not an e-mail address") @Size(max = 254, message = "邮箱过长 too long") String applicantEmail,
    @Pattern(regexp = "1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}",
            message = "应为手机号或带区号的固话 a mobile number or a landline with area code")
        String applicantPhone,
    @NotEmpty(message = "请填写家庭成员（含申请人本人） list the household members, the applicant included")
        @Size(max = 20, message = "家庭成员最多20人 at most 20 members")
        List<@NotNull(message = "成员不能为空 empty member") @Valid HouseholdMember> members,
    @NotNull(message = "请填写家庭财产 give the household's assets") @Valid Assets assets) {

  /** The member who applies ({@code SELF}), if there is exactly one. */
  public java.util.Optional<HouseholdMember> applicant() {
    List<HouseholdMember> self = members == null ? List.of()
        : members.stream().filter(m -> m != null && m.relation() == Relation.SELF).toList();
    return self.size() == 1 ? java.util.Optional.of(self.get(0)) : java.util.Optional.empty();
  }
}
