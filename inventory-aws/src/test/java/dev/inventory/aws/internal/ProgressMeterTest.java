package dev.inventory.aws.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressMeterTest {
  @Test
  void should_report_every_five_percent_and_the_last_item() {
    // GIVEN a meter over 1000 items and a clock that stands still
    List<long[]> reports = new ArrayList<>();
    ProgressMeter m = new ProgressMeter(1000, (d, t) -> reports.add(new long[] {d, t}), () -> 0L);
    // WHEN all items are done
    m.start();
    for (int i = 0; i < 1000; i++) {
      m.advance();
    }
    // THEN there is the start, one report per 5% (the last at 1000), and no more
    assertThat(reports).hasSize(21);
    assertThat(reports.get(1)).containsExactly(50, 1000);
    assertThat(reports.get(20)).containsExactly(1000, 1000);
  }

  @Test
  void should_report_after_two_seconds_even_without_five_percent_more() {
    // GIVEN a meter over many items and a clock that moves 1 s per item
    AtomicLong now = new AtomicLong();
    List<Long> done = new ArrayList<>();
    ProgressMeter m = new ProgressMeter(1_000_000, (d, t) -> done.add(d), now::get);
    // WHEN four items are done
    for (int i = 0; i < 4; i++) {
      now.addAndGet(1_000_000_000L);
      m.advance();
    }
    // THEN progress came at 2 s and 4 s
    assertThat(done).containsExactly(2L, 4L);
  }
}
