package dev.inventory.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** What every {@link StateStore} promises; each implementation's test extends this class. */
abstract class StateStoreContract {
  static final Instant T1 = Instant.parse("2026-01-02T03:04:05Z");
  static final Instant T2 = Instant.parse("2026-02-03T04:05:06Z");

  /** A new, empty store. */
  abstract StateStore newStore();

  /** A store showing what {@code store} keeps; for a durable store, one opened anew. */
  StateStore reopen(StateStore store) {
    return store;
  }

  /** Increments per thread in the concurrency tests; a durable store syncs each one to disk. */
  int incrementsPerThread() {
    return 200;
  }

  static UnaryOperator<NodeState> increment(String key) {
    return s -> s.withProgress(key, String.valueOf(Integer.parseInt(s.progress().getOrDefault(key, "0")) + 1));
  }

  static NodeState marked(String reason) {
    return NodeState.EMPTY.withClean(Mark.of(reason, T1));
  }

  @Test
  void should_return_the_empty_state_for_an_unknown_id() {
    // GIVEN
    StateStore store = newStore();
    store.update("k1", s -> marked("old"));
    // WHEN
    NodeState state = store.get("unknown");
    // THEN
    assertThat(state).isEqualTo(NodeState.EMPTY);
    assertThat(state.isEmpty()).isTrue();
  }

  @Test
  void should_store_what_update_returns_and_pass_the_current_state_to_the_change() {
    // GIVEN
    StateStore store = newStore();
    store.update("k1", s -> marked("first"));
    List<NodeState> seen = new ArrayList<>();
    // WHEN
    NodeState result = store.update("k1", s -> {
      seen.add(s);
      return s.withProtection(Mark.of("keep", T2));
    });
    // THEN
    NodeState expected = marked("first").withProtection(Mark.of("keep", T2));
    assertThat(seen).containsExactly(marked("first"));
    assertThat(result).isEqualTo(expected);
    assertThat(store.get("k1")).isEqualTo(expected);
    assertThat(store.all()).containsOnlyKeys("k1");
  }

  @Test
  void should_remove_the_entry_when_an_update_leaves_the_state_empty() {
    // GIVEN
    StateStore store = newStore();
    store.update("k1", s -> marked("x"));
    store.update("k2", s -> marked("y"));
    // WHEN
    NodeState result = store.update("k1", NodeState::withoutClean);
    // THEN
    assertThat(result.isEmpty()).isTrue();
    assertThat(store.get("k1")).isEqualTo(NodeState.EMPTY);
    assertThat(store.all()).containsOnlyKeys("k2");
    assertThat(reopen(store).all()).containsOnlyKeys("k2");
  }

  @Test
  void should_apply_updateAll_to_every_id() {
    // GIVEN
    StateStore store = newStore();
    store.update("a", s -> s.withProgress("n", "1"));
    // WHEN
    store.updateAll(List.of("a", "b", "c"), s -> s.withClean(Mark.of("batch", T2, "search all")));
    // THEN
    Mark mark = Mark.of("batch", T2, "search all");
    assertThat(store.all()).isEqualTo(Map.of(
        "a", NodeState.EMPTY.withProgress("n", "1").withClean(mark),
        "b", NodeState.EMPTY.withClean(mark),
        "c", NodeState.EMPTY.withClean(mark)));
    assertThat(reopen(store).all()).isEqualTo(store.all());
  }

  @Test
  void should_change_nothing_when_the_updateAll_change_fails_for_one_id() {
    // GIVEN
    StateStore store = newStore();
    store.update("a", s -> marked("before"));
    Map<String, NodeState> before = store.all();
    AtomicInteger calls = new AtomicInteger();
    // WHEN: the change succeeds for "a", then fails for "b"
    Throwable thrown = catchThrowable(() -> store.updateAll(List.of("a", "b", "c"), s -> {
      if (calls.incrementAndGet() == 2) {
        throw new IllegalArgumentException("cannot mark b");
      }
      return s.withProtection(Mark.of("p", T2));
    }));
    // THEN
    assertThat(thrown).isInstanceOf(IllegalArgumentException.class).hasMessage("cannot mark b");
    assertThat(calls).hasValue(2);
    assertThat(store.all()).isEqualTo(before);
    assertThat(reopen(store).all()).isEqualTo(before);
  }

  @Test
  void should_replace_everything_and_drop_empty_states_on_replaceAll() {
    // GIVEN
    StateStore store = newStore();
    store.update("old", s -> marked("gone soon"));
    Map<String, NodeState> replacement = new TreeMap<>();
    replacement.put("new1", marked("n1"));
    replacement.put("new2", NodeState.EMPTY);
    replacement.put("new3", NodeState.EMPTY.withProgress("deactivated", "2026-01-01T00:00:00Z"));
    // WHEN
    store.replaceAll(replacement);
    // THEN
    assertThat(store.get("old")).isEqualTo(NodeState.EMPTY);
    assertThat(store.all()).containsOnlyKeys("new1", "new3");
    assertThat(store.get("new3").progress()).containsExactly(Map.entry("deactivated", "2026-01-01T00:00:00Z"));
    assertThat(reopen(store).all()).isEqualTo(store.all());
  }

  @Test
  void should_return_a_sorted_copy_from_all() {
    // GIVEN
    StateStore store = newStore();
    for (String id : List.of("k3", "k1", "k2")) {
      store.update(id, s -> marked(id));
    }
    // WHEN
    Map<String, NodeState> all = store.all();
    all.remove("k1");
    store.update("k0", s -> marked("later"));
    // THEN
    assertThat(all.keySet()).containsExactly("k2", "k3");
    assertThat(store.all().keySet()).containsExactly("k0", "k1", "k2", "k3");
  }

  @Test
  void should_keep_marks_with_reason_time_and_query_and_progress() {
    // GIVEN
    StateStore store = newStore();
    NodeState full = NodeState.EMPTY
        .withClean(Mark.of("unused for 90 days", T1, "search is(access_key) and last_access > 90days | clean"))
        .withProtection(new Mark("", Optional.empty(), Optional.empty()))
        .withCleaned(Mark.of("deleted", T2))
        .withProgress("deactivated", "2026-02-03T04:05:06Z")
        .withProgress("attempts", "2");
    // WHEN
    store.update("AKIA1", s -> full);
    // THEN
    assertThat(store.get("AKIA1")).isEqualTo(full);
    assertThat(reopen(store).get("AKIA1")).isEqualTo(full);
    assertThat(reopen(store).get("AKIA1").clean().orElseThrow().query())
        .contains("search is(access_key) and last_access > 90days | clean");
  }

  @Test
  void should_reject_a_change_that_returns_null_and_keep_the_state() {
    // GIVEN
    StateStore store = newStore();
    store.update("k1", s -> marked("kept"));
    // WHEN / THEN
    assertThatThrownBy(() -> store.update("k1", s -> null)).isInstanceOf(NullPointerException.class);
    assertThat(store.get("k1")).isEqualTo(marked("kept"));
  }

  @Test
  void should_lose_no_update_when_many_threads_change_one_node() throws Exception {
    // GIVEN
    StateStore store = newStore();
    int threads = 8;
    int n = incrementsPerThread();
    // WHEN
    runConcurrently(threads, t -> {
      for (int i = 0; i < n; i++) {
        store.update("shared", increment("count"));
      }
    });
    // THEN
    assertThat(store.get("shared").progress()).containsEntry("count", String.valueOf(threads * n));
    assertThat(reopen(store).get("shared").progress()).containsEntry("count", String.valueOf(threads * n));
  }

  @Test
  void should_lose_no_update_when_many_threads_change_different_nodes() throws Exception {
    // GIVEN
    StateStore store = newStore();
    int threads = 8;
    int n = incrementsPerThread();
    // WHEN
    runConcurrently(threads, t -> {
      for (int i = 0; i < n; i++) {
        store.update("node-" + t, increment("count"));
        if (i % 10 == 0) {
          store.updateAll(List.of("node-" + t, "batch"), increment("batched"));
        }
      }
    });
    // THEN
    Map<String, NodeState> all = reopen(store).all();
    for (int t = 0; t < threads; t++) {
      assertThat(all.get("node-" + t).progress()).containsEntry("count", String.valueOf(n));
    }
    int batchesPerThread = (n + 9) / 10;
    assertThat(all.get("batch").progress()).containsEntry("batched", String.valueOf(threads * batchesPerThread));
  }

  @Test
  void should_import_only_the_states_of_nodes_it_does_not_know() {
    // GIVEN a store that knows k1
    StateStore store = newStore();
    store.update("k1", s -> marked("the store's"));
    // WHEN states for k1, k2 and an empty one for k3 are imported
    Set<String> added = store.importAbsent(Map.of("k1", marked("imported"), "k2", marked("imported"),
        "k3", NodeState.EMPTY));
    // THEN only k2 is added; k1 keeps the store's mark
    assertThat(added).containsExactly("k2");
    Map<String, NodeState> all = reopen(store).all();
    assertThat(all).containsOnlyKeys("k1", "k2");
    assertThat(all.get("k1")).isEqualTo(marked("the store's"));
    assertThat(all.get("k2")).isEqualTo(marked("imported"));
  }

  @Test
  void should_import_nothing_when_every_node_is_known() {
    // GIVEN
    StateStore store = newStore();
    store.update("k1", s -> marked("mine"));
    // WHEN
    Set<String> added = store.importAbsent(Map.of("k1", marked("theirs")));
    // THEN
    assertThat(added).isEmpty();
    assertThat(reopen(store).get("k1")).isEqualTo(marked("mine"));
  }

  interface ThreadBody {
    void run(int thread) throws Exception;
  }

  static void runConcurrently(int threads, ThreadBody body) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          start.await();
          body.run(thread);
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
