package org.linli.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.linli.request.IntakeForm;
import org.linli.request.RequestIntake;
import org.linli.support.LinliIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Case numbers stay unique and without gaps when many requests come in at once. */
@LinliIntegrationTest
class CaseNumberConcurrencyTests {

  @Autowired RequestIntake intake;
  @Autowired JdbcClient jdbc;

  long counter() {
    return jdbc.sql("select coalesce(max(last_value), 0) from case_number_counter where kind = 'MH'").query(Long.class).single();
  }

  @Test
  void concurrentIntakeGetsDistinctNumbersFromAGapFreeCounterThatTheNumbersDoNotReveal() throws Exception {
    long before = counter();
    int threads = 8;
    int perThread = 15;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Callable<List<String>>> work = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      work.add(() -> {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < perThread; i++) {
          numbers.add(intake.submitPublic(new IntakeForm("rubbish", null, "垃圾桶满了没人清运", "330106001002", "文华社区3幢",
              null, null, "王五", "13700003333", null, null, null)).caseNumber());
        }
        return numbers;
      });
    }
    Set<String> all = new TreeSet<>();
    int total = 0;
    try {
      for (Future<List<String>> f : pool.invokeAll(work)) {
        List<String> numbers = f.get();
        total += numbers.size();
        all.addAll(numbers);
      }
    } finally {
      pool.shutdown();
    }
    assertThat(total).isEqualTo(threads * perThread);
    assertThat(all).as("no number handed out twice").hasSize(total);
    assertThat(counter() - before).as("the counter behind the numbers has no gaps").isEqualTo(total);
    assertThat(all).allMatch(n -> n.matches("MH\\d{4}-\\d{6}"), "readable: prefix, year, six digits");
    List<Long> sequence = all.stream().map(n -> Long.parseLong(n.substring(n.indexOf('-') + 1))).sorted().toList();
    assertThat(sequence.get(sequence.size() - 1) - sequence.get(0)).as("the numbers are spread, not consecutive")
        .isGreaterThan(10L * total);
  }
}
