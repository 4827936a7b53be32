package org.linli.casefile.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.linli.request.IntakeForm;
import org.linli.request.RequestIntake;
import org.linli.support.LinliIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A number an older case already holds (made before the permutation, or under another key) is skipped. */
@LinliIntegrationTest
class CaseNumberCollisionTests {

  @Autowired RequestIntake intake;
  @Autowired CaseNumbers numbers;
  @Autowired JdbcClient jdbc;

  String submit() {
    return intake.submitPublic(new IntakeForm("rubbish", null, "垃圾桶满了没人清运", "330106001002", "文华社区3幢",
        null, null, "王五", "13700003333", null, null, null)).caseNumber();
  }

  long counter(int year) {
    return jdbc.sql("select last_value from case_number_counter where kind = 'MH' and counter_year = ?").param(year)
        .query(Long.class).single();
  }

  @Test
  void theNextCountsNumberAlreadyTakenIsSkippedAndIntakeGoesOn() {
    String older = submit();
    int year = Integer.parseInt(older.substring(2, 6));
    long before = counter(year);
    // an older case holds exactly the number the next count would print
    String predicted = numbers.format("MH", year, before + 1);
    jdbc.sql("update case_file set case_number = ? where case_number = ?").params(predicted, older).update();

    String fresh = submit();

    assertThat(fresh).isNotEqualTo(predicted).isEqualTo(numbers.format("MH", year, before + 2));
    assertThat(counter(year)).isEqualTo(before + 2);
    assertThat(jdbc.sql("select count(*) from case_file where case_number = ?").param(fresh).query(Long.class).single())
        .isEqualTo(1);
  }
}
