package dev.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inventory.KindRegistryTest.TestKey;
import java.util.List;
import org.junit.jupiter.api.Test;

class InventoryTest {

  /** Base kinds plus one typed access key kind, as a cloud module would add. */
  private static final KindRegistry KINDS = KindRegistry.builder()
      .add(Kind.builder("test_key", TestKey.class).bases("access_key").factory(v -> null).build())
      .build();

  private static GenericResource node(String id, String kind) {
    return GenericResource.builder(id, kind).name(id).build();
  }

  private static Inventory sample() {
    return Inventory.builder(KINDS)
        .add(node("aws", "cloud"))
        .add(node("acct", "account"))
        .add(node("alice", "user"))
        .add(new TestKey("k1", "test_key", LastUse.never()))
        .add(new TestKey("k2", "test_key", LastUse.unknown()))
        .add(node("plain-key", "access_key"))
        .edge("aws", "acct")
        .edge("acct", "alice")
        .edge("alice", "k1")
        .edge("alice", "k2")
        .edge("acct", "plain-key")
        .edge("alice", "k1", EdgeType.DELETE)
        .edge("alice", "k2", EdgeType.DELETE)
        .build();
  }

  @Test
  void should_find_subkinds_when_asked_for_a_base_kind() {
    // GIVEN
    Inventory inv = sample();
    // WHEN / THEN every access_key includes the typed test_keys and the generic one
    assertThat(inv.ofKind("access_key")).extracting(Resource::id).containsExactly("k1", "k2", "plain-key");
    assertThat(inv.ofKind("test_key")).extracting(Resource::id).containsExactly("k1", "k2");
    assertThat(inv.ofKind("resource")).hasSize(6);
    assertThat(inv.ofKind("user")).extracting(Resource::id).containsExactly("alice");
    assertThat(inv.ofKind("role")).isEmpty();
    assertThat(inv.ofKind("no_such_kind")).isEmpty();
    assertThat(inv.indicesOfKind("access_key")).containsExactly(3, 4, 5);
  }

  @Test
  void should_replace_one_node_and_share_the_graph() {
    // GIVEN
    Inventory inv = sample();
    TestKey used = new TestKey("k2", "test_key", LastUse.never());
    // WHEN
    Inventory after = inv.withNode(used);
    // THEN the new snapshot has the new node, the same edges and kinds; the old one is unchanged
    assertThat(after.node("k2")).containsSame(used);
    assertThat(inv.node("k2").orElseThrow()).isNotSameAs(used);
    assertThat(after.edges()).containsExactlyInAnyOrderElementsOf(inv.edges());
    assertThat(after.predecessors("k2", EdgeType.DELETE)).extracting(Resource::id).containsExactly("alice");
    assertThat(after.ofKind("access_key")).extracting(Resource::id).containsExactly("k1", "k2", "plain-key");
    assertThat(after.ofType(AccessKey.class)).contains(used);
    assertThat(after.size()).isEqualTo(inv.size());
  }

  @Test
  void should_refuse_a_replacement_that_is_not_a_newer_version_of_a_node() {
    Inventory inv = sample();
    assertThatThrownBy(() -> inv.withNode(node("nobody", "user")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no node with id 'nobody'");
    assertThatThrownBy(() -> inv.withNode(node("alice", "account")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("node 'alice' has kind 'user'; a replacement must keep it, got 'account'");
    assertThatThrownBy(() -> inv.withNode(node("k1", "test_key")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("node 'k1' is a dev.inventory.KindRegistryTest$TestKey; a replacement must be one too");
  }

  @Test
  void should_find_nodes_by_java_type() {
    assertThat(sample().ofType(AccessKey.class)).extracting(Resource::id).containsExactly("k1", "k2");
  }

  @Test
  void should_walk_edges_both_ways_per_edge_type() {
    // GIVEN
    Inventory inv = sample();
    // WHEN / THEN default edges
    assertThat(inv.successors("alice", EdgeType.DEFAULT)).extracting(Resource::id).containsExactly("k1", "k2");
    assertThat(inv.predecessors("k1", EdgeType.DEFAULT)).extracting(Resource::id).containsExactly("alice");
    assertThat(inv.successors("acct", EdgeType.DEFAULT)).extracting(Resource::id).containsExactly("alice", "plain-key");
    // delete edges are a separate adjacency
    assertThat(inv.successors("alice", EdgeType.DELETE)).extracting(Resource::id).containsExactly("k1", "k2");
    assertThat(inv.predecessors("k2", EdgeType.DELETE)).extracting(Resource::id).containsExactly("alice");
    assertThat(inv.successors("acct", EdgeType.DELETE)).isEmpty();
    assertThat(inv.predecessors("aws", EdgeType.DEFAULT)).isEmpty();
    // dense index access agrees
    int alice = inv.indexOf("alice");
    assertThat(inv.successorIndices(alice, EdgeType.DEFAULT)).containsExactly(inv.indexOf("k1"), inv.indexOf("k2"));
    assertThat(inv.predecessorIndices(inv.indexOf("k1"), EdgeType.DELETE)).containsExactly(alice);
    List<Integer> seen = new java.util.ArrayList<>();
    inv.forEachPredecessor(inv.indexOf("plain-key"), EdgeType.DEFAULT, seen::add);
    assertThat(seen).containsExactly(inv.indexOf("acct"));
    assertThat(inv.edgeCount()).isEqualTo(7);
  }

  @Test
  void should_look_up_nodes_by_id() {
    Inventory inv = sample();
    assertThat(inv.node("k1")).map(Resource::kind).contains("test_key");
    assertThat(inv.node("missing")).isEmpty();
    assertThat(inv.indexOf("missing")).isEqualTo(-1);
    assertThat(inv.contains("aws")).isTrue();
    assertThat(inv.size()).isEqualTo(6);
    assertThatThrownBy(() -> inv.successors("missing", EdgeType.DEFAULT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no node with id 'missing'");
  }

  @Test
  void should_reject_a_duplicate_id_naming_both_nodes() {
    Inventory.Builder b = Inventory.builder(KINDS).add(node("x", "user"));
    assertThatThrownBy(() -> b.add(node("x", "role")))
        .isInstanceOf(InvalidInventoryException.class)
        .hasMessage("duplicate node id 'x': user(x, x) and role(x, x)");
  }

  @Test
  void should_reject_an_edge_to_a_missing_node() {
    Inventory.Builder b = Inventory.builder(KINDS).add(node("a", "user")).edge("a", "ghost", EdgeType.DELETE);
    assertThatThrownBy(b::build)
        .isInstanceOf(InvalidInventoryException.class)
        .hasMessage("edge a -delete-> ghost points to a missing node: no node with id 'ghost'");
  }

  @Test
  void should_reject_an_edge_from_a_missing_node() {
    Inventory.Builder b = Inventory.builder(KINDS).add(node("a", "user")).edge("ghost", "a");
    assertThatThrownBy(b::build)
        .isInstanceOf(InvalidInventoryException.class)
        .hasMessage("edge ghost -default-> a points from a missing node: no node with id 'ghost'");
  }

  @Test
  void should_reject_a_self_loop() {
    assertThatThrownBy(() -> Inventory.builder(KINDS).edge("a", "a"))
        .isInstanceOf(InvalidInventoryException.class)
        .hasMessageContaining("self-loop");
  }

  @Test
  void should_reject_a_typed_resource_whose_kind_is_not_a_subkind_of_what_its_class_claims() {
    // GIVEN an access key class that says it is a user
    TestKey liar = new TestKey("k", "user", LastUse.unknown());
    // WHEN / THEN
    assertThatThrownBy(() -> Inventory.builder(KINDS).add(liar))
        .isInstanceOf(InvalidInventoryException.class)
        .hasMessage("resource 'k' is a TestKey, which is kind 'access_key', but its kind 'user' is not a subkind of 'access_key'");
  }

  @Test
  void should_reject_a_generic_resource_for_a_kind_with_a_java_class() {
    assertThatThrownBy(() -> Inventory.builder(KINDS).add(node("k", "test_key")))
        .isInstanceOf(InvalidInventoryException.class)
        .hasMessageContaining("resource 'k' has kind 'test_key', whose resources must be dev.inventory.KindRegistryTest$TestKey");
  }

  @Test
  void should_reject_a_typed_resource_of_an_unknown_kind() {
    assertThatThrownBy(() -> Inventory.builder(KINDS).add(new TestKey("k", "mystery_key", LastUse.unknown())))
        .isInstanceOf(InvalidInventoryException.class)
        .hasMessageContaining("kind 'mystery_key', which no module declares");
  }

  @Test
  void should_register_unknown_kinds_of_generic_resources_below_resource() {
    // WHEN
    Inventory inv = Inventory.builder(KINDS).add(node("b", "aws_s3_bucket")).build();
    // THEN
    assertThat(inv.kinds().isSubkind("aws_s3_bucket", "resource")).isTrue();
    assertThat(inv.ofKind("aws_s3_bucket")).hasSize(1);
    assertThat(inv.ofKind("resource")).hasSize(1);
    assertThat(KINDS.contains("aws_s3_bucket")).isFalse();
  }

  @Test
  void should_deduplicate_repeated_edges() {
    Inventory inv = Inventory.builder(KINDS).add(node("a", "user")).add(node("b", "user"))
        .edge("a", "b").edge("a", "b").edge("a", "b", EdgeType.DELETE).build();
    assertThat(inv.edgeCount()).isEqualTo(2);
    assertThat(inv.edges()).containsExactly(new Edge("a", "b", EdgeType.DEFAULT), new Edge("a", "b", EdgeType.DELETE));
  }

  @Test
  void should_keep_each_of_many_edges_once_with_neighbours_in_the_order_first_added() {
    // GIVEN a hub with 3,000 neighbours added in a scrambled order, every edge added twice or more,
    // so that the builder's edge set grows many times and sees dense indices (whose from ^ to collide)
    int n = 3000;
    Inventory.Builder b = Inventory.builder(KINDS).add(node("hub", "account"));
    for (int i = 0; i < n; i++) {
      b.add(node("n" + i, "user"));
    }
    List<String> expectedOrder = new java.util.ArrayList<>();
    for (int k = 0; k < n; k++) {
      int i = (int) ((k * 7919L) % n); // a permutation of 0..n-1
      expectedOrder.add("n" + i);
      b.edge("hub", "n" + i);
      b.edge("n" + i, "hub", EdgeType.DELETE);
    }
    for (int k = n - 1; k >= 0; k--) {
      b.edge("hub", "n" + k);
      b.edge("n" + k, "hub", EdgeType.DELETE);
    }
    b.edge("n1", "n2").edge("n2", "n1").edge("n1", "n2");

    // WHEN it is built
    Inventory inv = b.build();

    // THEN each edge is there once, and neighbours come in the order their edges were first added
    assertThat(inv.edgeCount()).isEqualTo(2 * n + 2);
    assertThat(inv.successors("hub", EdgeType.DEFAULT)).extracting(Resource::id).containsExactlyElementsOf(expectedOrder);
    assertThat(inv.predecessors("hub", EdgeType.DELETE)).extracting(Resource::id).containsExactlyElementsOf(expectedOrder);
    assertThat(inv.successors("n1", EdgeType.DEFAULT)).extracting(Resource::id).containsExactly("n2");
    assertThat(inv.successors("n2", EdgeType.DEFAULT)).extracting(Resource::id).containsExactly("n1");
    assertThat(inv.successors("hub", EdgeType.DELETE)).isEmpty();
  }

  @Test
  void should_be_equal_to_an_inventory_with_the_same_nodes_and_edges_in_any_order() {
    // GIVEN the same graph built in another order
    Inventory a = sample();
    Inventory b = Inventory.builder(KINDS)
        .add(node("plain-key", "access_key"))
        .add(new TestKey("k2", "test_key", LastUse.unknown()))
        .add(new TestKey("k1", "test_key", LastUse.never()))
        .add(node("alice", "user"))
        .add(node("acct", "account"))
        .add(node("aws", "cloud"))
        .edge("alice", "k2", EdgeType.DELETE).edge("alice", "k1", EdgeType.DELETE)
        .edge("acct", "plain-key").edge("alice", "k2").edge("alice", "k1").edge("acct", "alice").edge("aws", "acct")
        .build();
    // THEN
    assertThat(b).isEqualTo(a).hasSameHashCodeAs(a);
    Inventory c = Inventory.builder(KINDS).addAll(a.nodes()).edge("aws", "acct").build();
    assertThat(c).isNotEqualTo(a);
  }

  @Test
  void should_not_build_twice() {
    Inventory.Builder b = Inventory.builder(KINDS);
    b.build();
    assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void should_not_let_callers_change_the_snapshot() {
    Inventory inv = sample();
    int[] keys = inv.indicesOfKind("access_key");
    keys[0] = 99;
    assertThat(inv.indicesOfKind("access_key")).containsExactly(3, 4, 5);
    assertThatThrownBy(() -> inv.nodes().set(0, node("z", "user"))).isInstanceOf(UnsupportedOperationException.class);
  }
}
