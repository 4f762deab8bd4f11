package dev.inventory.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inventory.BaseKinds;
import dev.inventory.Resource;
import dev.inventory.cleanup.CleanupConfig;
import dev.inventory.cleanup.CleanupContext;
import dev.inventory.cleanup.CleanupExecutor;
import dev.inventory.collect.FixtureCollector;
import dev.inventory.spi.Cleaner;
import dev.inventory.state.NodeState;
import dev.inventory.state.StateStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The workflow's cleanup step obeys {@code cleanup} and {@code cleanup_max_resources} because the
 * executor enforces them: whether the workflow's configuration or the executor's own says no,
 * nothing is called and the state stays as it was.
 */
class WorkflowsCleanupGuardTest {
  private final StateStore state = StateStore.inMemory();
  private final List<String> calls = new CopyOnWriteArrayList<>();

  /** Records every call; a key "exists" until deleted. */
  private final Cleaner recording = new Cleaner() {
    @Override
    public String kind() {
      return BaseKinds.ACCESS_KEY;
    }

    @Override
    public Optional<Resource> refresh(Resource resource, CleanupContext context) {
      calls.add("refresh " + resource.id());
      return Optional.of(resource);
    }

    @Override
    public void delete(Resource resource, CleanupContext context) {
      calls.add("delete " + resource.id());
    }
  };

  private CleanupExecutor executor(CleanupConfig config) {
    return CleanupExecutor.builder().config(config).clock(TestOrg.CLOCK).cleaner(recording).withoutDiscovery().build();
  }

  private WorkflowResult run(CleanupConfig workflowConfig, CleanupExecutor fixed) {
    Workflows.Builder b = Workflows.builder().collector(FixtureCollector.of(TestOrg::inventory)).state(state)
        .cleanupConfig(workflowConfig).clock(TestOrg.CLOCK);
    if (fixed == null) {
      b.executor(this::executor);
    } else {
      b.executor(fixed);
    }
    Workflows workflows = b.build();
    workflows.run("collect");
    TestOrg.markStaleKeys(workflows.current().orElseThrow(), state);
    Map<String, NodeState> before = state.all();
    WorkflowResult result = workflows.run("cleanup");
    assertThat(state.all()).as("the state store is unchanged").isEqualTo(before);
    return result;
  }

  @Test
  void should_skip_the_step_and_call_nothing_while_cleanup_is_disabled() {
    // WHEN the workflow runs with cleanup: false and cleanup_dry_run: false
    WorkflowResult result = run(CleanupConfig.builder().cleanup(false).dryRun(false).build(), null);
    // THEN
    StepResult step = result.step(WorkflowStep.CLEANUP).orElseThrow();
    assertThat(step.status()).isEqualTo(StepResult.Status.SKIPPED);
    assertThat(step.message()).isEqualTo(Workflows.CLEANUP_DISABLED);
    assertThat(calls).isEmpty();
  }

  @Test
  void should_skip_the_step_when_the_executor_itself_refuses_a_disabled_cleanup() {
    // GIVEN the workflow's configuration enables cleanup, but the executor it was given does not
    CleanupExecutor disabled = executor(CleanupConfig.builder().cleanup(false).dryRun(false).build());
    // WHEN
    WorkflowResult result = run(TestOrg.enabled(false), disabled);
    // THEN the executor refused before any call
    StepResult step = result.step(WorkflowStep.CLEANUP).orElseThrow();
    assertThat(step.status()).isEqualTo(StepResult.Status.SKIPPED);
    assertThat(step.message()).startsWith("cleanup is disabled (worker.cleanup: false): nothing was changed.");
    assertThat(calls).isEmpty();
  }

  @Test
  void should_refuse_a_plan_over_the_cap_before_any_cleaner_call() {
    // WHEN two keys are planned and the cap is one
    WorkflowResult result = run(CleanupConfig.builder().cleanup(true).dryRun(false).maxResources(1).build(), null);
    // THEN
    StepResult step = result.step(WorkflowStep.CLEANUP).orElseThrow();
    assertThat(step.status()).isEqualTo(StepResult.Status.SKIPPED);
    assertThat(step.message()).startsWith("cleanup refused: the plan has 2 resources, more than "
        + "cleanup_max_resources allows (1): nothing was changed.");
    assertThat(calls).isEmpty();
  }
}
