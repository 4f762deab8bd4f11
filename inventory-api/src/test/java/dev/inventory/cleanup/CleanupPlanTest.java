package dev.inventory.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.inventory.BaseKinds;
import dev.inventory.EdgeType;
import dev.inventory.GenericResource;
import dev.inventory.Inventory;
import dev.inventory.Resource;
import dev.inventory.state.Mark;
import dev.inventory.state.StateStore;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which nodes a plan holds, in which passes, how it prints, and cycles. */
class CleanupPlanTest {
  static final Instant T = Instant.parse("2026-05-01T00:00:00Z");

  private final StateStore state = StateStore.inMemory();

  private static GenericResource node(String id, String kind, String name) {
    return GenericResource.builder(id, kind).name(name).build();
  }

  private void mark(String... ids) {
    state.updateAll(List.of(ids), s -> s.withClean(Mark.of("unused", T, "search is(access_key) | clean")));
  }

  @Test
  void should_plan_marked_nodes_that_are_neither_protected_nor_cleaned() {
    // GIVEN four marked nodes: plain, protected, cleaned, and one the snapshot does not hold
    Inventory inventory = Inventory.builder().add(node("a", "resource", "a")).add(node("b", "resource", "b"))
        .add(node("c", "resource", "c")).add(node("d", "resource", "d")).build();
    mark("a", "b", "c", "gone");
    state.update("b", s -> s.withProtection(Mark.of("keep", T)));
    state.update("c", s -> s.withCleaned(Mark.of("cleaned: deleted", T)));
    // WHEN
    CleanupPlan plan = CleanupPlan.of(inventory, state);
    // THEN
    assertThat(plan.nodes()).extracting(Resource::id).containsExactly("a");
    assertThat(plan.unplanned()).containsExactly(
        new CleanupPlan.Unplanned("b", "marked, but protected"),
        new CleanupPlan.Unplanned("c", "marked, but already cleaned"),
        new CleanupPlan.Unplanned("gone", "marked, but not in the snapshot"));
    assertThat(plan.mark("a").orElseThrow().query()).contains("search is(access_key) | clean");
    assertThat(plan.mark("d")).isEmpty();
    assertThat(plan.passOf("a")).contains(0);
  }

  @Test
  void should_put_the_target_of_a_delete_edge_in_an_earlier_pass_and_share_passes_otherwise() {
    // GIVEN Fix Inventory's example: 1 -delete-> 2, 1 -delete-> 3, 2 -delete-> 3, plus an independent 4
    Inventory inventory = Inventory.builder().add(node("1", "resource", "1")).add(node("2", "resource", "2"))
        .add(node("3", "resource", "3")).add(node("4", "resource", "4"))
        .edge("1", "2", EdgeType.DELETE).edge("1", "3", EdgeType.DELETE).edge("2", "3", EdgeType.DELETE).build();
    mark("1", "2", "3", "4");
    // WHEN
    CleanupPlan plan = CleanupPlan.of(inventory, state);
    // THEN passes [3, 4], [2], [1]
    assertThat(plan.passes()).extracting(p -> p.stream().map(Resource::id).toList())
        .containsExactly(List.of("3", "4"), List.of("2"), List.of("1"));
  }

  @Test
  void should_ignore_delete_edges_to_nodes_that_are_not_planned() {
    // GIVEN a marked user whose key is not marked
    Inventory inventory = Inventory.builder().add(node("u", "user", "alice")).add(node("k", "access_key", "alice"))
        .edge("u", "k", EdgeType.DELETE).build();
    mark("u");
    // WHEN / THEN
    assertThat(CleanupPlan.of(inventory, state).passes()).hasSize(1);
  }

  @Test
  void should_report_a_cycle_of_delete_edges_naming_its_nodes() {
    // GIVEN a -> b -> c -> a between planned nodes, and d waiting behind the cycle
    Inventory inventory = Inventory.builder().add(node("a", "resource", "a")).add(node("b", "resource", "b"))
        .add(node("c", "resource", "c")).add(node("d", "resource", "d")).add(node("e", "resource", "e"))
        .edge("a", "b", EdgeType.DELETE).edge("b", "c", EdgeType.DELETE).edge("c", "a", EdgeType.DELETE)
        .edge("d", "a", EdgeType.DELETE).build();
    mark("a", "b", "c", "d", "e");
    // WHEN
    CleanupException e = catchThrowableOfType(CleanupException.class, () -> CleanupPlan.of(inventory, state));
    // THEN
    assertThat(e).hasMessage("the planned nodes that must be gone before others form a cycle, so no order can clean them: "
        + "a -delete-> b -delete-> c -delete-> a");
  }

  @Test
  void should_render_passes_with_kind_name_account_and_reason() {
    // GIVEN an account with a user and two keys, all marked but one key protected, and a missing mark
    Inventory inventory = Inventory.builder()
        .add(node("111111111111", BaseKinds.ACCOUNT, "prod"))
        .add(node("arn:user/alice", BaseKinds.USER, "alice"))
        .add(node("AKIA1", BaseKinds.ACCESS_KEY, "alice"))
        .add(node("AKIA2", BaseKinds.ACCESS_KEY, "alice"))
        .add(GenericResource.builder("orphan", "resource").build())
        .edge("111111111111", "arn:user/alice").edge("arn:user/alice", "AKIA1").edge("arn:user/alice", "AKIA2")
        .edge("arn:user/alice", "AKIA1", EdgeType.DELETE).edge("arn:user/alice", "AKIA2", EdgeType.DELETE).build();
    mark("arn:user/alice", "AKIA1", "AKIA2", "AKIA-gone");
    state.update("orphan", s -> s.withClean(Mark.of("", T)));
    state.update("AKIA2", s -> s.withProtection(Mark.of("keep", T)));
    // WHEN
    String text = CleanupPlan.of(inventory, state).render();
    // THEN
    assertThat(text).isEqualTo("""
        Cleanup plan: 3 nodes in 2 passes
        pass 1 (2 nodes):
          AKIA1   access_key  alice  account prod  "unused"
          orphan  resource    -      -             (no reason given)
        pass 2 (1 node):
          arn:user/alice  user  alice  account prod  "unused"
        not planned (2):
          AKIA-gone: marked, but not in the snapshot
          AKIA2: marked, but protected
        """);
    assertThat(CleanupPlan.of(inventory, state)).hasToString(text);
  }

  @Test
  void should_plan_nothing_when_nothing_is_marked() {
    // WHEN
    CleanupPlan plan = CleanupPlan.of(TestOrg.build().inventory, state);
    // THEN
    assertThat(plan.isEmpty()).isTrue();
    assertThat(plan.passes()).isEmpty();
    assertThat(plan.render()).isEqualTo("Cleanup plan: 0 nodes in 0 passes\n");
  }
}
