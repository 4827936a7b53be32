package org.linli.assistance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linli.assistance.AssistanceProcess.LEVEL_ACCEPTANCE;
import static org.linli.assistance.AssistanceProcess.LEVEL_ELIGIBILITY;

import org.junit.jupiter.api.Test;

/** Which refusal a notice tells, from what the steps before it decided: no engine needed. */
class DecisionNoticeTests {

  @Test
  void aRefusalAtAcceptanceWinsOverWhatAnEarlierRoundLeft() {
    var decided = new DecisionNotice.Decided("reject", " 材料不全 ", "REJECTED", "乡镇审核", "有房产", false, "收入超标");
    assertThat(DecisionNotice.refusal("JZ2026-000001", decided))
        .isEqualTo(new DecisionNotice.Refusal(LEVEL_ACCEPTANCE, "材料不全"));
  }

  @Test
  void thenTheApprovalsLevelThenEligibility() {
    assertThat(DecisionNotice.refusal("JZ2026-000001",
        new DecisionNotice.Decided("accept", null, "REJECTED", "乡镇审核", " ", false, "收入超标")))
        .isEqualTo(new DecisionNotice.Refusal("乡镇审核", "审批未通过 not approved"));
    assertThat(DecisionNotice.refusal("JZ2026-000001",
        new DecisionNotice.Decided("accept", null, "APPROVED", null, null, false, null)))
        .isEqualTo(new DecisionNotice.Refusal(LEVEL_ELIGIBILITY, "不符合条件 not eligible"));
  }

  @Test
  void noRefusalRecordedIsAnError() {
    assertThatThrownBy(() -> DecisionNotice.refusal("JZ2026-000001",
        new DecisionNotice.Decided("accept", null, null, null, null, true, null)))
        .hasMessageContaining("JZ2026-000001");
  }
}
