package dev.inventory.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inventory.state.StateStore;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pool: pool size N never runs more than N cleaner calls at once, and does run N at once when
 * there is enough work. Latches make the calls overlap on purpose; nothing depends on timing.
 */
class CleanupConcurrencyTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 4, 16})
  void should_run_at_most_and_at_least_pool_size_cleaner_calls_at_once(int n) {
    // GIVEN 26 planned keys and a cleaner whose first n calls wait until n calls are inside
    TestOrg org = TestOrg.build();
    StateStore state = StateStore.inMemory();
    org.mark(state);
    RecordingCleaner keys = new RecordingCleaner(TestKey.KIND).holding(org.keys);
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch allInside = new CountDownLatch(n);
    CountDownLatch oneMore = new CountDownLatch(n + 1);
    AtomicInteger arrived = new AtomicInteger();
    AtomicInteger reachedN = new AtomicInteger();
    keys.hook = call -> {
      int now = inside.incrementAndGet();
      most.accumulateAndGet(now, Math::max);
      allInside.countDown();
      oneMore.countDown();
      try {
        // n calls can only all be inside at once if the pool runs n at once; if it runs fewer,
        // this wait ends by timeout and the test fails below
        if (allInside.await(10, TimeUnit.SECONDS)) {
          reachedN.incrementAndGet();
        }
        // the first n calls stay inside a little longer, so that a pool running more than n
        // would get an (n+1)-th call in while they are there and raise "most" above n
        if (arrived.incrementAndGet() <= n) {
          oneMore.await(200, TimeUnit.MILLISECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        inside.decrementAndGet();
      }
    };
    CleanupExecutor executor = CleanupExecutorTest.executor(CleanupExecutorTest.REAL.toBuilder().poolSize(n).build(), keys)
        .build();
    // WHEN
    CleanupReport report = executor.run(org.inventory, state);
    // THEN
    assertThat(report.count(Outcome.CLEANED)).isEqualTo(26);
    assertThat(most.get()).as("most cleaner calls at once").isEqualTo(n);
    assertThat(reachedN.get()).as("calls that saw n calls inside").isEqualTo(keys.calls.size());
  }
}
