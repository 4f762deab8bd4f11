package dev.inventory.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inventory.cleanup.CleanupConfig;
import dev.inventory.collect.FixtureCollector;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkflowConcurrencyTest {
  private final ExecutorService threads = Executors.newFixedThreadPool(2);
  private final CountDownLatch firstRunInside = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicInteger active = new AtomicInteger();
  private final AtomicInteger maxActive = new AtomicInteger();
  private final List<String> events = new CopyOnWriteArrayList<>();

  @AfterEach
  void stopThreads() throws InterruptedException {
    release.countDown();
    threads.shutdownNow();
    assertThat(threads.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
  }

  /** Holds the first run at pre_collect until released, and counts runs between start and end. */
  private Workflows blockingWorkflows() {
    AtomicInteger runs = new AtomicInteger();
    WorkflowListener listener = new WorkflowListener() {
      @Override
      public void onRunStarted(String runId, String workflow, java.time.Instant time) {
        maxActive.accumulateAndGet(active.incrementAndGet(), Math::max);
      }

      @Override
      public void onEvent(WorkflowEvent event) {
        events.add(event.runId() + " " + event.name());
        if (event.step() == WorkflowStep.PRE_COLLECT && event.runId().equals("run-1")) {
          firstRunInside.countDown();
          await(release);
        }
      }

      @Override
      public void onRunEnded(WorkflowResult result) {
        active.decrementAndGet();
      }
    };
    return Workflows.builder()
        .collector(FixtureCollector.of(TestOrg::inventory))
        .cleanupConfig(CleanupConfig.defaults())
        .executor(TestOrg::executor)
        .clock(TestOrg.CLOCK)
        .runIds(() -> "run-" + runs.incrementAndGet())
        .listener(listener)
        .build();
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void should_make_a_second_run_wait_until_the_first_has_ended() throws Exception {
    // GIVEN a run of collect_and_cleanup held inside its first step
    Workflows workflows = blockingWorkflows();
    Future<WorkflowResult> first = threads.submit(() -> workflows.run("collect_and_cleanup"));
    await(firstRunInside);
    // WHEN a second run of the same workflow is asked for meanwhile
    Future<WorkflowResult> second = threads.submit(() -> workflows.run("collect_and_cleanup"));
    Thread.sleep(100);
    // THEN it has not started while the first is held
    assertThat(second.isDone()).isFalse();
    assertThat(events).containsExactly("run-1 pre_collect");
    release.countDown();
    // AND it runs after the first has ended, never overlapping
    assertThat(first.get(5, TimeUnit.SECONDS).runId()).isEqualTo("run-1");
    WorkflowResult secondResult = second.get(5, TimeUnit.SECONDS);
    assertThat(secondResult.started()).isAfterOrEqualTo(first.get().ended());
    assertThat(maxActive).hasValue(1);
    assertThat(events.indexOf("run-2 pre_collect")).isGreaterThan(events.indexOf("run-1 post_cleanup"));
    assertThat(workflows.history()).extracting(WorkflowResult::runId).containsExactly("run-1", "run-2");
  }

  @Test
  void should_refuse_a_try_run_while_a_run_is_going() throws Exception {
    // GIVEN a run held inside its first step
    Workflows workflows = blockingWorkflows();
    Future<WorkflowResult> first = threads.submit(() -> workflows.run("collect_and_cleanup"));
    await(firstRunInside);
    // WHEN a scheduler tries to start the workflow again, and once more after the run ended
    boolean runningMeanwhile = workflows.isRunning();
    var refused = workflows.tryRun("collect_and_cleanup");
    release.countDown();
    first.get(5, TimeUnit.SECONDS);
    var accepted = workflows.tryRun("collect_and_cleanup");
    // THEN the first try was refused without running anything, the second ran
    assertThat(runningMeanwhile).isTrue();
    assertThat(refused).isEmpty();
    assertThat(accepted).get().extracting(WorkflowResult::runId).isEqualTo("run-2");
    assertThat(workflows.isRunning()).isFalse();
    assertThat(workflows.history()).hasSize(2);
  }
}
