package dev.inventory.aws.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
  private static final long SECOND = 1_000_000_000L;

  /** A clock that only moves when the bucket sleeps, and remembers each sleep. */
  private static final class FakeTime {
    final AtomicLong now = new AtomicLong();
    final List<Long> sleeps = new ArrayList<>();

    void sleep(long nanos) {
      sleeps.add(nanos);
      now.addAndGet(nanos);
    }
  }

  @Test
  void should_let_a_burst_through_then_keep_the_rate() throws InterruptedException {
    // GIVEN 10 per second with a burst of 10 and a clock that moves only while sleeping
    FakeTime time = new FakeTime();
    TokenBucket bucket = TokenBucket.of(10, 10, time.now::get, time::sleep);
    // WHEN 30 permits are taken
    for (int i = 0; i < 30; i++) {
      bucket.acquire();
    }
    // THEN the first 10 did not wait, and the other 20 took 2 seconds in all: 10 per second
    assertThat(time.sleeps).hasSize(20);
    assertThat(time.now.get()).isBetween(2 * SECOND - 1000, 2 * SECOND + 1000);
  }

  @Test
  void should_serve_waiting_callers_in_order_by_debt() throws InterruptedException {
    // GIVEN an empty bucket of 2 per second, whose clock does not move meanwhile
    AtomicLong now = new AtomicLong();
    List<Long> waits = new ArrayList<>();
    TokenBucket bucket = TokenBucket.of(2, 1, now::get, waits::add);
    bucket.acquire(); // the burst
    // WHEN three callers ask one after the other before any time passes
    bucket.acquire();
    bucket.acquire();
    bucket.acquire();
    // THEN each waits for the debt in front of it: 0.5 s, 1 s, 1.5 s
    assertThat(waits).containsExactly(SECOND / 2, SECOND, 3 * SECOND / 2);
  }

  @Test
  void should_refill_no_more_than_the_burst() throws InterruptedException {
    // GIVEN a bucket that was idle for a minute
    FakeTime time = new FakeTime();
    TokenBucket bucket = TokenBucket.of(5, 5, time.now::get, time::sleep);
    time.now.addAndGet(60 * SECOND);
    // WHEN 6 permits are taken
    for (int i = 0; i < 6; i++) {
      bucket.acquire();
    }
    // THEN only the 6th waited (one fifth of a second)
    assertThat(time.sleeps).containsExactly(SECOND / 5);
  }

  @Test
  void should_not_limit_at_rate_zero() throws InterruptedException {
    TokenBucket off = TokenBucket.perSecond(0);
    assertThat(off.limits()).isFalse();
    for (int i = 0; i < 1000; i++) {
      assertThat(off.acquire()).isZero();
    }
  }

  @Test
  void should_reject_bad_rates_and_bursts() {
    assertThatThrownBy(() -> TokenBucket.perSecond(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got -1.0");
    assertThatThrownBy(() -> TokenBucket.of(1, 0.5, () -> 0L, n -> { })).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a burst is at least 1");
  }
}
