package org.linli.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linli.support.LinliIntegrationTest;
import org.linli.system.LinliJob;
import org.springframework.beans.factory.annotation.Autowired;

/** The delivery job is stored in Quartz's clustered job store and, when run, sends what is due. */
@LinliIntegrationTest
class NotificationJobTests extends MailTestSupport {

  @Autowired List<LinliJob> jobs;

  @Test
  void theDeliveryJobIsScheduledEveryThirtySecondsInTheJobStore() {
    Map<String, Object> trigger = jdbc.sql("""
            select t.trigger_state, s.repeat_interval, j.job_class_name, j.is_nonconcurrent
            from qrtz_triggers t
            join qrtz_simple_triggers s on s.sched_name = t.sched_name and s.trigger_name = t.trigger_name and s.trigger_group = t.trigger_group
            join qrtz_job_details j on j.sched_name = t.sched_name and j.job_name = t.job_name and j.job_group = t.job_group
            where t.sched_name = 'linli' and t.trigger_group = 'linli' and t.trigger_name = 'notification-delivery'
            """).query().singleRow();
    assertThat(((Number) trigger.get("REPEAT_INTERVAL")).longValue()).isEqualTo(30_000L);
    assertThat(trigger.get("JOB_CLASS_NAME")).isEqualTo("org.linli.system.internal.LinliQuartzJob");
    assertThat(trigger.get("IS_NONCONCURRENT")).isEqualTo(true);
  }

  @Test
  void runningTheJobDeliversDueMail() {
    inTransaction(() -> notifications.toUsers(NotificationType.OVERDUE, "overdue:job", List.of("zhou.yun"), Map.of(), null));
    LinliJob delivery = jobs.stream().filter(j -> j.name().equals("notification-delivery")).findFirst().orElseThrow();
    delivery.task().run();
    assertThat(received()).hasSize(1);
  }
}
