package dev.inventory.query.internal.eval;

import dev.inventory.Inventory;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * What a query engine remembers about one immutable snapshot between runs: the three times behind
 * {@code age}, {@code last_update} and {@code last_access}, as one {@code long} per node (epoch
 * nanoseconds), filled the first time a run reads a node's time; the top-level string properties
 * that queries compare with {@code ==}, {@code !=}, {@code in}, {@code not in} or count by, as
 * dictionary-encoded {@link StringColumn}s (4 bytes per node each); and the nodes of the kinds a
 * query part starts from, as bit sets (1 bit per node each). Comparing stored longs
 * instead of following each node to its {@code Instant} is what makes a repeated time filter over
 * many nodes cheap: the values sit next to each other in memory.
 *
 * <p>Engine-internal: {@code QueryEngine} owns one per snapshot and hands it to every plan it
 * compiles. Thread-safe: a slot holds the same value whoever fills it, and it is written and read
 * whole (opaque access), so concurrent runs at worst read a node twice. Each time column costs 8
 * bytes per node and is only allocated when a query first uses that time; the same goes for the
 * string columns and kind sets. At 1,000,000 nodes the guide's query allocates one time column (8
 * MB), one string column ({@code name}, 4 MB), one kind set (125 KB) and the access keys' index
 * array and {@code atime}s (131,000 keys: 1.6 MB).
 *
 * <pre>{@code
 * SnapshotCache cache = SnapshotCache.of(inventory);
 * Plan plan = Plan.compile(query, cache, state, Optional.empty());
 * }</pre>
 */
public final class SnapshotCache {
  // Slot values: 0 not read yet, 1 no time, 2 a time a long cannot hold in nanoseconds (or one of
  // the first three nanoseconds of 1970): read the node. Anything else: the time in epoch nanos.
  private static final long UNREAD = 0;
  private static final long NO_TIME = 1;
  private static final long READ_NODE = 2;
  private static final long NANOS = 1_000_000_000L;

  private final Inventory inventory;
  private final AtomicReferenceArray<AtomicLongArray> columns; // null: remember nothing
  private final ConcurrentHashMap<String, StringColumn> strings; // by property name; null as columns
  private final ConcurrentHashMap<List<String>, BitSet> kindSets; // never changed once in; null as columns
  private final ConcurrentHashMap<String, KindColumns> kindColumns; // by exact kind name; null as columns

  /**
   * The nodes of one kind (with subkinds), as {@link #kindIndices} hands them out, and per synthetic
   * time a column aligned with them: a filter over every node of a kind then reads its times in
   * order, 8 bytes per node of the kind, instead of one cache line per node from the whole-snapshot
   * column.
   */
  private static final class KindColumns {
    final int[] nodes;
    final AtomicReferenceArray<long[]> times = new AtomicReferenceArray<>(PathReader.Synthetic.values().length);

    KindColumns(int[] nodes) {
      this.nodes = nodes;
    }
  }

  private SnapshotCache(Inventory inventory, boolean remember) {
    this.inventory = Objects.requireNonNull(inventory, "inventory");
    this.columns = remember ? new AtomicReferenceArray<>(PathReader.Synthetic.values().length) : null;
    this.strings = remember ? new ConcurrentHashMap<>() : null;
    this.kindSets = remember ? new ConcurrentHashMap<>() : null;
    this.kindColumns = remember ? new ConcurrentHashMap<>() : null;
  }

  /**
   * The nodes of {@code kind} and its subkinds, ascending, as {@link Inventory#indicesOfKind}; the
   * array is shared and must not be changed (a cache that remembers nothing makes a copy each time).
   */
  int[] kindIndices(String kind) {
    if (kindColumns == null) {
      return inventory.indicesOfKind(kind);
    }
    return kindColumns.computeIfAbsent(kind, k -> new KindColumns(inventory.indicesOfKind(k))).nodes;
  }

  /** The times behind {@code synthetic} aligned with {@code nodes}, when it is a kind's shared array; else null. */
  private long[] alignedTimes(PathReader.Synthetic synthetic, int[] nodes) {
    if (kindColumns == null) {
      return null;
    }
    for (KindColumns k : kindColumns.values()) { // one entry per kind queried: a handful
      if (k.nodes == nodes) {
        long[] t = k.times.get(synthetic.ordinal());
        if (t == null) {
          t = new long[nodes.length];
          for (int i = 0; i < nodes.length; i++) {
            t[i] = encode(synthetic.time(inventory.node(nodes[i])).orElse(null));
          }
          k.times.compareAndSet(synthetic.ordinal(), null, t); // published whole; equal if raced
          t = k.times.get(synthetic.ordinal());
        }
        return t;
      }
    }
    return null;
  }

  /** Whether this cache remembers anything (a cache made by {@link #none} does not). */
  boolean remembers() {
    return columns != null;
  }

  /**
   * The string column of a top-level reported property (see {@link StringColumn}: 4 bytes per node,
   * allocated the first time a query asks for that property); null for a cache that remembers
   * nothing.
   */
  StringColumn strings(String property) {
    return strings == null ? null : strings.computeIfAbsent(property, p -> new StringColumn(inventory, p));
  }

  /**
   * The nodes of any of {@code kinds} (or their subkinds) as a bit set that callers must not change:
   * one bit per node of the snapshot for each distinct list of kinds a query part starts with, made
   * the first time it is asked for. A cache that remembers nothing makes a new one each time.
   */
  BitSet kindSet(List<String> kinds) {
    if (kindSets == null) {
      return makeKindSet(kinds);
    }
    return kindSets.computeIfAbsent(List.copyOf(kinds), this::makeKindSet);
  }

  private BitSet makeKindSet(List<String> kinds) {
    BitSet set = new BitSet(inventory.size());
    for (String k : kinds) {
      for (int i : inventory.indicesOfKind(k)) {
        set.set(i);
      }
    }
    return set;
  }

  /** An empty cache for {@code inventory}. */
  public static SnapshotCache of(Inventory inventory) {
    return new SnapshotCache(inventory, true);
  }

  /** A cache that remembers nothing: for reading a few nodes once, where a column would not pay. */
  static SnapshotCache none(Inventory inventory) {
    return new SnapshotCache(inventory, false);
  }

  /** The snapshot this cache belongs to. */
  public Inventory inventory() {
    return inventory;
  }

  /** The node's time behind {@code synthetic}, or null when it has none. */
  Instant time(PathReader.Synthetic synthetic, int node) {
    if (columns == null) {
      return synthetic.time(inventory.node(node)).orElse(null);
    }
    AtomicLongArray column = column(synthetic);
    long v = column.getOpaque(node);
    if (v == UNREAD) {
      Instant t = synthetic.time(inventory.node(node)).orElse(null);
      column.setOpaque(node, encode(t));
      return t;
    }
    if (v == NO_TIME) {
      return null;
    }
    if (v == READ_NODE) {
      return synthetic.time(inventory.node(node)).orElse(null);
    }
    return Instant.ofEpochSecond(Math.floorDiv(v, NANOS), Math.floorMod(v, NANOS));
  }

  /** What {@link #compareTime} returns for a node without the time. */
  static final int ABSENT = Integer.MIN_VALUE;

  /**
   * The sign of comparing the node's time behind {@code synthetic} with {@code target}, without
   * making an {@code Instant} for the node; {@link #ABSENT} when the node has no such time.
   */
  int compareTime(PathReader.Synthetic synthetic, int node, Instant target) {
    if (columns != null) {
      AtomicLongArray column = column(synthetic);
      long v = column.getOpaque(node);
      if (v == UNREAD) {
        v = encode(synthetic.time(inventory.node(node)).orElse(null));
        column.setOpaque(node, v);
      }
      if (v == NO_TIME) {
        return ABSENT;
      }
      long t = encode(target);
      if (v != READ_NODE && t != READ_NODE) {
        return Long.compare(v, t);
      }
    }
    Instant time = synthetic.time(inventory.node(node)).orElse(null);
    return time == null ? ABSENT : Integer.signum(time.compareTo(target));
  }

  /**
   * The {@code nodes} (in their order) whose time behind {@code synthetic} is before ({@code less}),
   * equal to ({@code equal}) or after ({@code greater}) {@code target}; a node without the time is
   * never kept. The same answer as {@link #compareTime} node by node, in one loop.
   */
  int[] filterTime(PathReader.Synthetic synthetic, int[] nodes, Instant target, boolean less, boolean equal,
      boolean greater) {
    int[] out = new int[nodes.length];
    int n = 0;
    long t = encode(target);
    if (columns == null || t == READ_NODE) {
      for (int node : nodes) {
        int c = compareTime(synthetic, node, target);
        if (c != ABSENT && (c < 0 ? less : c == 0 ? equal : greater)) {
          out[n++] = node;
        }
      }
      return java.util.Arrays.copyOf(out, n);
    }
    long[] aligned = alignedTimes(synthetic, nodes);
    if (aligned != null) {
      // Without branches on the outcome, which is as good as random for a time filter: bit
      // (sign of v - t) + 1 of `wanted` says whether that outcome is kept; a node is written
      // every time and counted when kept.
      int wanted = (less ? 1 : 0) | (equal ? 2 : 0) | (greater ? 4 : 0);
      for (int i = 0; i < nodes.length; i++) {
        long v = aligned[i];
        if (v == READ_NODE) {
          int c = compareTime(synthetic, nodes[i], target);
          if (c != ABSENT && (c < 0 ? less : c == 0 ? equal : greater)) {
            out[n++] = nodes[i];
          }
          continue;
        }
        int outcome = (v > t ? 2 : 0) | (v == t ? 1 : 0);
        int keep = (wanted >>> outcome) & (v != NO_TIME ? 1 : 0);
        out[n] = nodes[i];
        n += keep;
      }
      return java.util.Arrays.copyOf(out, n);
    }
    AtomicLongArray column = column(synthetic);
    for (int node : nodes) {
      long v = column.getOpaque(node);
      if (v == UNREAD) {
        v = encode(synthetic.time(inventory.node(node)).orElse(null));
        column.setOpaque(node, v);
      }
      if (v == NO_TIME) {
        continue;
      }
      int c = v == READ_NODE ? compareTime(synthetic, node, target) : Long.compare(v, t);
      if (c < 0 ? less : c == 0 ? equal : greater) {
        out[n++] = node;
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  private AtomicLongArray column(PathReader.Synthetic synthetic) {
    int i = synthetic.ordinal();
    AtomicLongArray c = columns.get(i);
    if (c == null) {
      columns.compareAndSet(i, null, new AtomicLongArray(inventory.size()));
      c = columns.get(i);
    }
    return c;
  }

  private static long encode(Instant t) {
    if (t == null) {
      return NO_TIME;
    }
    try {
      long v = Math.addExact(Math.multiplyExact(t.getEpochSecond(), NANOS), t.getNano());
      return v == UNREAD || v == NO_TIME || v == READ_NODE ? READ_NODE : v;
    } catch (ArithmeticException e) {
      return READ_NODE;
    }
  }
}
