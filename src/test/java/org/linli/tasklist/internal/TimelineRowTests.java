package org.linli.tasklist.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.linli.casefile.CaseEventType;
import org.springframework.context.support.ResourceBundleMessageSource;

/** A timeline row says the event once, and the step only when it adds something (case.html). */
class TimelineRowTests {

  static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

  final ResourceBundleMessageSource messages = messages();

  static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource m = new ResourceBundleMessageSource();
    m.setBasename("i18n/messages");
    m.setDefaultEncoding("UTF-8");
    m.setFallbackToSystemLocale(false);
    return m;
  }

  String step(CaseEventType type, String stepName, Locale locale) {
    return WorkbenchModel.timelineStep(type, stepName, locale, messages);
  }

  @Test
  void aStepNamedLikeItsEventIsNotRepeated() {
    assertThat(step(CaseEventType.SIGNED, "签收 Sign for", ZH)).isNull();
    assertThat(step(CaseEventType.SIGNED, "签收 Sign for", Locale.ENGLISH)).isNull();
    assertThat(step(CaseEventType.ARRIVED, "到达现场 Arrive on site", ZH)).isNull();
    assertThat(step(CaseEventType.FIRST_REPORT, "首报 First report", Locale.ENGLISH)).isNull();
    assertThat(step(CaseEventType.REVIEWED, "复盘 After-action review", ZH)).isNull();
    assertThat(step(CaseEventType.CREATED, null, ZH)).isNull();
  }

  @Test
  void aStepThatAddsSomethingIsShownOnceInThePageLanguage() {
    assertThat(step(CaseEventType.COMPLETED, "入户调查 Home visit", ZH)).isEqualTo("入户调查");
    assertThat(step(CaseEventType.COMPLETED, "入户调查 Home visit", Locale.ENGLISH)).isEqualTo("Home visit");
    assertThat(step(CaseEventType.OVERDUE, "签收 Sign for", ZH)).isEqualTo("签收");
    assertThat(step(CaseEventType.ALL_CLEAR, "处置 Dispose", Locale.ENGLISH)).isEqualTo("Dispose");
    assertThat(step(CaseEventType.COMMENTED, "督办", ZH)).isEqualTo("督办");
  }

  @Test
  void aRatingRowNamesTheRatingNotItsCodeAndOtherKindsHaveTheirOwnWordForOpening() {
    WorkbenchModel work = new WorkbenchModel(null, null, messages, org.linli.calendar.internal.CalendarTestSupport.official(
        java.util.List.of(), java.util.List.of()), null);
    org.linli.casefile.CaseEvent rated = new org.linli.casefile.CaseEvent(1, CaseEventType.RATED, "Task_Callback", "回访 Callback",
        null, null, "rate", "NOT_SATISFIED: 居民评价：路灯还是不亮", null, java.time.Instant.EPOCH);
    assertThat(work.timelineNote(rated, ZH)).isEqualTo("不满意：居民评价：路灯还是不亮");
    org.linli.casefile.CaseEvent plain = new org.linli.casefile.CaseEvent(2, CaseEventType.COMMENTED, null, null, null, null,
        null, "SATISFIED: 不是评价", null, java.time.Instant.EPOCH);
    assertThat(work.timelineNote(plain, ZH)).as("only rating rows are read so").isEqualTo("SATISFIED: 不是评价");
    org.linli.casefile.CaseEvent linli = new org.linli.casefile.CaseEvent(3, CaseEventType.OVERDUE, null, null, null, null,
        null, "已超过办理时限 2026-03-02T09:00:00Z", "was due at 2026-03-02T09:00:00Z", java.time.Instant.EPOCH);
    assertThat(work.timelineNote(linli, ZH)).as("Linli's own note in the reader's language").isEqualTo("已超过办理时限 2026-03-02T09:00:00Z");
    assertThat(work.timelineNote(linli, java.util.Locale.ENGLISH)).isEqualTo("was due at 2026-03-02T09:00:00Z");
    org.linli.casefile.CaseEvent person = new org.linli.casefile.CaseEvent(4, CaseEventType.COMMENTED, null, null, "wang.fang", null,
        null, "已联系 Wang Fang", null, java.time.Instant.EPOCH);
    assertThat(work.timelineNote(person, ZH)).as("a person's words are never cut").isEqualTo("已联系 Wang Fang");

    assertThat(work.eventLabel(CaseEventType.CREATED, "ASSISTANCE", ZH)).isEqualTo("录入申请");
    assertThat(work.eventLabel(CaseEventType.CREATED, "REQUEST", ZH)).isEqualTo("受理");
    assertThat(work.eventLabel(CaseEventType.SIGNED, "ASSISTANCE", ZH)).isEqualTo("签收");
  }
}
