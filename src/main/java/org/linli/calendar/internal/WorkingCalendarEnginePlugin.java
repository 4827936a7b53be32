package org.linli.calendar.internal;

import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.linli.calendar.WorkingCalendar;
import org.springframework.stereotype.Component;

/** Installs the working-day calendar behind the engine's timer and due-date calendars. */
@Component
class WorkingCalendarEnginePlugin extends AbstractProcessEnginePlugin {

  private final WorkingCalendar calendar;

  WorkingCalendarEnginePlugin(WorkingCalendar calendar) {
    this.calendar = calendar;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    MapBusinessCalendarManager manager = new MapBusinessCalendarManager();
    manager.addBusinessCalendar(
        DurationBusinessCalendar.NAME, new WorkingTimeBusinessCalendar(calendar, new DurationBusinessCalendar()));
    manager.addBusinessCalendar(
        DueDateBusinessCalendar.NAME, new WorkingTimeBusinessCalendar(calendar, new DueDateBusinessCalendar()));
    manager.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar());
    configuration.setBusinessCalendarManager(manager);
  }
}
