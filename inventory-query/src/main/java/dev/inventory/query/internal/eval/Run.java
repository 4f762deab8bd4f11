package dev.inventory.query.internal.eval;

import dev.inventory.EdgeType;
import dev.inventory.Inventory;
import dev.inventory.KindRegistry;
import dev.inventory.Property;
import dev.inventory.Resource;
import dev.inventory.state.NodeState;
import dev.inventory.state.StateStore;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One evaluation: the snapshot, the state store, the {@code now} read once from the clock, and
 * caches that live as long as the run. Used by one thread; a compiled plan makes a new run each
 * time, so plans stay immutable and thread-safe.
 */
final class Run {
  /** Walking for an ancestor stops after this many steps, like unbounded navigation. */
  static final int MAX_STEPS = 250;

  final Inventory inventory;
  final KindRegistry kinds;
  final StateStore state;
  final Instant now;
  final SnapshotCache cache;
  /** The values merge blocks found so far, per node; a run of a command reads a result's. */
  Merged merged = Merged.NONE;
  private final Map<String, Map<Integer, Integer>> ancestors = new HashMap<>();
  private final Map<String, Map<Integer, Integer>> descendants = new HashMap<>();
  private final Map<Integer, NodeState> states = new HashMap<>();
  private final Map<Object, Object> scratch = new java.util.IdentityHashMap<>();
  private Object lastKey; // the last scratch entry asked for: a loop over nodes asks for the same one
  private Object lastValue;

  Run(Inventory inventory, StateStore state, Instant now) {
    this(SnapshotCache.none(inventory), state, now);
  }

  Run(SnapshotCache cache, StateStore state, Instant now) {
    this.cache = cache;
    Inventory inventory = cache.inventory();
    this.inventory = inventory;
    this.kinds = inventory.kinds();
    this.state = state;
    this.now = now;
  }

  /**
   * Per-run state that belongs to one compiled object ({@code owner}), made by {@code make} the first
   * time it is asked for in this run.
   */
  @SuppressWarnings("unchecked")
  <T> T scratch(Object owner, java.util.function.Supplier<T> make) {
    if (owner == lastKey) {
      return (T) lastValue;
    }
    Object v = scratch.computeIfAbsent(owner, k -> make.get());
    lastKey = owner;
    lastValue = v;
    return (T) v;
  }

  Resource node(int index) {
    return inventory.node(index);
  }

  /** The node's state, read from the store once per run. */
  NodeState state(int node) {
    return states.computeIfAbsent(node, n -> state.get(inventory.node(n).id()));
  }

  /**
   * The nearest node of {@code kind} (or a subkind) walking {@code default} edges inward (or
   * outward), breadth first, the start node excluded; -1 if there is none within {@link
   * #MAX_STEPS} steps.
   */
  int related(int node, String kind, boolean inward) {
    Map<Integer, Integer> known = (inward ? ancestors : descendants).computeIfAbsent(kind, k -> new HashMap<>());
    return known.computeIfAbsent(node, n -> search(n, kind, inward));
  }

  private int search(int start, String kind, boolean inward) {
    java.util.BitSet seen = new java.util.BitSet(inventory.size());
    seen.set(start);
    int[] frontier = {start};
    for (int depth = 1; depth <= MAX_STEPS && frontier.length > 0; depth++) {
      int[] next = new int[0];
      int size = 0;
      for (int u : frontier) {
        int[] nb = inward
            ? inventory.predecessorIndices(u, EdgeType.DEFAULT)
            : inventory.successorIndices(u, EdgeType.DEFAULT);
        for (int v : nb) {
          if (seen.get(v)) {
            continue;
          }
          seen.set(v);
          if (kinds.isSubkind(inventory.node(v).kind(), kind)) {
            return v;
          }
          if (size == next.length) {
            next = Arrays.copyOf(next, Math.max(4, size * 2));
          }
          next[size++] = v;
        }
      }
      frontier = Arrays.copyOf(next, size);
    }
    return -1;
  }

  /**
   * The node's reported section: every declared property of its kind that has a value, then the
   * properties no class declares, in that order.
   */
  Map<String, Object> reported(int node) {
    Resource r = inventory.node(node);
    Map<String, Object> out = new LinkedHashMap<>();
    if (kinds.contains(r.kind())) {
      for (Property<?> p : kinds.properties(r.kind()).values()) {
        Object v = Scalars.normalize(p.read(r));
        if (v != null) {
          out.put(p.name(), v);
        }
      }
    }
    r.additionalProperties().forEach((k, v) -> {
      if (v != null) {
        out.putIfAbsent(k, Scalars.normalize(v));
      }
    });
    return out;
  }
}
