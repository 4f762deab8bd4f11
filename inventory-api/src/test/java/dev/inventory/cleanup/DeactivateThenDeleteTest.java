package dev.inventory.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inventory.AccessKeyStatus;
import dev.inventory.Resource;
import dev.inventory.state.NodeState;
import dev.inventory.state.StateStore;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The deactivate_then_delete strategy: deactivate first, delete after the grace period on a later run, never a key found active again. */
class DeactivateThenDeleteTest {
  private final TestOrg org = TestOrg.build();
  private final StateStore state = StateStore.inMemory();
  private final MutableClock clock = new MutableClock(TestOrg.NOW);
  private final RecordingCleaner keys = new RecordingCleaner(TestKey.KIND,
      CleanupStrategy.deactivateThenDelete(), CleanupStrategy.delete()).holding(org.keys);

  private CleanupReport run(CleanupConfig config) {
    return CleanupExecutor.builder().withoutDiscovery().config(config).clock(clock).cleaner(keys)
        .selectionCheck(TestOrg.selectionCheck()).build().run(org.inventory, state);
  }

  @Test
  void should_deactivate_first_and_delete_only_after_the_grace_period_on_a_later_run() {
    // GIVEN 26 marked keys and a cleaner whose preferred strategy is deactivate_then_delete (14 days)
    List<TestKey> marked = org.mark(state);
    TestKey reactivated = marked.get(4);

    // WHEN the first run comes
    CleanupReport first = run(CleanupExecutorTest.REAL);
    // THEN every key is deactivated, recorded, still marked and not deleted
    assertThat(first.count(Outcome.CLEANED)).isEqualTo(26);
    assertThat(first.nodes()).allMatch(n -> n.reason().equals("deactivated; deletion due after 2026-05-15T00:00:00Z"));
    assertThat(keys.calls("deactivate")).hasSize(26);
    assertThat(keys.calls("delete")).isEmpty();
    for (TestKey k : marked) {
      NodeState s = state.get(k.id());
      assertThat(s.progress()).containsEntry(CleanupStrategy.DEACTIVATED_AT, "2026-05-01T00:00:00Z");
      assertThat(s.isMarkedForCleanup()).isTrue();
      assertThat(s.isCleaned()).isFalse();
      assertThat(((TestKey) keys.cloud.get(k.id())).accessKeyStatus()).contains(AccessKeyStatus.INACTIVE);
    }

    // WHEN a run comes a week later, inside the grace period
    clock.advance(Duration.ofDays(7));
    CleanupReport second = run(CleanupExecutorTest.REAL);
    // THEN nothing changes
    assertThat(second.count(Outcome.SKIPPED)).isEqualTo(26);
    assertThat(second.nodes()).allMatch(n -> n.reason().equals(
        "inactive since 2026-05-01T00:00:00Z; deletion due after 2026-05-15T00:00:00Z"));
    assertThat(keys.mutatingCalls()).hasSize(26);

    // WHEN someone turns one key on again, and a run comes after the grace period
    keys.cloud.put(reactivated.id(), ((TestKey) keys.cloud.get(reactivated.id())).withStatus(AccessKeyStatus.ACTIVE));
    clock.advance(Duration.ofDays(8));
    CleanupReport third = run(CleanupExecutorTest.REAL);
    // THEN the 25 inactive keys are deleted, the active one is never deleted and its mark is cleared
    assertThat(third.count(Outcome.CLEANED)).isEqualTo(25);
    assertThat(third.withOutcome(Outcome.CLEANED))
        .allMatch(n -> n.reason().equals("deleted after deactivation at 2026-05-01T00:00:00Z"));
    NodeResult active = third.node(reactivated.id()).orElseThrow();
    assertThat(active.outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(active.reason()).isEqualTo(
        "found active again after deactivation at 2026-05-01T00:00:00Z; never deleted, mark cleared");
    assertThat(keys.calls("delete")).extracting(RecordingCleaner.Call::id)
        .hasSize(25).doesNotContain(reactivated.id());
    assertThat(keys.cloud).containsKey(reactivated.id());
    assertThat(state.get(reactivated.id()).isMarkedForCleanup()).isFalse();
    assertThat(state.get(reactivated.id()).progress()).isEmpty();
    assertThat(state.get(marked.get(0).id()).cleaned().orElseThrow().reason())
        .isEqualTo("cleaned: deleted after deactivation at 2026-05-01T00:00:00Z");

    // AND a fourth run has nothing left to do
    assertThat(CleanupPlan.of(org.inventory, state).isEmpty()).isTrue();
  }

  @Test
  void should_only_say_what_it_would_do_in_a_dry_run() {
    // GIVEN
    org.mark(state);
    // WHEN
    CleanupReport report = run(CleanupConfig.defaults());
    // THEN
    assertThat(report.count(Outcome.WOULD_CLEAN)).isEqualTo(26);
    assertThat(report.nodes()).allMatch(n -> n.reason().equals("would deactivate; deletion would be due after 2026-05-15T00:00:00Z"));
    assertThat(keys.mutatingCalls()).isEmpty();
    assertThat(state.all().values()).allMatch(s -> s.progress().isEmpty());
  }

  @Test
  void should_use_the_strategy_and_grace_period_chosen_on_the_builder() {
    // GIVEN a 30-day grace period chosen on the builder
    org.mark(state);
    CleanupExecutor executor = CleanupExecutor.builder().withoutDiscovery().config(CleanupExecutorTest.REAL).clock(clock)
        .cleaner(keys).selectionCheck(TestOrg.selectionCheck())
        .strategy(TestKey.KIND, CleanupStrategy.deactivateThenDelete(Duration.ofDays(30))).build();
    executor.run(org.inventory, state);
    // WHEN a run comes after 20 days
    clock.advance(Duration.ofDays(20));
    CleanupReport report = executor.run(org.inventory, state);
    // THEN it still waits
    assertThat(report.nodes()).allMatch(n -> n.reason().endsWith("deletion due after 2026-05-31T00:00:00Z"));
    assertThat(keys.calls("delete")).isEmpty();
  }

  @Test
  void should_count_a_deactivated_key_as_cleaned_with_the_deactivate_strategy() {
    // GIVEN
    List<TestKey> marked = org.mark(state);
    CleanupExecutor executor = CleanupExecutor.builder().withoutDiscovery().config(CleanupExecutorTest.REAL).clock(clock)
        .cleaner(new RecordingCleaner(TestKey.KIND, CleanupStrategy.deactivate()).holding(org.keys))
        .selectionCheck(TestOrg.selectionCheck()).build();
    // WHEN
    CleanupReport report = executor.run(org.inventory, state);
    // THEN
    assertThat(report.count(Outcome.CLEANED)).isEqualTo(26);
    assertThat(report.nodes()).allMatch(n -> n.reason().equals("deactivated"));
    assertThat(marked).extracting(Resource::id).allMatch(id -> state.get(id).isCleaned());
  }
}
