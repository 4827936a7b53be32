package org.linli.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every timeline event has its label in both bundles, so no page ever shows ??event.X_zh_CN??. */
class CaseEventMessagesTests {

  static Properties bundle(String name) throws IOException {
    Properties p = new Properties();
    try (Reader r = new InputStreamReader(CaseEventMessagesTests.class.getResourceAsStream("/i18n/" + name), StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return p;
  }

  @Test
  void everyEventTypeHasAChineseAndAnEnglishLabel() throws IOException {
    Properties zh = bundle("messages.properties");
    Properties en = bundle("messages_en.properties");
    for (CaseEventType t : CaseEventType.values()) {
      assertThat(zh.getProperty("event." + t.name())).as("event.%s in messages.properties", t).isNotBlank();
      assertThat(en.getProperty("event." + t.name())).as("event.%s in messages_en.properties", t).isNotBlank();
      assertThat(en.getProperty("event." + t.name())).as("event.%s in English", t).matches("[\\x20-\\x7e]+");
    }
  }
}
