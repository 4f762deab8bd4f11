package dev.inventory.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.inventory.BaseKinds;
import dev.inventory.EdgeType;
import dev.inventory.GenericResource;
import dev.inventory.Inventory;
import dev.inventory.LastUse;
import dev.inventory.Resource;
import dev.inventory.spi.Cleaner;
import dev.inventory.state.Mark;
import dev.inventory.state.NodeState;
import dev.inventory.state.StateStore;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The default executor over the guide's organisation: plan, dry run, real run, fresh checks, failures. */
class CleanupExecutorTest {
  static final CleanupConfig REAL = CleanupConfig.builder().cleanup(true).dryRun(false).poolSize(16).build();
  static final Clock CLOCK = Clock.fixed(TestOrg.NOW, ZoneOffset.UTC);

  private final TestOrg org = TestOrg.build();
  private final StateStore state = StateStore.inMemory();
  private final RecordingCleaner keys = new RecordingCleaner(TestKey.KIND).holding(org.keys);

  static CleanupExecutor.Builder executor(CleanupConfig config, Cleaner... cleaners) {
    CleanupExecutor.Builder b = CleanupExecutor.builder().withoutDiscovery().config(config).clock(CLOCK)
        .selectionCheck(TestOrg.selectionCheck());
    for (Cleaner c : cleaners) {
      b.cleaner(c);
    }
    return b;
  }

  @Test
  void should_plan_the_26_keys_that_the_guide_query_marks() {
    // GIVEN the organisation with the guide's stale keys marked
    List<TestKey> marked = org.mark(state);
    // WHEN
    CleanupPlan plan = CleanupPlan.of(org.inventory, state);
    // THEN
    assertThat(plan.size()).isEqualTo(26);
    assertThat(plan.passes()).hasSize(1);
    assertThat(plan.nodes()).containsExactlyInAnyOrderElementsOf(marked);
    assertThat(plan.nodes()).noneMatch(k -> TestOrg.EXCLUDED_OWNERS.contains(k.name().orElseThrow()));
    assertThat(plan.account(marked.get(0).id())).contains("acct1");
  }

  @Test
  void should_make_no_mutating_call_in_a_dry_run_and_report_26_would_clean() {
    // GIVEN the default configuration, which is a dry run
    org.mark(state);
    Map<String, NodeState> before = state.all();
    // WHEN
    CleanupReport report = executor(CleanupConfig.defaults(), keys).build().run(org.inventory, state);
    // THEN only refreshes were called, and nothing changed
    assertThat(report.dryRun()).isTrue();
    assertThat(keys.mutatingCalls()).isEmpty();
    assertThat(keys.calls("refresh")).hasSize(26);
    assertThat(report.count(Outcome.WOULD_CLEAN)).isEqualTo(26);
    assertThat(report.nodes()).hasSize(26).allMatch(n -> n.reason().equals("would delete"));
    assertThat(state.all()).isEqualTo(before);
    assertThat(keys.cloud).hasSize(org.keys.size());
  }

  @Test
  void should_clean_the_26_keys_with_a_pool_of_16_and_record_them_as_cleaned() {
    // GIVEN
    List<TestKey> marked = org.mark(state);
    // WHEN
    CleanupReport report = executor(REAL, keys).build().run(org.inventory, state);
    // THEN every marked key was deleted once, and the state says so with the marking query
    assertThat(report.dryRun()).isFalse();
    assertThat(report.count(Outcome.CLEANED)).isEqualTo(26);
    assertThat(report.totals()).containsEntry(Outcome.FAILED, 0).containsEntry(Outcome.SKIPPED, 0);
    assertThat(keys.calls("delete")).extracting(RecordingCleaner.Call::id)
        .containsExactlyInAnyOrderElementsOf(marked.stream().map(Resource::id).toList());
    assertThat(keys.cloud).hasSize(org.keys.size() - 26);
    for (TestKey k : marked) {
      Mark cleaned = state.get(k.id()).cleaned().orElseThrow();
      assertThat(cleaned.reason()).isEqualTo("cleaned: deleted");
      assertThat(cleaned.time()).contains(TestOrg.NOW);
      assertThat(cleaned.query()).contains(TestOrg.QUERY);
    }
    // AND a second plan has nothing left to do
    assertThat(CleanupPlan.of(org.inventory, state).isEmpty()).isTrue();
  }

  @Test
  void should_never_touch_a_marked_key_that_is_protected() {
    // GIVEN one marked key protected before planning, one protected after planning
    List<TestKey> marked = org.mark(state);
    TestKey before = marked.get(0);
    TestKey after = marked.get(1);
    state.update(before.id(), s -> s.withProtection(Mark.of("break glass", TestOrg.NOW)));
    CleanupPlan plan = CleanupPlan.of(org.inventory, state);
    state.update(after.id(), s -> s.withProtection(Mark.of("break glass", TestOrg.NOW)));
    // WHEN
    CleanupReport report = executor(REAL, keys).build().run(plan);
    // THEN neither got any call, not even a refresh
    assertThat(keys.calls).noneMatch(c -> c.id().equals(before.id()) || c.id().equals(after.id()));
    assertThat(plan.unplanned()).containsExactly(new CleanupPlan.Unplanned(before.id(), "marked, but protected"));
    assertThat(report.node(before.id())).isEmpty();
    NodeResult skipped = report.node(after.id()).orElseThrow();
    assertThat(skipped.outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(skipped.reason()).isEqualTo("protected since the plan was made; mark cleared");
    assertThat(state.get(after.id()).isMarkedForCleanup()).isFalse();
    assertThat(keys.cloud).containsKeys(before.id(), after.id());
    assertThat(report.count(Outcome.CLEANED)).isEqualTo(24);
  }

  @Test
  void should_skip_a_key_used_after_the_snapshot_and_clear_its_mark() {
    // GIVEN a marked key that was used yesterday, after the snapshot was taken
    TestKey key = org.mark(state).get(3);
    keys.cloud.put(key.id(), key.withLastUse(LastUse.usedAt(TestOrg.daysAgo(1))));
    // WHEN
    CleanupReport report = executor(REAL, keys).build().run(org.inventory, state);
    // THEN
    NodeResult r = report.node(key.id()).orElseThrow();
    assertThat(r.outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(r.reason()).isEqualTo("used at 2026-04-30T00:00:00Z, after the snapshot; mark cleared");
    assertThat(keys.calls("delete")).extracting(RecordingCleaner.Call::id).doesNotContain(key.id());
    assertThat(state.get(key.id()).isMarkedForCleanup()).isFalse();
    assertThat(report.count(Outcome.CLEANED)).isEqualTo(25);
  }

  @Test
  void should_skip_a_key_whose_last_use_is_unknown_at_refresh_and_keep_its_mark() {
    // GIVEN
    TestKey key = org.mark(state).get(0);
    keys.cloud.put(key.id(), key.withLastUse(LastUse.unknown()));
    // WHEN
    CleanupReport report = executor(REAL, keys).build().run(org.inventory, state);
    // THEN
    NodeResult r = report.node(key.id()).orElseThrow();
    assertThat(r.outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(r.reason()).isEqualTo("last use unknown at refresh; a key of unknown use is never cleaned");
    assertThat(state.get(key.id()).isMarkedForCleanup()).isTrue();
    assertThat(keys.cloud).containsKey(key.id());
  }

  @Test
  void should_report_a_key_gone_at_refresh_as_already_gone() {
    // GIVEN a marked key that someone else deleted
    TestKey key = org.mark(state).get(5);
    keys.cloud.remove(key.id());
    // WHEN
    CleanupReport report = executor(REAL, keys).build().run(org.inventory, state);
    // THEN
    NodeResult r = report.node(key.id()).orElseThrow();
    assertThat(r.outcome()).isEqualTo(Outcome.ALREADY_GONE);
    assertThat(r.reason()).isEqualTo("gone at refresh");
    assertThat(keys.calls("delete")).extracting(RecordingCleaner.Call::id).doesNotContain(key.id());
    assertThat(state.get(key.id()).cleaned().orElseThrow().reason()).isEqualTo("already_gone: gone at refresh");
  }

  @Test
  void should_report_a_key_that_disappears_during_the_delete_as_already_gone() {
    // GIVEN a cleaner whose source says "no such entity" on delete
    TestKey key = org.mark(state).get(0);
    keys.failure = (op, id) -> op.equals("delete") && id.equals(key.id()) ? new ResourceGoneException("NoSuchEntity") : null;
    // WHEN
    CleanupReport report = executor(REAL, keys).build().run(org.inventory, state);
    // THEN
    NodeResult r = report.node(key.id()).orElseThrow();
    assertThat(r.outcome()).isEqualTo(Outcome.ALREADY_GONE);
    assertThat(r.reason()).isEqualTo("gone when acted on: NoSuchEntity");
    assertThat(r.error()).isEmpty();
  }

  @Test
  void should_keep_failed_keys_marked_and_clean_every_other_key_exactly_once() {
    // GIVEN 30 % of the delete calls fail, some of them retryably, one with a plain exception
    List<TestKey> marked = org.mark(state);
    Set<String> failing = new HashSet<>();
    for (int i = 0; i < marked.size(); i++) {
      if (i % 10 < 3) {
        failing.add(marked.get(i).id());
      }
    }
    List<String> order = marked.stream().map(Resource::id).toList();
    keys.failure = (op, id) -> {
      if (!op.equals("delete") || !failing.contains(id)) {
        return null;
      }
      int i = order.indexOf(id);
      return i == 0 ? new IllegalStateException("bug in the cleaner")
          : i % 2 == 0 ? CleanupActionException.retryable("Throttling: rate exceeded")
          : CleanupActionException.permanent("AccessDenied");
    };
    // WHEN
    CleanupReport first = executor(REAL, keys).build().run(org.inventory, state);
    // THEN failed keys stay marked and uncleaned, every other key is cleaned
    assertThat(failing).hasSize(9);
    assertThat(first.count(Outcome.FAILED)).isEqualTo(9);
    assertThat(first.count(Outcome.CLEANED)).isEqualTo(17);
    for (NodeResult r : first.withOutcome(Outcome.FAILED)) {
      assertThat(failing).contains(r.id());
      assertThat(state.get(r.id()).isMarkedForCleanup()).isTrue();
      assertThat(state.get(r.id()).isCleaned()).isFalse();
      assertThat(r.reason()).isEqualTo("failed; the node stays marked");
      int i = order.indexOf(r.id());
      if (i == 0) {
        assertThat(r.error()).contains("java.lang.IllegalStateException: bug in the cleaner");
        assertThat(r.retryable()).isFalse();
      } else {
        assertThat(r.retryable()).isEqualTo(i % 2 == 0);
        assertThat(r.error()).contains(i % 2 == 0 ? "Throttling: rate exceeded" : "AccessDenied");
      }
    }
    assertThat(first.withOutcome(Outcome.FAILED).stream().filter(NodeResult::retryable)).isNotEmpty();

    // WHEN the failures stop and the next run comes
    keys.failure = (op, id) -> null;
    CleanupReport second = executor(REAL, keys).build().run(org.inventory, state);
    // THEN only the failed keys are tried again, and every key was deleted successfully exactly once
    assertThat(second.nodes()).extracting(NodeResult::id).containsExactlyInAnyOrderElementsOf(failing);
    assertThat(second.count(Outcome.CLEANED)).isEqualTo(9);
    Map<String, Long> deletes = keys.calls("delete").stream()
        .collect(Collectors.groupingBy(RecordingCleaner.Call::id, Collectors.counting()));
    for (TestKey k : marked) {
      assertThat(deletes.get(k.id())).as(k.id()).isEqualTo(failing.contains(k.id()) ? 2L : 1L);
    }
    assertThat(keys.cloud.keySet()).doesNotContainAnyElementsOf(order);
  }

  @Test
  void should_clean_a_user_only_after_its_key_when_both_are_marked() {
    // GIVEN a user and its key, both marked, user -delete-> key
    GenericResource user = GenericResource.builder("user-1", BaseKinds.USER).name("alice").build();
    TestKey key = TestKey.active("key-1", "alice", LastUse.usedAt(TestOrg.daysAgo(200)));
    Inventory inventory = Inventory.builder(TestKey.registry()).add(user).add(key)
        .edge(user.id(), key.id()).edge(user.id(), key.id(), EdgeType.DELETE).build();
    state.updateAll(List.of(user.id(), key.id()), s -> s.withClean(Mark.of("unused", TestOrg.NOW)));
    RecordingCleaner users = new RecordingCleaner(BaseKinds.USER).holding(List.of(user));
    RecordingCleaner keyCleaner = new RecordingCleaner(TestKey.KIND).holding(List.of(key));
    List<String> deleted = new java.util.concurrent.CopyOnWriteArrayList<>();
    users.hook = c -> { if (c.op().equals("delete")) deleted.add(c.id()); };
    keyCleaner.hook = users.hook;
    // WHEN
    CleanupPlan plan = CleanupPlan.of(inventory, state);
    CleanupReport report = executor(REAL, users, keyCleaner).build().run(plan);
    // THEN the key is in the first pass and deleted first
    assertThat(plan.passes()).containsExactly(List.of(key), List.of(user));
    assertThat(deleted).containsExactly("key-1", "user-1");
    assertThat(report.nodes()).extracting(NodeResult::id, NodeResult::pass, NodeResult::outcome)
        .containsExactly(tuple("key-1", 1, Outcome.CLEANED),
            tuple("user-1", 2, Outcome.CLEANED));
  }

  @Test
  void should_skip_a_user_whose_key_was_not_removed() {
    // GIVEN a user and its key, both marked, and the key's delete fails
    GenericResource user = GenericResource.builder("user-1", BaseKinds.USER).name("alice").build();
    TestKey key = TestKey.active("key-1", "alice", LastUse.usedAt(TestOrg.daysAgo(200)));
    Inventory inventory = Inventory.builder(TestKey.registry()).add(user).add(key)
        .edge(user.id(), key.id(), EdgeType.DELETE).build();
    state.updateAll(List.of(user.id(), key.id()), s -> s.withClean(Mark.of("unused", TestOrg.NOW)));
    RecordingCleaner users = new RecordingCleaner(BaseKinds.USER).holding(List.of(user));
    RecordingCleaner keyCleaner = new RecordingCleaner(TestKey.KIND).holding(List.of(key));
    keyCleaner.failure = (op, id) -> op.equals("delete") ? CleanupActionException.retryable("Throttling") : null;
    // WHEN
    CleanupReport report = executor(REAL, users, keyCleaner).build().run(inventory, state);
    // THEN the user is not touched and stays marked
    assertThat(users.calls).isEmpty();
    NodeResult r = report.node("user-1").orElseThrow();
    assertThat(r.outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(r.reason()).isEqualTo("1 resource that must be gone first is still there: key-1");
    assertThat(state.get("user-1").isMarkedForCleanup()).isTrue();
  }

  /** A listener that adds every event to {@code events}. */
  static CleanupListener recordingEvents(List<CleanupEvent> events) {
    return new CleanupListener() {
      @Override
      public void onEvent(CleanupEvent event) {
        events.add(event);
      }
    };
  }

  @Test
  void should_refuse_a_plan_larger_than_cleanup_max_resources_before_any_call() {
    // GIVEN 26 planned keys and a cap of 25
    org.mark(state);
    Map<String, NodeState> before = state.all();
    List<CleanupEvent> events = new java.util.ArrayList<>();
    CleanupExecutor executor = executor(REAL.toBuilder().maxResources(25).build(), keys)
        .listener(recordingEvents(events)).build();
    // WHEN / THEN
    assertThatThrownBy(() -> executor.run(org.inventory, state))
        .isInstanceOf(CleanupRefusedException.class)
        .hasMessage("cleanup refused: the plan has 26 resources, more than cleanup_max_resources allows (25): nothing "
            + "was changed. Mark fewer resources, or raise cleanup_max_resources in the worker section of the "
            + "configuration file (or run 'config set worker cleanup_max_resources=26')");
    assertThat(keys.calls).isEmpty();
    assertThat(events).isEmpty();
    assertThat(state.all()).isEqualTo(before);
    // AND a cap of exactly the plan size runs
    assertThat(executor(REAL.toBuilder().maxResources(26).build(), keys).build().run(org.inventory, state)
        .count(Outcome.CLEANED)).isEqualTo(26);
  }

  @Test
  void should_fail_a_node_whose_kind_has_no_cleaner_without_retry() {
    // GIVEN marked keys and no cleaner at all
    org.mark(state);
    // WHEN
    CleanupReport report = executor(REAL).build().run(org.inventory, state);
    // THEN
    assertThat(report.count(Outcome.FAILED)).isEqualTo(26);
    NodeResult r = report.nodes().get(0);
    assertThat(r.retryable()).isFalse();
    assertThat(r.error()).contains("no cleaner for kind 'test_access_key' or its base kinds; register one on "
        + "CleanupExecutor.builder().cleaner(...) or with ServiceLoader");
    assertThat(state.get(r.id()).isMarkedForCleanup()).isTrue();
  }

  @Test
  void should_use_the_cleaner_of_a_base_kind_for_a_subkind() {
    // GIVEN a cleaner registered for access_key, the base of test_access_key
    org.mark(state);
    RecordingCleaner any = new RecordingCleaner(BaseKinds.ACCESS_KEY).holding(org.keys);
    // WHEN
    CleanupReport report = executor(REAL, any).build().run(org.inventory, state);
    // THEN
    assertThat(report.count(Outcome.CLEANED)).isEqualTo(26);
    assertThat(any.calls("delete")).hasSize(26);
  }

  @Test
  void should_skip_a_node_marked_by_a_query_when_no_selection_check_is_available_and_keep_the_mark() {
    // GIVEN marks with query text, and an executor without a selection check
    org.mark(state);
    CleanupExecutor executor = CleanupExecutor.builder().withoutDiscovery().config(REAL).clock(CLOCK).cleaner(keys).build();
    // WHEN
    CleanupReport report = executor.run(org.inventory, state);
    // THEN it does not guess: nothing is deleted, every mark stays
    assertThat(report.count(Outcome.SKIPPED)).isEqualTo(26);
    assertThat(report.nodes()).allMatch(n -> n.reason().equals("cannot re-check the marking query: no SelectionCheck"));
    assertThat(keys.mutatingCalls()).isEmpty();
    assertThat(state.all().values()).allMatch(NodeState::isMarkedForCleanup);
  }

  @Test
  void should_clean_a_node_whose_mark_has_no_query_without_a_selection_check() {
    // GIVEN a mark set from Java code, without query text
    TestKey key = org.staleKeys.get(0);
    state.update(key.id(), s -> s.withClean(Mark.of("set by hand", TestOrg.NOW)));
    CleanupExecutor executor = CleanupExecutor.builder().withoutDiscovery().config(REAL).clock(CLOCK).cleaner(keys).build();
    // WHEN
    CleanupReport report = executor.run(org.inventory, state);
    // THEN
    assertThat(report.node(key.id()).orElseThrow().outcome()).isEqualTo(Outcome.CLEANED);
    assertThat(state.get(key.id()).cleaned().orElseThrow().query()).isEmpty();
  }

  @Test
  void should_skip_a_node_that_the_marking_query_no_longer_selects_and_clear_the_mark() {
    // GIVEN a selection check that says no for one key
    List<TestKey> marked = org.mark(state);
    String changed = marked.get(2).id();
    CleanupExecutor executor = executor(REAL, keys)
        .selectionCheck((q, refreshed, snapshot, now) -> !refreshed.id().equals(changed)).build();
    // WHEN
    CleanupReport report = executor.run(org.inventory, state);
    // THEN
    NodeResult r = report.node(changed).orElseThrow();
    assertThat(r.outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(r.reason()).isEqualTo("no longer selected by the query that marked it; mark cleared");
    assertThat(state.get(changed).isMarkedForCleanup()).isFalse();
    assertThat(keys.calls("delete")).extracting(RecordingCleaner.Call::id).doesNotContain(changed);
  }

  @Test
  void should_pass_the_marking_query_the_refreshed_node_and_the_snapshot_to_the_selection_check() {
    // GIVEN
    TestKey key = org.mark(state).get(0);
    TestKey refreshed = key.withLastUse(LastUse.usedAt(TestOrg.daysAgo(300)));
    keys.cloud.put(key.id(), refreshed);
    List<Object> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    CleanupExecutor executor = executor(REAL, keys).selectionCheck((q, r, snapshot, now) -> {
      if (r.id().equals(key.id())) {
        seen.addAll(List.of(q, r, snapshot, now));
      }
      return true;
    }).build();
    // WHEN
    executor.run(org.inventory, state);
    // THEN
    assertThat(seen).containsExactly(TestOrg.QUERY, refreshed, org.inventory, TestOrg.NOW);
  }

  @Test
  void should_refuse_a_real_run_while_cleanup_is_disabled_and_change_nothing() {
    // GIVEN cleanup: false, cleanup_dry_run: false
    org.mark(state);
    Map<String, NodeState> before = state.all();
    List<CleanupEvent> events = new java.util.ArrayList<>();
    CleanupExecutor executor = executor(REAL.toBuilder().cleanup(false).build(), keys)
        .listener(recordingEvents(events)).build();
    // WHEN / THEN refused before any call: no refresh either, no event, no state change
    assertThatThrownBy(() -> executor.run(org.inventory, state))
        .isInstanceOf(CleanupRefusedException.class)
        .hasMessage("cleanup is disabled (worker.cleanup: false): nothing was changed. Set cleanup: true in the "
            + "worker section of the configuration file, or run 'config set worker cleanup=true'");
    assertThat(keys.calls).isEmpty();
    assertThat(events).isEmpty();
    assertThat(state.all()).isEqualTo(before);
  }

  @Test
  void should_run_a_dry_run_while_cleanup_is_disabled_and_say_a_real_one_would_be_refused() {
    // GIVEN cleanup: false and a dry run
    org.mark(state);
    Map<String, NodeState> before = state.all();
    // WHEN
    CleanupReport report = executor(CleanupConfig.defaults(), keys).build().run(org.inventory, state);
    // THEN
    assertThat(report.dryRun()).isTrue();
    assertThat(report.count(Outcome.WOULD_CLEAN)).isEqualTo(26);
    assertThat(keys.mutatingCalls()).isEmpty();
    assertThat(state.all()).isEqualTo(before);
    assertThat(report.notes())
        .contains("cleanup is disabled (worker.cleanup: false): a run that is not a dry run would be refused");
  }

  @Test
  void should_call_nothing_in_a_dry_run_over_the_cap_and_report_the_refusal() {
    // GIVEN 26 planned keys, a cap of 25, a dry run
    org.mark(state);
    Map<String, NodeState> before = state.all();
    CleanupConfig config = CleanupConfig.builder().cleanup(true).maxResources(25).build();
    // WHEN
    CleanupReport report = executor(config, keys).build().run(org.inventory, state);
    // THEN no cleaner call at all, not even a refresh, and every node says why
    assertThat(keys.calls).isEmpty();
    assertThat(state.all()).isEqualTo(before);
    assertThat(report.count(Outcome.SKIPPED)).isEqualTo(26);
    assertThat(report.nodes()).extracting(NodeResult::reason).containsOnly(
        "a real run would be refused: the plan has 26 resources, more than cleanup_max_resources allows (25)");
    assertThat(report.notes()).contains("a real run would be refused, before any call: the plan has 26 resources, "
        + "more than cleanup_max_resources allows (25)");
  }

  @Test
  void should_change_only_the_dry_run_flag_with_dry_run() {
    // GIVEN a configuration with cleanup off and a cap
    CleanupConfig config = CleanupConfig.builder().cleanup(false).maxResources(3).poolSize(2).build();
    // WHEN
    CleanupConfig real = config.withDryRun(false);
    // THEN
    assertThat(real).isEqualTo(new CleanupConfig(false, false, 2, java.util.OptionalInt.of(3)));
    assertThat(real.withDryRun(true)).isEqualTo(config);
    // AND the executor still refuses it
    assertThatThrownBy(() -> executor(real, keys).build().run(org.inventory, state))
        .isInstanceOf(CleanupRefusedException.class);
  }

  @Test
  void should_record_cleaning_in_the_state_only_with_the_state_only_cleaner_and_say_so() {
    // GIVEN a fixture's cleaner
    org.mark(state);
    // WHEN
    CleanupReport report = executor(REAL, StateOnlyCleaner.forKind(TestKey.KIND)).build().run(org.inventory, state);
    // THEN
    assertThat(report.count(Outcome.CLEANED)).isEqualTo(26);
    assertThat(report.nodes()).allMatch(n -> n.reason().equals("deleted (in the state only)"));
    assertThat(report.notes()).contains(
        "the cleaner for test_access_key acts on the state only: nothing outside the state store was called");
    assertThat(state.all().values().stream().filter(NodeState::isCleaned)).hasSize(26);
  }

  @Test
  void should_report_marks_of_nodes_missing_from_the_snapshot_without_planning_them() {
    // GIVEN a mark for a node that a new collect no longer reports
    org.mark(state);
    state.update("AKIA-vanished", s -> s.withClean(Mark.of("stale key", TestOrg.NOW, TestOrg.QUERY)));
    // WHEN
    CleanupPlan plan = CleanupPlan.of(org.inventory, state);
    CleanupReport report = executor(REAL, keys).build().run(plan);
    // THEN
    assertThat(plan.size()).isEqualTo(26);
    assertThat(plan.unplanned()).containsExactly(new CleanupPlan.Unplanned("AKIA-vanished", "marked, but not in the snapshot"));
    assertThat(report.notes()).contains("not planned: AKIA-vanished: marked, but not in the snapshot");
    assertThat(keys.calls).noneMatch(c -> c.id().equals("AKIA-vanished"));
  }

  @Test
  void should_announce_the_steps_and_count_progress_up_to_the_plan_size() {
    // GIVEN
    org.mark(state);
    List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<Integer> done = new java.util.concurrent.CopyOnWriteArrayList<>();
    CleanupListener listener = new CleanupListener() {
      @Override
      public void onEvent(CleanupEvent event) {
        seen.add(event.type().label() + (event.report().isPresent() ? "+report" : ""));
      }

      @Override
      public void onProgress(int d, int total) {
        assertThat(total).isEqualTo(26);
        done.add(d);
      }
    };
    // WHEN
    executor(REAL, keys).listener(listener).listener(new CleanupListener() {
      @Override
      public void onOutcome(NodeResult result) {
        throw new IllegalStateException("a broken listener");
      }
    }).build().run(org.inventory, state);
    // THEN
    assertThat(seen).containsExactly("pre_cleanup", "cleanup", "post_cleanup+report");
    assertThat(done).isEqualTo(java.util.stream.IntStream.rangeClosed(1, 26).boxed().toList());
  }

  @Test
  void should_write_every_outcome_to_the_audit_sink() {
    // GIVEN
    org.mark(state);
    List<AuditEntry> entries = new java.util.concurrent.CopyOnWriteArrayList<>();
    // WHEN
    CleanupReport report = executor(REAL, keys).auditSink(entries::add).build().run(org.inventory, state);
    // THEN
    assertThat(entries).hasSize(26).allSatisfy(e -> {
      assertThat(e.runId()).isEqualTo(report.runId());
      assertThat(e.dryRun()).isFalse();
      assertThat(e.query()).contains(TestOrg.QUERY);
    });
    assertThat(entries).extracting(AuditEntry::result).containsExactlyInAnyOrderElementsOf(report.nodes());
  }

  @Test
  void should_fail_a_node_whose_refresh_fails_and_never_act_on_it() {
    // GIVEN a refresh that is throttled for one key
    TestKey key = org.mark(state).get(0);
    keys.failure = (op, id) -> op.equals("refresh") && id.equals(key.id()) ? CleanupActionException.retryable("Throttling") : null;
    // WHEN
    CleanupReport report = executor(REAL, keys).build().run(org.inventory, state);
    // THEN
    NodeResult r = report.node(key.id()).orElseThrow();
    assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(r.error()).contains("Throttling");
    assertThat(r.retryable()).isTrue();
    assertThat(keys.calls("delete")).extracting(RecordingCleaner.Call::id).doesNotContain(key.id());
    assertThat(state.get(key.id()).isMarkedForCleanup()).isTrue();
    assertThat(report.count(Outcome.CLEANED)).isEqualTo(25);
  }

  @Test
  void should_fail_a_node_whose_selection_check_throws_without_retry_and_keep_its_mark() {
    // GIVEN
    TestKey key = org.mark(state).get(0);
    CleanupExecutor executor = executor(REAL, keys).selectionCheck((q, r, snapshot, now) -> {
      if (r.id().equals(key.id())) {
        throw new IllegalArgumentException("unknown property");
      }
      return true;
    }).build();
    // WHEN
    CleanupReport report = executor.run(org.inventory, state);
    // THEN
    NodeResult r = report.node(key.id()).orElseThrow();
    assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(r.error()).contains("java.lang.IllegalArgumentException: unknown property");
    assertThat(r.retryable()).isFalse();
    assertThat(keys.cloud).containsKey(key.id());
    assertThat(state.get(key.id()).isMarkedForCleanup()).isTrue();
  }
}
