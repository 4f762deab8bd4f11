package dev.inventory;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;

/**
 * An immutable snapshot of the resource graph: nodes by id, an index by kind that includes base
 * kinds, and adjacency per {@link EdgeType} in both directions. Safe to share between threads and
 * cheap to query repeatedly.
 *
 * <pre>{@code
 * Inventory inventory = Inventory.builder()
 *     .add(user)
 *     .add(key)
 *     .edge(user.id(), key.id())                    // default edge: structure
 *     .edge(user.id(), key.id(), EdgeType.DELETE)   // the key must go before the user
 *     .build();
 * inventory.ofKind("access_key");                   // every access key, whatever its cloud
 * inventory.predecessors(key.id(), EdgeType.DEFAULT); // [user]
 * }</pre>
 *
 * <p>Besides lookups by id, nodes have a dense index ({@code 0 .. size()-1}, in insertion order)
 * for code that walks the graph many times, such as a query engine: {@link #indexOf(String)},
 * {@link #node(int)}, {@link #forEachSuccessor(int, EdgeType, IntConsumer)}.
 *
 * <p>Two inventories are equal when they hold equal nodes and the same edges.
 */
public final class Inventory {
  private static final int[] EMPTY = new int[0];

  private final KindRegistry kinds;
  private final Resource[] nodes;
  private final Map<String, Integer> byId;
  private final Map<String, int[]> byKind; // exact kind -> node indices, ascending
  private final Map<String, int[]> byKindWithSubkinds;
  private final EnumMap<EdgeType, Adjacency> out = new EnumMap<>(EdgeType.class);
  private final EnumMap<EdgeType, Adjacency> in = new EnumMap<>(EdgeType.class);
  private final int edgeCount;

  private Inventory(Builder b, KindRegistry kinds) {
    this.kinds = kinds;
    this.byKindWithSubkinds = new ConcurrentHashMap<>();
    this.nodes = b.nodes.toArray(new Resource[0]);
    this.byId = b.byId;
    Map<String, List<Integer>> exact = new HashMap<>();
    for (int i = 0; i < nodes.length; i++) {
      exact.computeIfAbsent(nodes[i].kind(), k -> new ArrayList<>()).add(i);
    }
    Map<String, int[]> bk = new HashMap<>();
    exact.forEach((k, list) -> bk.put(k, list.stream().mapToInt(Integer::intValue).toArray()));
    this.byKind = bk;
    int count = 0;
    for (EdgeType t : EdgeType.values()) {
      long[] edges = b.edges.get(t).toArray();
      count += edges.length;
      out.put(t, Adjacency.of(nodes.length, edges, false));
      in.put(t, Adjacency.of(nodes.length, edges, true));
    }
    this.edgeCount = count;
  }

  // A snapshot that shares everything with `base` but its node array (see withNode).
  private Inventory(Inventory base, Resource[] nodes) {
    this.kinds = base.kinds;
    this.nodes = nodes;
    this.byId = base.byId;
    this.byKind = base.byKind;
    this.byKindWithSubkinds = base.byKindWithSubkinds;
    this.out.putAll(base.out);
    this.in.putAll(base.in);
    this.edgeCount = base.edgeCount;
  }

  /**
   * This snapshot with one node replaced by a newer version of itself (same id, same kind), for
   * example the resource a cleaner just read again. The graph, the id and kind indices are shared,
   * so this costs one copy of the node array, not a rebuild; both snapshots stay immutable.
   *
   * <pre>{@code
   * Inventory now = snapshot.withNode(refreshedKey);
   * }</pre>
   *
   * @param replacement the node's newer version
   * @return the changed snapshot
   * @throws IllegalArgumentException when no node has the replacement's id, or its kind or Java
   *     type differs from the node it replaces
   */
  public Inventory withNode(Resource replacement) {
    Objects.requireNonNull(replacement, "replacement");
    int i = requireIndex(replacement.id());
    Resource old = nodes[i];
    if (!old.kind().equals(replacement.kind())) {
      throw new IllegalArgumentException("node '" + replacement.id() + "' has kind '" + old.kind()
          + "'; a replacement must keep it, got '" + replacement.kind() + "'");
    }
    if (old.getClass() != replacement.getClass()) {
      throw new IllegalArgumentException("node '" + replacement.id() + "' is a " + old.getClass().getName()
          + "; a replacement must be one too, got " + replacement.getClass().getName());
    }
    Resource[] copy = nodes.clone();
    copy[i] = replacement;
    return new Inventory(this, copy);
  }

  /**
   * A builder whose kinds come from {@link KindRegistry#standard()}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder(KindRegistry.standard());
  }

  /**
   * A builder that checks resources against {@code kinds}.
   *
   * @param kinds the kinds resources are checked against
   * @return a new builder
   */
  public static Builder builder(KindRegistry kinds) {
    return new Builder(kinds);
  }

  /**
   * An inventory without nodes.
   *
   * @return the empty inventory
   */
  public static Inventory empty() {
    return builder().build();
  }

  /**
   * The kinds of this snapshot: the registry it was built with, plus the kinds of generic resources
   * that the registry did not know (with base {@code resource}).
   *
   * @return the kinds
   */
  public KindRegistry kinds() {
    return kinds;
  }

  /**
   * The number of nodes.
   *
   * @return the number of nodes
   */
  public int size() {
    return nodes.length;
  }

  /**
   * The number of edges of all types.
   *
   * @return the number of edges
   */
  public int edgeCount() {
    return edgeCount;
  }

  /**
   * The node with this id, if present.
   *
   * @param id the node id
   * @return the node, or empty
   */
  public Optional<Resource> node(String id) {
    Integer i = byId.get(id);
    return i == null ? Optional.empty() : Optional.of(nodes[i]);
  }

  /**
   * Whether a node with this id is present.
   *
   * @param id the node id
   * @return whether it is present
   */
  public boolean contains(String id) {
    return byId.containsKey(id);
  }

  /**
   * All nodes, in the order they were added.
   *
   * @return the nodes
   */
  public List<Resource> nodes() {
    return Collections.unmodifiableList(Arrays.asList(nodes));
  }

  /**
   * All nodes of {@code kind} or any of its subkinds, in insertion order ({@code ofKind("access_key")}
   * includes every {@code aws_iam_access_key}). Empty for a kind this snapshot does not know.
   *
   * @param kind the kind name
   * @return the nodes of that kind
   */
  public List<Resource> ofKind(String kind) {
    return view(indicesOfKind(kind));
  }

  /**
   * All nodes whose Java type is {@code type} or a subtype, in insertion order.
   *
   * @param <R> the Java type
   * @param type the Java type to select
   * @return the nodes of that type
   */
  public <R extends Resource> List<R> ofType(Class<R> type) {
    List<R> result = new ArrayList<>();
    for (Resource r : nodes) {
      if (type.isInstance(r)) {
        result.add(type.cast(r));
      }
    }
    return Collections.unmodifiableList(result);
  }

  /**
   * The nodes reached from {@code id} over one outgoing edge of {@code type}.
   *
   * @param id the start node's id
   * @param type the edge type
   * @return the end nodes
   */
  public List<Resource> successors(String id, EdgeType type) {
    return view(out.get(type).neighbours(requireIndex(id)));
  }

  /**
   * The nodes that reach {@code id} over one edge of {@code type}.
   *
   * @param id the end node's id
   * @param type the edge type
   * @return the start nodes
   */
  public List<Resource> predecessors(String id, EdgeType type) {
    return view(in.get(type).neighbours(requireIndex(id)));
  }

  /**
   * All edges, grouped by type, then by start node in insertion order.
   *
   * @return the edges
   */
  public List<Edge> edges() {
    List<Edge> result = new ArrayList<>(edgeCount);
    for (EdgeType t : EdgeType.values()) {
      Adjacency a = out.get(t);
      for (int i = 0; i < nodes.length; i++) {
        for (int j : a.neighbours(i)) {
          result.add(new Edge(nodes[i].id(), nodes[j].id(), t));
        }
      }
    }
    return result;
  }

  // ---- dense index access -------------------------------------------------------------------

  /**
   * The dense index of the node with this id, or {@code -1}.
   *
   * @param id the node id
   * @return the index, or -1
   */
  public int indexOf(String id) {
    Integer i = byId.get(id);
    return i == null ? -1 : i;
  }

  /**
   * The node at a dense index.
   *
   * @param index a dense index
   * @return the node
   */
  public Resource node(int index) {
    return nodes[index];
  }

  /**
   * Dense indices of all nodes of {@code kind} and its subkinds, ascending. The array is a copy.
   *
   * @param kind the kind name
   * @return the indices, ascending
   */
  public int[] indicesOfKind(String kind) {
    int[] cached = byKindWithSubkinds.computeIfAbsent(kind, this::collectKind);
    return cached.clone();
  }

  /**
   * Calls {@code action} with the index of every node reached from {@code index} over one edge.
   *
   * @param index the start node's index
   * @param type the edge type
   * @param action receives each end node's index
   */
  public void forEachSuccessor(int index, EdgeType type, IntConsumer action) {
    out.get(type).forEach(index, action);
  }

  /**
   * Calls {@code action} with the index of every node that reaches {@code index} over one edge.
   *
   * @param index the end node's index
   * @param type the edge type
   * @param action receives each start node's index
   */
  public void forEachPredecessor(int index, EdgeType type, IntConsumer action) {
    in.get(type).forEach(index, action);
  }

  /**
   * Dense indices of the successors of a node (a copy).
   *
   * @param index the start node's index
   * @param type the edge type
   * @return the end nodes' indices
   */
  public int[] successorIndices(int index, EdgeType type) {
    return out.get(type).neighbours(index);
  }

  /**
   * Dense indices of the predecessors of a node (a copy).
   *
   * @param index the end node's index
   * @param type the edge type
   * @return the start nodes' indices
   */
  public int[] predecessorIndices(int index, EdgeType type) {
    return in.get(type).neighbours(index);
  }

  private int[] collectKind(String kind) {
    if (!kinds.contains(kind)) {
      return EMPTY;
    }
    Set<String> sub = kinds.subkinds(kind);
    if (sub.size() == 1) {
      return byKind.getOrDefault(kind, EMPTY);
    }
    int total = 0;
    List<int[]> parts = new ArrayList<>();
    for (String k : sub) {
      int[] p = byKind.get(k);
      if (p != null) {
        parts.add(p);
        total += p.length;
      }
    }
    int[] merged = new int[total];
    int pos = 0;
    for (int[] p : parts) {
      System.arraycopy(p, 0, merged, pos, p.length);
      pos += p.length;
    }
    Arrays.sort(merged);
    return merged;
  }

  private int requireIndex(String id) {
    Integer i = byId.get(Objects.requireNonNull(id, "id"));
    if (i == null) {
      throw new IllegalArgumentException("no node with id '" + id + "'");
    }
    return i;
  }

  private List<Resource> view(int[] indices) {
    return new AbstractList<>() {
      @Override
      public Resource get(int i) {
        return nodes[indices[i]];
      }

      @Override
      public int size() {
        return indices.length;
      }
    };
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Inventory other) || other.nodes.length != nodes.length || other.edgeCount != edgeCount) {
      return false;
    }
    for (Resource r : nodes) {
      Integer j = other.byId.get(r.id());
      if (j == null || !r.equals(other.nodes[j])) {
        return false;
      }
    }
    return new HashSet<>(edges()).equals(new HashSet<>(other.edges()));
  }

  @Override
  public int hashCode() {
    int h = 0;
    for (Resource r : nodes) {
      h += r.hashCode();
    }
    return 31 * h + edgeCount;
  }

  @Override
  public String toString() {
    return "Inventory(" + nodes.length + " nodes, " + edgeCount + " edges)";
  }

  /** Compressed adjacency of one edge type in one direction. */
  private static final class Adjacency {
    private final int[] offsets;
    private final int[] targets;

    private Adjacency(int[] offsets, int[] targets) {
      this.offsets = offsets;
      this.targets = targets;
    }

    // Shared by every edge type without edges (iam, in most snapshots): no offsets array per node.
    private static final Adjacency NONE = new Adjacency(null, EMPTY);

    static Adjacency of(int n, long[] edges, boolean reverse) {
      if (edges.length == 0) {
        return NONE;
      }
      int[] offsets = new int[n + 1];
      for (long e : edges) {
        offsets[(reverse ? to(e) : from(e)) + 1]++;
      }
      for (int i = 0; i < n; i++) {
        offsets[i + 1] += offsets[i];
      }
      int[] fill = Arrays.copyOf(offsets, n);
      int[] targets = new int[edges.length];
      for (long e : edges) {
        int source = reverse ? to(e) : from(e);
        targets[fill[source]++] = reverse ? from(e) : to(e);
      }
      return new Adjacency(offsets, targets);
    }

    int[] neighbours(int node) {
      return offsets == null ? EMPTY : Arrays.copyOfRange(targets, offsets[node], offsets[node + 1]);
    }

    void forEach(int node, IntConsumer action) {
      if (offsets == null) {
        return;
      }
      for (int i = offsets[node], end = offsets[node + 1]; i < end; i++) {
        action.accept(targets[i]);
      }
    }

    private static int from(long e) {
      return (int) (e >>> 32);
    }

    private static int to(long e) {
      return (int) e;
    }
  }

  /**
   * Collects nodes and edges and checks them: a duplicate node id, a resource whose kind does not
   * fit its Java type, an edge to a missing node, and a self-loop are {@link
   * InvalidInventoryException}s with a message naming what was wrong.
   */
  public static final class Builder {
    private final KindRegistry registry;
    private final List<Resource> nodes = new ArrayList<>();
    private final Map<String, Integer> byId = new HashMap<>();
    private final Map<String, Kind> discovered = new LinkedHashMap<>();
    private final List<Edge> pendingEdges = new ArrayList<>();
    private final EnumMap<EdgeType, EdgeSet> edges = new EnumMap<>(EdgeType.class);
    private final Map<Class<?>, List<Kind>> typedKindsByClass = new HashMap<>();
    private boolean built;

    /**
     * The distinct edges of one type as {@code from << 32 | to}, in the order they were first added:
     * an open-addressing hash set of primitive longs (mixed with a multiplicative hash, since {@code
     * from ^ to} of a boxed {@code Long} collides for the dense indices of a large graph) beside a
     * growing array. About 24 bytes per edge at most while building; nothing is boxed.
     */
    static final class EdgeSet {
      private static final long FREE = -1L; // no edge has it: node indices are never negative
      private long[] slots = newSlots(16);
      private long[] order = new long[16];
      private int size;

      /** Adds the edge; false when it was already there. */
      boolean add(long edge) {
        if ((size + 1) * 2L > slots.length) {
          grow();
        }
        if (!insert(slots, edge)) {
          return false;
        }
        if (size == order.length) {
          order = Arrays.copyOf(order, size * 2);
        }
        order[size++] = edge;
        return true;
      }

      int size() {
        return size;
      }

      /** The edges in the order they were first added. */
      long[] toArray() {
        return Arrays.copyOf(order, size);
      }

      private void grow() {
        long[] bigger = newSlots(slots.length * 2);
        for (int i = 0; i < size; i++) {
          insert(bigger, order[i]);
        }
        slots = bigger;
      }

      private static boolean insert(long[] table, long edge) {
        int mask = table.length - 1;
        long h = edge * 0x9E3779B97F4A7C15L;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (table[i] != FREE) {
          if (table[i] == edge) {
            return false;
          }
          i = (i + 1) & mask;
        }
        table[i] = edge;
        return true;
      }

      private static long[] newSlots(int n) {
        long[] table = new long[n];
        Arrays.fill(table, FREE);
        return table;
      }
    }

    private Builder(KindRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
      for (EdgeType t : EdgeType.values()) {
        edges.put(t, new EdgeSet());
      }
    }

    /**
     * Adds a node.
     *
     * @param resource the node
     * @return this builder
     * @throws InvalidInventoryException for a duplicate id or a kind that does not fit the resource's
     *     Java type
     */
    public Builder add(Resource resource) {
      Objects.requireNonNull(resource, "resource");
      checkOpen();
      String id = Objects.requireNonNull(resource.id(), "resource.id()");
      String kind = Objects.requireNonNull(resource.kind(), "resource.kind()");
      Integer previous = byId.get(id);
      if (previous != null) {
        throw new InvalidInventoryException(
            "duplicate node id '" + id + "': " + nodes.get(previous) + " and " + resource);
      }
      checkKind(resource, kind);
      byId.put(id, nodes.size());
      nodes.add(resource);
      return this;
    }

    /**
     * Adds several nodes.
     *
     * @param resources the nodes
     * @return this builder
     */
    public Builder addAll(Iterable<? extends Resource> resources) {
      resources.forEach(this::add);
      return this;
    }

    /**
     * Adds a {@link EdgeType#DEFAULT} edge. Both ends must be present when {@link #build()} runs.
     *
     * @param from the start node's id
     * @param to the end node's id
     * @return this builder
     */
    public Builder edge(String from, String to) {
      return edge(from, to, EdgeType.DEFAULT);
    }

    /**
     * Adds an edge of a type. Both ends must be present when {@link #build()} runs.
     *
     * @param from the start node's id
     * @param to the end node's id
     * @param type the edge type
     * @return this builder
     */
    public Builder edge(String from, String to, EdgeType type) {
      checkOpen();
      Edge e = new Edge(from, to, type);
      if (from.equals(to)) {
        throw new InvalidInventoryException("edge " + e + " is a self-loop; a node cannot point at itself");
      }
      pendingEdges.add(e);
      return this;
    }

    /**
     * Adds an edge.
     *
     * @param edge the edge
     * @return this builder
     */
    public Builder edge(Edge edge) {
      return edge(edge.from(), edge.to(), edge.type());
    }

    /**
     * Builds the snapshot. The builder cannot be used afterwards.
     *
     * @return the snapshot
     * @throws InvalidInventoryException for an edge whose start or end node is missing
     */
    public Inventory build() {
      checkOpen();
      for (Edge e : pendingEdges) {
        Integer from = byId.get(e.from());
        Integer to = byId.get(e.to());
        if (from == null || to == null) {
          String missing = from == null ? e.from() : e.to();
          throw new InvalidInventoryException(
              "edge " + e + " points " + (from == null ? "from" : "to") + " a missing node: no node with id '"
                  + missing + "'");
        }
        edges.get(e.type()).add(((long) from << 32) | (to & 0xffffffffL));
      }
      built = true;
      KindRegistry kinds = registry.withDiscovered(discovered.values());
      return new Inventory(this, kinds);
    }

    private void checkOpen() {
      if (built) {
        throw new IllegalStateException("this builder has already built its inventory");
      }
    }

    private void checkKind(Resource resource, String kind) {
      Optional<Kind> declared = registry.kind(kind);
      if (declared.isEmpty()) {
        if (!(resource instanceof GenericResource)) {
          throw new InvalidInventoryException(
              "resource '" + resource.id() + "' has kind '" + kind + "', which no module declares, but its Java type "
                  + resource.getClass().getName() + " is not a GenericResource");
        }
        discovered.computeIfAbsent(kind, k -> Kind.discovered(k, List.of()));
        return;
      }
      Kind k = declared.get();
      if (k.factory().isPresent() && !k.javaType().isInstance(resource)) {
        throw new InvalidInventoryException(
            "resource '" + resource.id() + "' has kind '" + kind + "', whose resources must be "
                + k.javaType().getName() + ", but it is a " + resource.getClass().getName());
      }
      for (Kind claimed : typedKinds(resource.getClass())) {
        if (!registry.isSubkind(kind, claimed.name())) {
          throw new InvalidInventoryException(
              "resource '" + resource.id() + "' is a " + resource.getClass().getSimpleName() + ", which is kind '"
                  + claimed.name() + "', but its kind '" + kind + "' is not a subkind of '" + claimed.name() + "'");
        }
      }
    }

    /** Kinds whose Java type this class implements (ignoring the catch-all ones). */
    private List<Kind> typedKinds(Class<?> type) {
      return typedKindsByClass.computeIfAbsent(type, t -> {
        List<Kind> list = new ArrayList<>();
        for (Kind k : registry.kinds()) {
          Class<?> jt = k.javaType();
          if (jt != Resource.class && jt != GenericResource.class && jt.isAssignableFrom(t)) {
            list.add(k);
          }
        }
        return list;
      });
    }
  }
}
