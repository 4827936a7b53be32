package org.linli.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.linli.support.LinliIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** "working-days:N" and "working-hours:N" in BPMN timers and due dates, next to ISO durations. */
@LinliIntegrationTest
class WorkingTimeInBpmnTests {

  @Autowired ProcessEngine engine;

  static Date at(String local) {
    return Date.from(LocalDateTime.parse(local).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  @Test
  void timersAndDueDatesCountWorkingTime() {
    ClockUtil.setCurrentTime(at("2026-09-30T15:00")); // last working day before National Day
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("test-working-time");
    Date due = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult().getDueDate();
    assertThat(due).as("2.5 h today, 1.5 h on Thu 8 Oct").isEqualTo(at("2026-10-08T10:00"));
    Job working = engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId("Timer_TwoWorkingDays").singleResult();
    assertThat(working.getDuedate()).isEqualTo(at("2026-10-09T17:30"));
    Job iso = engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId("Timer_Iso").singleResult();
    assertThat(iso.getDuedate()).as("ISO durations keep calendar time").isEqualTo(at("2026-09-30T16:00"));

    engine.getRuntimeService().deleteProcessInstance(pi.getId(), "test done");
  }
}
