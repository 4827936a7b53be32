package org.linli.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linli.support.LinliIntegrationTest;
import org.springframework.test.context.TestPropertySource;

/** With the after-commit nudge on (the default outside tests), mail leaves within seconds of the commit. */
@LinliIntegrationTest
@TestPropertySource(properties = "linli.notification.deliver-after-commit=true")
class NotificationAfterCommitTests extends MailTestSupport {

  @Test
  void mailLeavesRightAfterTheCommitWithoutTheJob() {
    inTransaction(() -> notifications.toUsers(NotificationType.NEW_TASK, "task:nudge", List.of("wang.fang", "zhao.min"),
        Map.of("caseNumber", "MH2026-000300", "title", "路面塌陷"), null));
    assertThat(smtp.waitForIncomingEmail(10_000, 2)).isTrue();
    assertThat(received()).hasSize(2);
  }
}
