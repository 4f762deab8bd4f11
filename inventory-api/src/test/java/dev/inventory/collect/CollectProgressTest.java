package dev.inventory.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CollectProgressTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  @Test
  void should_mark_an_event_without_counts_as_not_counted() {
    // WHEN an event is made with the four-value constructor
    CollectProgress p = new CollectProgress("", "aws:1", "listing users", CLOCK.instant());
    // THEN it counts nothing
    assertThat(p.done()).isEqualTo(CollectProgress.NOT_COUNTED);
    assertThat(p.total()).isEqualTo(CollectProgress.NOT_COUNTED);
    assertThat(p.counted()).isFalse();
    assertThat(p.fraction()).isEmpty();
  }

  @Test
  void should_carry_done_and_total_from_the_context() {
    // GIVEN a context that records progress
    List<CollectProgress> events = new ArrayList<>();
    CollectContext context = new CollectContext("run-7", CLOCK, events::add);
    // WHEN counted and uncounted progress is reported
    context.progress("aws:111111111111", "access keys", 3, 12);
    context.progress("aws:111111111111", "credential report COMPLETE");
    // THEN the counts arrive as given, and -1 where none were given
    assertThat(events).extracting(CollectProgress::done).containsExactly(3L, -1L);
    assertThat(events).extracting(CollectProgress::total).containsExactly(12L, -1L);
    assertThat(events.get(0).fraction()).hasValue(0.25);
    assertThat(events).allSatisfy(e -> assertThat(e.runId()).isEqualTo("run-7"));
  }

  @Test
  void should_count_an_empty_step_as_complete() {
    assertThat(new CollectProgress("", "s", "users", CLOCK.instant(), 0, 0).fraction()).hasValue(1.0);
  }

  @Test
  void should_reject_counts_that_cannot_be() {
    assertThatThrownBy(() -> new CollectProgress("", "aws:1", "keys", CLOCK.instant(), 5, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("done 5 exceeds total 4");
    assertThatThrownBy(() -> new CollectProgress("", "aws:1", "keys", CLOCK.instant(), -2, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1 (not counted) or more");
  }
}
