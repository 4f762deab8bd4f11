package dev.inventory.query;

import static dev.inventory.query.EngineFixtures.chain;
import static dev.inventory.query.EngineFixtures.ids;
import static dev.inventory.query.EngineFixtures.small;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inventory.Inventory;
import org.junit.jupiter.api.Test;

/** Navigation: direction, edge types, depth ranges, dedup and order. */
class NavigationTest {
  private final Inventory inv = small();
  private final Inventory chain = chain(6); // n0 -> n1 -> ... -> n5

  @Test
  void should_walk_one_step_along_default_edges_by_default() {
    assertThat(ids(inv, "id(a) -->")).containsExactly("c");
    assertThat(ids(inv, "id(c) <--")).containsExactly("a", "b");
    assertThat(ids(inv, "id(c) <-->")).containsExactly("a", "b", "d");
  }

  @Test
  void should_return_each_reached_node_once_in_snapshot_order() {
    // a and b both point at c
    assertThat(ids(inv, "is(user) -->")).containsExactly("c");
    assertThat(ids(chain, "id(n4, n0, n2) -->")).containsExactly("n1", "n3", "n5");
  }

  @Test
  void should_follow_only_the_named_edge_types() {
    assertThat(ids(inv, "id(a) -delete->")).containsExactly("b");
    assertThat(ids(inv, "id(a) -default,delete->")).containsExactly("b", "c");
    assertThat(ids(inv, "id(b) <-delete-")).containsExactly("a");
  }

  @Test
  void should_return_the_depths_in_the_range() {
    assertThat(ids(chain, "id(n0) -[2]->")).containsExactly("n2");
    assertThat(ids(chain, "id(n0) -[2:3]->")).containsExactly("n2", "n3");
    assertThat(ids(chain, "id(n0) -[1:]->")).containsExactly("n1", "n2", "n3", "n4", "n5");
    assertThat(ids(chain, "id(n5) <-[1:]-")).containsExactly("n0", "n1", "n2", "n3", "n4");
    assertThat(ids(chain, "id(n2) <-[2]->")).containsExactly("n0", "n4");
  }

  @Test
  void should_include_the_start_nodes_only_when_the_range_starts_at_zero() {
    assertThat(ids(chain, "id(n1) -[0:1]->")).containsExactly("n1", "n2");
    assertThat(ids(chain, "id(n1) -[0]->")).containsExactly("n1");
    assertThat(ids(chain, "id(n1) -[1:1]->")).containsExactly("n2");
  }

  @Test
  void should_include_a_start_node_that_another_start_node_reaches() {
    // every start walks on its own: n1 is one step from n0
    assertThat(ids(chain, "id(n0, n1) -->")).containsExactly("n1", "n2");
    assertThat(ids(chain, "id(n0, n2) -[2]->")).containsExactly("n2", "n4");
  }

  @Test
  void should_stop_an_unbounded_walk_after_250_steps() {
    // GIVEN a chain longer than the limit
    Inventory longChain = chain(300);
    // WHEN
    var reached = ids(longChain, "id(n0) -[1:]->");
    // THEN
    assertThat(reached).hasSize(250).contains("n250").doesNotContain("n251");
  }

  @Test
  void should_filter_the_navigation_result_with_the_next_part() {
    assertThat(ids(inv, "id(c) <-- is(user) and name == bob")).containsExactly("b");
    assertThat(ids(inv, "id(c) <--> not is(user)")).containsExactly("d");
  }
}
