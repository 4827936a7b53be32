package org.linli.casefile.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A title search takes each word, however a Chinese keyboard separates them. */
class TitleSearchWordsTests {

  @Test
  void aFullWidthSpaceSeparatesWordsAsAnOrdinaryOneDoes() {
    assertThat(new CaseQueries.Where().text("路灯\u3000村口").params()).containsExactly("%路灯%", "%村口%");
    assertThat(new CaseQueries.Where().text("路灯 村口").params()).containsExactly("%路灯%", "%村口%");
    assertThat(new CaseQueries.Where().text("\u3000路灯\u3000").params()).containsExactly("%路灯%");
  }
}
