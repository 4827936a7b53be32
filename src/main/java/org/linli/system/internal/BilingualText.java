package org.linli.system.internal;

import java.util.Locale;
import org.linli.system.Bilingual;
import org.springframework.stereotype.Component;

/** For the pages: {@code ${@bilingual.of(task.name(), #locale)}} shows "签收 Sign for" in the reader's language. */
@Component("bilingual")
public class BilingualText {

  public String of(String text, Locale locale) {
    return Bilingual.in(text, locale);
  }
}
