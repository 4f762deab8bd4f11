package dev.inventory.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.inventory.Edge;
import dev.inventory.EdgeType;
import dev.inventory.GenericResource;
import dev.inventory.Inventory;
import dev.inventory.Resource;
import dev.inventory.state.Mark;
import dev.inventory.state.StateStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Laws of the plan's passes over random delete graphs. */
class CleanupPlanPropertiesTest {
  static final int MAX = 20;

  /** A random graph: edges from a pair code (from * MAX + to), each node marked or not. */
  record Graph(Inventory inventory, StateStore state, Set<String> marked) {
    static Graph of(int n, List<Integer> edgeCodes, List<Boolean> marks, boolean acyclic) {
      Inventory.Builder b = Inventory.builder();
      for (int i = 0; i < n; i++) {
        b.add(GenericResource.builder("n" + i, "resource").build());
      }
      Set<Edge> edges = new LinkedHashSet<>();
      for (int code : edgeCodes) {
        int from = code / MAX % n;
        int to = code % MAX % n;
        if (from == to) {
          continue;
        }
        if (acyclic && from < to) { // only edges towards lower indices: no cycle possible
          int t = from;
          from = to;
          to = t;
        }
        edges.add(new Edge("n" + from, "n" + to, EdgeType.DELETE));
      }
      edges.forEach(b::edge);
      StateStore state = StateStore.inMemory();
      Set<String> marked = new LinkedHashSet<>();
      for (int i = 0; i < n; i++) {
        if (marks.get(i)) {
          marked.add("n" + i);
        }
      }
      state.updateAll(marked, s -> s.withClean(Mark.of("x", Instant.EPOCH)));
      return new Graph(b.build(), state, marked);
    }

    @Override
    public String toString() {
      return "marked " + marked + ", edges " + inventory.edges();
    }
  }

  @Test
  void should_plan_every_marked_node_once_after_everything_it_depends_on() {
    qt().withExamples(300)
        .forAll(integers().between(1, MAX), lists().of(integers().between(0, MAX * MAX - 1)).ofSizeBetween(0, 60),
            lists().of(booleans().all()).ofSize(MAX))
        .as((n, codes, marks) -> Graph.of(n, codes, marks, true))
        .checkAssert(g -> {
          // GIVEN an acyclic random delete graph with random marks
          // WHEN
          CleanupPlan plan = CleanupPlan.of(g.inventory(), g.state());
          // THEN every marked node is in exactly one pass
          Map<String, Integer> passOf = new HashMap<>();
          for (int p = 0; p < plan.passes().size(); p++) {
            assertThat(plan.passes().get(p)).isNotEmpty();
            for (Resource r : plan.passes().get(p)) {
              assertThat(passOf.put(r.id(), p)).as("%s in two passes", r.id()).isNull();
            }
          }
          assertThat(passOf.keySet()).isEqualTo(g.marked());
          // AND for A -delete-> B between planned nodes, B runs in an earlier pass
          for (Edge e : g.inventory().edges()) {
            if (passOf.containsKey(e.from()) && passOf.containsKey(e.to())) {
              assertThat(passOf.get(e.to())).as(e.toString()).isLessThan(passOf.get(e.from()));
            }
          }
          // AND no node waits longer than needed: each node after the first pass depends on one just before it
          for (Map.Entry<String, Integer> entry : passOf.entrySet()) {
            if (entry.getValue() > 0) {
              List<Integer> depPasses = new ArrayList<>();
              g.inventory().successors(entry.getKey(), EdgeType.DELETE)
                  .forEach(s -> depPasses.add(passOf.getOrDefault(s.id(), -1)));
              assertThat(depPasses).contains(entry.getValue() - 1);
            }
          }
        });
  }

  @Test
  void should_either_plan_or_name_a_cycle_for_any_delete_graph() {
    AtomicInteger cycles = new AtomicInteger();
    qt().withExamples(300)
        .forAll(integers().between(1, MAX), lists().of(integers().between(0, MAX * MAX - 1)).ofSizeBetween(0, 60),
            lists().of(booleans().all()).ofSize(MAX))
        .as((n, codes, marks) -> Graph.of(n, codes, marks, false))
        .checkAssert(g -> {
          // GIVEN any random delete graph, cycles allowed
          // WHEN
          CleanupException e = catchThrowableOfType(CleanupException.class, () -> CleanupPlan.of(g.inventory(), g.state()));
          // THEN a reported cycle is a real cycle of delete edges between marked nodes
          if (e != null) {
            cycles.incrementAndGet();
            String[] cycle = e.getMessage().substring(e.getMessage().indexOf(": ") + 2).split(" -delete-> ");
            assertThat(cycle.length).isGreaterThanOrEqualTo(3);
            assertThat(cycle[0]).isEqualTo(cycle[cycle.length - 1]);
            for (int i = 0; i + 1 < cycle.length; i++) {
              assertThat(g.marked()).contains(cycle[i]);
              assertThat(g.inventory().edges()).contains(new Edge(cycle[i], cycle[i + 1], EdgeType.DELETE));
            }
          }
        });
    assertThat(cycles).as("examples with a cycle").hasPositiveValue();
  }
}
