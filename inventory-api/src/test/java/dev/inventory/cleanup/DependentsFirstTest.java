package dev.inventory.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.inventory.BaseKinds;
import dev.inventory.GenericResource;
import dev.inventory.Inventory;
import dev.inventory.Kind;
import dev.inventory.KindRegistry;
import dev.inventory.LastUse;
import dev.inventory.User;
import dev.inventory.state.Mark;
import dev.inventory.state.NodeState;
import dev.inventory.state.StateStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A user is cleaned only after its access keys are gone: the base kind {@code user} declares it, so
 * a user subkind inherits it, and it holds without any delete edge and for keys that are not marked.
 */
class DependentsFirstTest {
  private static final String TEST_USER = "test_user";
  private static final KindRegistry KINDS = KindRegistry.builder().add(TestKey.DECLARATION)
      .add(Kind.builder(TEST_USER, User.class).bases(BaseKinds.USER).build()).build();

  private final StateStore state = StateStore.inMemory();
  // alice owns a stale key and a recently used one; bob owns one stale key. Only default edges.
  private final GenericResource alice = GenericResource.builder("user-alice", TEST_USER).name("alice").build();
  private final GenericResource bob = GenericResource.builder("user-bob", TEST_USER).name("bob").build();
  private final TestKey aliceStale = TestKey.active("AKIA-ALICE-OLD", "alice", LastUse.usedAt(TestOrg.daysAgo(200)));
  private final TestKey aliceRecent = TestKey.active("AKIA-ALICE-NEW", "alice", LastUse.usedAt(TestOrg.daysAgo(1)));
  private final TestKey bobStale = TestKey.active("AKIA-BOB-OLD", "bob", LastUse.usedAt(TestOrg.daysAgo(300)));
  private final Inventory inventory = Inventory.builder(KINDS).add(alice).add(bob).add(aliceStale).add(aliceRecent)
      .add(bobStale).edge(alice.id(), aliceStale.id()).edge(alice.id(), aliceRecent.id()).edge(bob.id(), bobStale.id())
      .build();
  private final RecordingCleaner users = new RecordingCleaner(BaseKinds.USER).holding(List.of(alice, bob));
  private final RecordingCleaner keys = new RecordingCleaner(TestKey.KIND)
      .holding(List.of(aliceStale, aliceRecent, bobStale));

  private void mark(String... ids) {
    state.updateAll(List.of(ids), s -> s.withClean(Mark.of("unused", TestOrg.NOW)));
  }

  @Test
  void should_inherit_the_declaration_from_the_base_kinds() {
    assertThat(KINDS.requiresGoneFirst(TEST_USER)).containsExactly(BaseKinds.ACCESS_KEY);
    assertThat(KINDS.mustWaitFor(TEST_USER, TestKey.KIND)).isTrue();
    assertThat(KINDS.mustWaitFor(TestKey.KIND, TEST_USER)).isFalse();
  }

  @Test
  void should_skip_users_whose_keys_are_still_there_naming_the_keys() {
    // GIVEN only the users are marked
    mark(alice.id(), bob.id());
    Map<String, NodeState> before = state.all();
    // WHEN
    CleanupReport report = CleanupExecutorTest.executor(CleanupExecutorTest.REAL, users, keys).build()
        .run(inventory, state);
    // THEN neither user is touched, each names the keys it still owns, and both stay marked
    assertThat(users.calls).isEmpty();
    assertThat(keys.calls).isEmpty();
    assertThat(report.nodes()).extracting(NodeResult::id, NodeResult::outcome, NodeResult::reason).containsExactly(
        tuple(alice.id(), Outcome.SKIPPED,
            "2 resources that must be gone first are still there: AKIA-ALICE-OLD, AKIA-ALICE-NEW"),
        tuple(bob.id(), Outcome.SKIPPED, "1 resource that must be gone first is still there: AKIA-BOB-OLD"));
    assertThat(state.all()).isEqualTo(before);
  }

  @Test
  void should_clean_keys_in_an_earlier_pass_then_their_users() {
    // GIVEN the stale keys and both users are marked; alice's recent key is not
    mark(alice.id(), bob.id(), aliceStale.id(), bobStale.id());
    // WHEN
    CleanupPlan plan = CleanupPlan.of(inventory, state);
    CleanupReport report = CleanupExecutorTest.executor(CleanupExecutorTest.REAL, users, keys).build().run(plan);
    // THEN keys first, users in the next pass
    assertThat(plan.passes()).hasSize(2);
    assertThat(plan.passes().get(0)).extracting(r -> r.id()).containsExactlyInAnyOrder(aliceStale.id(), bobStale.id());
    assertThat(plan.passes().get(1)).extracting(r -> r.id()).containsExactlyInAnyOrder(alice.id(), bob.id());
    // AND bob goes after his key; alice stays, as she still owns her recent, unmarked key
    assertThat(report.nodes()).extracting(NodeResult::id, NodeResult::pass, NodeResult::outcome).containsExactly(
        tuple(aliceStale.id(), 1, Outcome.CLEANED), tuple(bobStale.id(), 1, Outcome.CLEANED),
        tuple(alice.id(), 2, Outcome.SKIPPED), tuple(bob.id(), 2, Outcome.CLEANED));
    assertThat(report.node(alice.id()).orElseThrow().reason())
        .isEqualTo("1 resource that must be gone first is still there: AKIA-ALICE-NEW");
    assertThat(users.calls("delete")).extracting(RecordingCleaner.Call::id).containsExactly(bob.id());
    assertThat(state.get(alice.id()).isMarkedForCleanup()).isTrue();
  }

  @Test
  void should_apply_to_state_only_cleaners_too() {
    // GIVEN a state-only cleaner for users, and only the users marked
    mark(alice.id(), bob.id());
    // WHEN
    CleanupReport report = CleanupExecutorTest.executor(CleanupExecutorTest.REAL,
        StateOnlyCleaner.forKind(BaseKinds.USER), keys).build().run(inventory, state);
    // THEN no user is recorded as cleaned
    assertThat(report.count(Outcome.SKIPPED)).isEqualTo(2);
    assertThat(state.get(alice.id()).isCleaned()).isFalse();
    assertThat(state.get(bob.id()).isCleaned()).isFalse();
  }
}
