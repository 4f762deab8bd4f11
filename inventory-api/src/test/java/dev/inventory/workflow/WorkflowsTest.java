package dev.inventory.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inventory.Inventory;
import dev.inventory.cleanup.CleanupConfig;
import dev.inventory.cleanup.CleanupReport;
import dev.inventory.cleanup.Outcome;
import dev.inventory.collect.CollectProgress;
import dev.inventory.collect.CollectResult;
import dev.inventory.collect.FixtureCollector;
import dev.inventory.collect.SourceError;
import dev.inventory.spi.Collector;
import dev.inventory.state.StateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class WorkflowsTest {
  private final StateStore state = StateStore.inMemory();
  private final AtomicInteger runIds = new AtomicInteger();

  private Workflows.Builder workflows(Collector collector, CleanupConfig config) {
    return Workflows.builder()
        .collector(collector)
        .state(state)
        .cleanupConfig(config)
        .executor(TestOrg::executor)
        .clock(TestOrg.CLOCK)
        .runIds(() -> "run-" + runIds.incrementAndGet());
  }

  private Workflows.Builder workflows(CleanupConfig config) {
    return workflows(FixtureCollector.of(TestOrg::inventory), config);
  }

  /** The job of the guide: marks stale keys at post_collect, on the snapshot just collected. */
  private WorkflowListener marker(Workflows[] self) {
    return event -> {
      if (event.step() == WorkflowStep.POST_COLLECT) {
        TestOrg.markStaleKeys(self[0].current().orElseThrow(), state);
      }
    };
  }

  @Test
  void should_announce_every_step_before_it_runs_in_the_documented_order() {
    // GIVEN a listener and a collector that both write to one log
    List<String> log = new ArrayList<>();
    List<WorkflowEvent> events = new ArrayList<>();
    Collector collector = context -> {
      log.add("collector runs");
      return CollectResult.of(TestOrg.inventory());
    };
    WorkflowListener listener = new WorkflowListener() {
      @Override
      public void onEvent(WorkflowEvent event) {
        log.add(event.name());
        events.add(event);
      }

      @Override
      public void onRunStarted(String runId, String workflow, java.time.Instant time) {
        log.add("started " + runId + " " + workflow);
      }

      @Override
      public void onRunEnded(WorkflowResult result) {
        log.add("ended " + result.runId());
      }
    };
    Workflows workflows = workflows(collector, CleanupConfig.defaults()).listener(listener).build();
    // WHEN collect_and_cleanup runs
    WorkflowResult result = workflows.run("collect_and_cleanup");
    // THEN each step was announced before it ran, in the workflow's step order
    assertThat(log).containsExactly("started run-1 collect_and_cleanup", "pre_collect", "collect", "collector runs",
        "post_collect", "pre_cleanup_plan", "cleanup_plan", "post_cleanup_plan", "pre_cleanup", "cleanup",
        "post_cleanup", "ended run-1");
    assertThat(events).allSatisfy(e -> {
      assertThat(e.runId()).isEqualTo("run-1");
      assertThat(e.workflow()).isEqualTo("collect_and_cleanup");
      assertThat(e.time()).isEqualTo(TestOrg.NOW);
    });
    assertThat(result.steps()).extracting(StepResult::step).containsExactly(WorkflowStep.values());
    assertThat(result.runId()).isEqualTo("run-1");
    assertThat(result.started()).isEqualTo(TestOrg.NOW);
    assertThat(result.ended()).isEqualTo(TestOrg.NOW);
    assertThat(result.ok()).isTrue();
  }

  @Test
  void should_clean_in_the_same_run_what_a_post_collect_listener_marked() {
    // GIVEN cleanup enabled for real and a listener that marks stale keys at post_collect
    Workflows[] self = new Workflows[1];
    self[0] = workflows(TestOrg.enabled(false)).listener(marker(self)).build();
    // WHEN collect_and_cleanup runs once
    WorkflowResult result = self[0].run("collect_and_cleanup");
    // THEN the cleanup step cleaned exactly the keys the listener marked
    CleanupReport report = result.cleanupReport().orElseThrow();
    assertThat(report.withOutcome(Outcome.CLEANED)).extracting(n -> n.id())
        .containsExactlyInAnyOrderElementsOf(TestOrg.MARKED);
    assertThat(report.dryRun()).isFalse();
    assertThat(TestOrg.MARKED).allSatisfy(id -> assertThat(state.get(id).isCleaned()).isTrue());
    assertThat(state.get("key-jenkins-stale").isCleaned()).isFalse();
    assertThat(result.step(WorkflowStep.CLEANUP_PLAN).orElseThrow().message()).isEqualTo("2 nodes planned in 1 pass");
    assertThat(result.step(WorkflowStep.CLEANUP).orElseThrow())
        .satisfies(s -> assertThat(s.status()).isEqualTo(StepResult.Status.OK))
        .satisfies(s -> assertThat(s.message()).isEqualTo("cleaned 2"));
  }

  @Test
  void should_report_would_clean_and_change_nothing_in_a_dry_run() {
    // GIVEN cleanup enabled as a dry run, and the marking listener
    Workflows[] self = new Workflows[1];
    self[0] = workflows(TestOrg.enabled(true)).listener(marker(self)).build();
    // WHEN collect_and_cleanup runs
    WorkflowResult result = self[0].run("collect_and_cleanup");
    // THEN the report says would_clean for the marked keys and nothing is recorded as cleaned
    CleanupReport report = result.cleanupReport().orElseThrow();
    assertThat(report.dryRun()).isTrue();
    assertThat(report.count(Outcome.WOULD_CLEAN)).isEqualTo(2);
    assertThat(report.count(Outcome.CLEANED)).isZero();
    assertThat(result.step(WorkflowStep.CLEANUP).orElseThrow().message()).isEqualTo("dry run: would_clean 2");
    assertThat(TestOrg.MARKED).allSatisfy(id -> {
      assertThat(state.get(id).isCleaned()).isFalse();
      assertThat(state.get(id).isMarkedForCleanup()).isTrue();
    });
  }

  @Test
  void should_say_that_cleanup_is_disabled_and_not_run_the_executor() {
    // GIVEN the default configuration (cleanup: false) and marked keys
    Workflows[] self = new Workflows[1];
    self[0] = workflows(CleanupConfig.defaults()).listener(marker(self)).build();
    // WHEN collect_and_cleanup runs
    WorkflowResult result = self[0].run("collect_and_cleanup");
    // THEN the plan is made, the cleanup step is skipped with the reason, and nothing ran
    assertThat(result.step(WorkflowStep.CLEANUP_PLAN).orElseThrow().status()).isEqualTo(StepResult.Status.OK);
    StepResult cleanup = result.step(WorkflowStep.CLEANUP).orElseThrow();
    assertThat(cleanup.status()).isEqualTo(StepResult.Status.SKIPPED);
    assertThat(cleanup.message()).isEqualTo("cleanup is disabled (cleanup: false)");
    assertThat(result.cleanupReport()).isEmpty();
    assertThat(result.ok()).isTrue();
    assertThat(TestOrg.MARKED).allSatisfy(id -> assertThat(state.get(id).isMarkedForCleanup()).isTrue());
  }

  @Test
  void should_record_a_listener_error_and_continue_the_workflow() {
    // GIVEN a listener that fails at post_collect, then the marking listener
    Workflows[] self = new Workflows[1];
    WorkflowListener failing = new WorkflowListener() {
      @Override
      public void onEvent(WorkflowEvent event) {
        if (event.step() == WorkflowStep.POST_COLLECT) {
          throw new IllegalStateException("job failed");
        }
      }

      @Override
      public String toString() {
        return "failing-job";
      }
    };
    self[0] = workflows(TestOrg.enabled(false)).listener(failing).listener(marker(self)).build();
    // WHEN collect_and_cleanup runs
    WorkflowResult result = self[0].run("collect_and_cleanup");
    // THEN the error is recorded, the next listener still ran and the cleanup went on
    assertThat(result.errors()).singleElement().satisfies(e -> {
      assertThat(e.step()).isEqualTo(WorkflowStep.POST_COLLECT);
      assertThat(e.source()).isEqualTo("listener failing-job");
      assertThat(e.message()).isEqualTo("job failed");
      assertThat(e.cause()).containsInstanceOf(IllegalStateException.class);
    });
    assertThat(result.ok()).isFalse();
    assertThat(result.steps()).hasSize(9).allSatisfy(s -> assertThat(s.status()).isEqualTo(StepResult.Status.OK));
    assertThat(result.cleanupReport().orElseThrow().count(Outcome.CLEANED)).isEqualTo(2);
  }

  @Test
  void should_record_a_step_error_continue_and_keep_the_previous_snapshot() {
    // GIVEN a collector that works once, then fails
    AtomicInteger calls = new AtomicInteger();
    Inventory first = TestOrg.inventory();
    Collector collector = context -> {
      if (calls.incrementAndGet() > 1) {
        throw new IllegalStateException("credentials expired");
      }
      return CollectResult.of(first);
    };
    List<String> announced = new ArrayList<>();
    Workflows workflows = workflows(collector, CleanupConfig.defaults()).listener(e -> announced.add(e.name())).build();
    workflows.run("collect_and_cleanup");
    announced.clear();
    // WHEN the next run's collect fails
    WorkflowResult result = workflows.run("collect_and_cleanup");
    // THEN the step failed with its error, the later steps ran on the previous snapshot
    StepResult collect = result.step(WorkflowStep.COLLECT).orElseThrow();
    assertThat(collect.status()).isEqualTo(StepResult.Status.FAILED);
    assertThat(collect.error()).get().extracting(Throwable::getMessage).isEqualTo("credentials expired");
    assertThat(result.errors()).singleElement().satisfies(e -> {
      assertThat(e.step()).isEqualTo(WorkflowStep.COLLECT);
      assertThat(e.source()).isEqualTo("step");
    });
    assertThat(announced).hasSize(9);
    assertThat(result.step(WorkflowStep.CLEANUP_PLAN).orElseThrow().status()).isEqualTo(StepResult.Status.OK);
    assertThat(workflows.current()).containsSame(first);
  }

  @Test
  void should_put_the_collector_source_errors_in_the_result() {
    // GIVEN a collector where one source failed
    SourceError denied = new SourceError("aws:222222222222", "AccessDenied", "cannot assume role");
    Collector collector = context -> new CollectResult(TestOrg.inventory(), List.of(denied));
    Workflows workflows = workflows(collector, CleanupConfig.defaults()).build();
    // WHEN collect runs
    WorkflowResult result = workflows.run("collect");
    // THEN the snapshot replaced the current one and the source error is in the result
    assertThat(result.collectErrors()).containsExactly(denied);
    assertThat(result.ok()).isFalse();
    assertThat(result.step(WorkflowStep.COLLECT).orElseThrow().message()).isEqualTo("9 nodes, 12 edges; 1 source error");
    assertThat(result.render()).contains("collect errors:", "aws:222222222222: AccessDenied: cannot assume role");
    assertThat(workflows.current()).get().extracting(Inventory::size).isEqualTo(9);
  }

  @Test
  void should_replace_the_current_snapshot_at_each_collect() {
    // GIVEN a collector that builds a new snapshot each time
    Workflows workflows = workflows(CleanupConfig.defaults()).build();
    assertThat(workflows.current()).isEmpty();
    // WHEN collect runs twice
    workflows.run("collect");
    Inventory first = workflows.current().orElseThrow();
    workflows.run("collect");
    // THEN the current snapshot is the second one
    assertThat(workflows.current()).get().isNotSameAs(first).isEqualTo(first);
  }

  @Test
  void should_run_only_its_own_steps_for_collect_and_for_cleanup() {
    // GIVEN workflows that never collected
    Workflows workflows = workflows(TestOrg.enabled(false)).build();
    // WHEN cleanup runs first, then collect
    WorkflowResult cleanup = workflows.run("cleanup");
    WorkflowResult collect = workflows.run("collect");
    // THEN each ran its steps; cleanup had nothing to plan yet
    assertThat(cleanup.steps()).extracting(s -> s.step().label()).containsExactly(
        "pre_cleanup_plan", "cleanup_plan", "post_cleanup_plan", "pre_cleanup", "cleanup", "post_cleanup");
    assertThat(cleanup.step(WorkflowStep.CLEANUP_PLAN).orElseThrow().message()).isEqualTo("no snapshot yet: run collect first");
    assertThat(cleanup.step(WorkflowStep.CLEANUP).orElseThrow().status()).isEqualTo(StepResult.Status.SKIPPED);
    assertThat(collect.steps()).extracting(s -> s.step().label()).containsExactly("pre_collect", "collect", "post_collect");
    assertThat(collect.cleanupReport()).isEmpty();
  }

  @Test
  void should_run_cleanup_on_marks_made_outside_the_workflow() {
    // GIVEN a collected snapshot and keys marked by the host between runs
    Workflows workflows = workflows(TestOrg.enabled(false)).build();
    workflows.run("collect");
    TestOrg.markStaleKeys(workflows.current().orElseThrow(), state);
    // WHEN cleanup runs
    WorkflowResult result = workflows.run("cleanup");
    // THEN the marked keys are cleaned
    assertThat(result.cleanupReport().orElseThrow().count(Outcome.CLEANED)).isEqualTo(2);
  }

  @Test
  void should_read_the_cleanup_configuration_at_each_run() {
    // GIVEN a configuration that the host changes between runs, and marked keys
    AtomicReference<CleanupConfig> config = new AtomicReference<>(CleanupConfig.defaults());
    Workflows workflows = workflows(CleanupConfig.defaults()).cleanupConfig(config::get).build();
    workflows.run("collect");
    TestOrg.markStaleKeys(workflows.current().orElseThrow(), state);
    WorkflowResult disabled = workflows.run("cleanup");
    // WHEN cleanup is switched on, as `config set worker cleanup=true` would
    config.set(config.get().with("cleanup", "true").with("cleanup_dry_run", "false"));
    WorkflowResult enabled = workflows.run("cleanup");
    // THEN the first run said cleanup was off, the second cleaned
    assertThat(disabled.step(WorkflowStep.CLEANUP).orElseThrow().message()).isEqualTo(Workflows.CLEANUP_DISABLED);
    assertThat(enabled.cleanupReport().orElseThrow().count(Outcome.CLEANED)).isEqualTo(2);
  }

  @Test
  void should_pass_collect_progress_to_listeners() {
    // GIVEN a listener that records collect progress
    List<CollectProgress> progress = new ArrayList<>();
    WorkflowListener listener = new WorkflowListener() {
      @Override
      public void onEvent(WorkflowEvent event) {}

      @Override
      public void onCollectProgress(CollectProgress p) {
        progress.add(p);
      }
    };
    Workflows workflows = workflows(FixtureCollector.of("demo", TestOrg::inventory), CleanupConfig.defaults())
        .listener(listener).build();
    // WHEN collect runs
    workflows.run("collect");
    // THEN the fixture collector's progress reached the listener with the run id
    assertThat(progress).extracting(CollectProgress::message).containsExactly("loading", "9 nodes, 12 edges");
    assertThat(progress).allSatisfy(p -> assertThat(p.runId()).isEqualTo("run-1"));
  }

  @Test
  void should_refuse_an_unknown_workflow_and_list_the_known_ones() {
    // GIVEN workflows
    Workflows workflows = workflows(CleanupConfig.defaults()).build();
    // WHEN / THEN an unknown name fails before anything runs
    assertThatThrownBy(() -> workflows.run("colect"))
        .isInstanceOf(WorkflowException.class)
        .hasMessage("unknown workflow \"colect\"; known workflows: collect_and_cleanup, collect, cleanup");
    assertThat(workflows.history()).isEmpty();
    assertThat(workflows.workflowNames()).containsExactly("collect_and_cleanup", "collect", "cleanup");
  }

  @Test
  void should_keep_a_bounded_history_oldest_first() {
    // GIVEN a history of two runs
    Workflows workflows = workflows(CleanupConfig.defaults()).historySize(2).build();
    // WHEN three runs happen
    workflows.run("collect");
    workflows.run("cleanup");
    workflows.run("collect");
    // THEN the oldest is dropped
    assertThat(workflows.history()).extracting(WorkflowResult::runId).containsExactly("run-2", "run-3");
    assertThat(workflows.history("collect")).extracting(WorkflowResult::runId).containsExactly("run-3");
  }

  @Test
  void should_stop_announcing_to_a_removed_listener() {
    // GIVEN a listener added at run time, as a job is
    Workflows workflows = workflows(CleanupConfig.defaults()).build();
    List<String> seen = new ArrayList<>();
    WorkflowListener job = e -> seen.add(e.name());
    workflows.addListener(job);
    workflows.run("collect");
    // WHEN it is removed and another run happens
    boolean removed = workflows.removeListener(job);
    workflows.run("collect");
    // THEN it saw only the first run
    assertThat(removed).isTrue();
    assertThat(seen).containsExactly("pre_collect", "collect", "post_collect");
  }
}
