package dev.inventory.query.internal.eval;

import dev.inventory.Inventory;
import dev.inventory.query.ast.Limit;
import dev.inventory.query.ast.Part;
import dev.inventory.query.ast.Path;
import dev.inventory.query.ast.Query;
import dev.inventory.query.ast.Sort;
import dev.inventory.query.ast.Term;
import dev.inventory.query.parse.Parsed;
import dev.inventory.state.StateStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The evaluation plan of a query over one snapshot: what {@code QueryEngine.compile} builds. Most
 * code should use {@link dev.inventory.query.QueryEngine} instead; this class is public only so that
 * the entry points in {@code dev.inventory.query} can reach it.
 *
 * <p>A plan is immutable and thread-safe: every {@link #run(Instant)} gets its own scratch state.
 * Per part it filters with the term (through the kind index when the term is, or is and-ed with,
 * an {@code is(...)}), sorts (missing values last), applies the limit, then walks the navigation;
 * the next part filters what the walk reached.
 *
 * <pre>{@code
 * Plan plan = Plan.compile(QueryParser.parse("is(user) and name == ci"), inventory, StateStore.inMemory(), Optional.empty());
 * int[] nodes = plan.run(clock.instant());   // dense node indices, in result order
 * }</pre>
 */
public final class Plan {
  private final Query query;
  private final Inventory inventory;
  private final StateStore state;
  private final SnapshotCache cache;
  private final List<CompiledPart> parts;

  private record CompiledPart(
      Optional<Cond> term, Optional<List<String>> kinds, List<SortKey> sort, Optional<Limit> limit,
      Optional<Walker> navigation, Part source, Optional<Term> residual, boolean reversed, boolean tagged,
      List<CompiledMerge> merges,
      Optional<Cond> postFilter) {}

  private record CompiledMerge(List<String> names, boolean list, Plan walk) {}

  /**
   * What a run found: the nodes, and the values the query's merge blocks found for them.
   *
   * @param nodes the dense snapshot indices of the result, in order
   * @param merged the merged values per node; {@link Merged#NONE} without merge blocks
   */
  public record Result(int[] nodes, Merged merged) {}

  private record SortKey(PathReader path, boolean descending) {}

  private Plan(Query query, SnapshotCache cache, StateStore state, List<CompiledPart> parts) {
    this.query = query;
    this.cache = cache;
    Inventory inventory = cache.inventory();
    this.inventory = inventory;
    this.state = state;
    this.parts = parts;
  }

  /**
   * Compiles {@code query}. Kinds are not checked here (see {@code QueryValidator}).
   *
   * @param source the parsed text the query came from, so that errors point into it; empty for a
   *     query built in code (errors then point into its canonical text)
   * @throws dev.inventory.query.parse.QuerySyntaxException for a regular expression that does not
   *     compile ({@code BAD_REGEX})
   */
  public static Plan compile(Query query, Inventory inventory, StateStore state, Optional<Parsed<?>> source) {
    return compile(query, SnapshotCache.of(Objects.requireNonNull(inventory, "inventory")), state, source);
  }

  /**
   * Compiles {@code query} over the snapshot of {@code cache}, sharing what the cache remembers with
   * every other plan compiled with it (see {@link SnapshotCache}).
   */
  public static Plan compile(Query query, SnapshotCache cache, StateStore state, Optional<Parsed<?>> source) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(cache, "cache");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(source, "source");
    TermCompiler compiler = new TermCompiler(source, query.toString());
    List<CompiledPart> parts = new ArrayList<>();
    for (Part p : query.parts()) {
      // The kind index applies the is(...) that the term requires; the rest of the term is tested
      // node by node (nothing at all for a bare is(...)).
      Optional<List<String>> kinds = p.term().flatMap(TermCompiler::requiredKinds);
      Optional<Term> residual = kinds.isPresent() ? p.term().flatMap(TermCompiler::withoutRequiredKinds) : p.term();
      Optional<Cond> term = residual.map(compiler::compile);
      parts.add(new CompiledPart(
          term,
          kinds,
          p.sort().stream().map(s -> new SortKey(new PathReader(s.path()), s.order() == Sort.Order.DESC)).toList(),
          p.limit(),
          p.navigation().map(Walker::new),
          p,
          residual,
          p.reversed(),
          p.tag().isPresent(),
          p.merges().stream()
              .map(m -> new CompiledMerge(m.segments(), m.list(), compile(m.query(), cache, state, source))).toList(),
          p.postFilter().map(compiler::compile)));
    }
    return new Plan(query, cache, state, List.copyOf(parts));
  }

  /** The query this plan evaluates. */
  public Query query() {
    return query;
  }

  /**
   * How the plan evaluates its query, one line per step: where each part takes its candidates
   * from (the kind index or the previous part's walk), what is tested node by node, the sort, the
   * limit and the walk.
   */
  public String explain() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      CompiledPart p = parts.get(i);
      out.append(i == 0 ? "" : "\n").append("part ").append(i + 1).append(": ").append(p.source()).append('\n');
      String input = i == 0 ? "every node" : "the nodes the walk of part " + i + " reached";
      if (p.kinds().isPresent()) {
        int size = 0;
        for (String k : p.kinds().get()) {
          size += cache.kindIndices(k).length;
        }
        out.append("  candidates: kind index of ").append(String.join(", ", p.kinds().get()))
            .append(" (").append(size).append(" nodes)").append(i == 0 ? "" : ", within " + input).append('\n');
      } else {
        out.append("  candidates: ").append(input).append('\n');
      }
      out.append("  test each candidate: ").append(p.residual().map(Term::toString).orElse("nothing")).append('\n');
      if (!p.source().sort().isEmpty()) {
        out.append("  sort: ").append(p.source().sort().stream().map(Sort::toString)
            .collect(Collectors.joining(", "))).append('\n');
      }
      p.source().limit().ifPresent(l -> out.append("  ").append(l).append('\n'));
      p.source().navigation().ifPresent(n -> out.append("  walk from every node kept: ").append(n)
          .append(", each reached node once\n"));
    }
    return out.toString().stripTrailing();
  }

  /** Runs the plan at {@code now}: the dense indices of the result nodes, in result order. */
  public int[] run(Instant now) {
    return execute(now).nodes();
  }

  /**
   * Runs the query at {@code now}, keeping what its merge blocks found.
   *
   * @param now the time that ages and durations are measured against
   * @return the result nodes and their merged values
   */
  public Result execute(Instant now) {
    Run run = new Run(cache, state, Objects.requireNonNull(now, "now"));
    int[] nodes = evaluate(run, null);
    return new Result(nodes, run.merged);
  }

  /** The parts in turn, from {@code input} (null: every node). */
  private int[] evaluate(Run run, int[] input) {
    int[] current = input;
    List<int[]> tagged = null;
    for (CompiledPart p : parts) {
      current = filter(run, p, current);
      if (!p.merges().isEmpty()) {
        current = merge(run, p, current);
      }
      current = sort(run, p.sort(), current);
      if (p.limit().isPresent()) {
        Limit l = p.limit().get();
        int from = (int) Math.min(current.length, (long) l.offset());
        int to = (int) Math.min(current.length, (long) from + l.count());
        current = Arrays.copyOfRange(current, from, to);
      }
      if (p.reversed()) {
        current = reversed(current);
      }
      if (p.tagged() && p.navigation().isPresent()) {
        if (tagged == null) {
          tagged = new ArrayList<>();
        }
        tagged.add(current);
      }
      if (p.navigation().isPresent()) {
        current = p.navigation().get().walk(inventory, current).stream().toArray();
      }
    }
    return tagged == null ? current : withTagged(tagged, current);
  }

  /**
   * For every node of {@code nodes}: each merge walks from the node alone and keeps the first node
   * it finds (or all of them, for a list); then the post-filter, which can read them, keeps nodes.
   */
  private int[] merge(Run run, CompiledPart p, int[] nodes) {
    if (run.merged == Merged.NONE) {
      run.merged = new Merged();
    }
    for (int node : nodes) {
      for (CompiledMerge m : p.merges()) {
        int[] found = m.walk().evaluate(run, new int[] {node});
        if (m.list()) {
          List<Object> refs = new ArrayList<>(found.length);
          for (int f : found) {
            refs.add(new Merged.NodeRef(f, inventory.node(f).id()));
          }
          run.merged.put(node, m.names(), refs);
        } else if (found.length > 0) {
          run.merged.put(node, m.names(), new Merged.NodeRef(found[0], inventory.node(found[0]).id()));
        }
      }
    }
    if (p.postFilter().isEmpty()) {
      return nodes;
    }
    Cond post = p.postFilter().get();
    return Arrays.stream(nodes).filter(n -> post.test(run, n, PathReader.NO_ELEMENT)).toArray();
  }

  private static int[] reversed(int[] nodes) {
    int[] out = new int[nodes.length];
    for (int i = 0; i < nodes.length; i++) {
      out[i] = nodes[nodes.length - 1 - i];
    }
    return out;
  }

  /**
   * The nodes of the tagged parts (in part order) and then the last part's, each node once: as in
   * Fix Inventory a tagged part's nodes are part of the result.
   */
  private int[] withTagged(List<int[]> tagged, int[] last) {
    BitSet seen = new BitSet(inventory.size());
    int size = last.length;
    for (int[] t : tagged) {
      size += t.length;
    }
    int[] out = new int[size];
    int n = 0;
    List<int[]> all = new ArrayList<>(tagged);
    all.add(last);
    for (int[] nodes : all) {
      for (int i : nodes) {
        if (!seen.get(i)) {
          seen.set(i);
          out[n++] = i;
        }
      }
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * Whether the node would be in the result at {@code now}. A one-part query without a limit or a
   * navigation tests the node alone, without the engine's columns; others run the whole plan.
   */
  public boolean matches(int node, Instant now) {
    if (node < 0 || node >= inventory.size()) {
      return false;
    }
    if (parts.size() == 1 && parts.get(0).merges().isEmpty() && parts.get(0).limit().isEmpty()
        && parts.get(0).navigation().isEmpty()) {
      // One node read once: filling a snapshot-wide column for it would cost more than the read.
      Run run = new Run(SnapshotCache.none(inventory), state, Objects.requireNonNull(now, "now"));
      return parts.get(0).term().map(c -> c.test(run, node, PathReader.NO_ELEMENT)).orElse(true);
    }
    for (int i : run(now)) {
      if (i == node) {
        return true;
      }
    }
    return false;
  }

  /**
   * The values of {@code path} on a node as {@code count}, {@code list} and sorting see them: the
   * synthetic {@code age}, {@code last_update}, {@code last_access} as the {@link java.time.Duration}
   * from their time until {@code now}; the ancestors sections from the nearest such node; a path
   * through {@code [*]} gives one value per element. Empty when the value is missing or null.
   */
  public static List<Object> values(Inventory inventory, StateStore state, Instant now, Path path, int node) {
    return values(inventory, state, now, path, node, Merged.NONE);
  }

  /**
   * {@link #values(Inventory, StateStore, Instant, Path, int)}, where a path that starts with a merge
   * name reads the merged value.
   *
   * @param inventory the snapshot
   * @param state the state store
   * @param now the time ages are measured against
   * @param path the path to read
   * @param node the dense index of the node
   * @param merged what the query's merge blocks found
   * @return the values, possibly none
   */
  public static List<Object> values(Inventory inventory, StateStore state, Instant now, Path path, int node,
      Merged merged) {
    Run run = new Run(inventory, state, now);
    run.merged = Objects.requireNonNull(merged, "merged");
    return List.copyOf(new PathReader(path).values(run, node));
  }

  /** {@link #values(Inventory, StateStore, Instant, Path, int)} for many nodes, in one run. */
  public static List<List<Object>> values(Inventory inventory, StateStore state, Instant now, Path path, int[] nodes) {
    return values(SnapshotCache.none(Objects.requireNonNull(inventory, "inventory")), state, now, path, nodes);
  }

  /**
   * {@link #values(Inventory, StateStore, Instant, Path, int[])} over the snapshot of {@code cache}:
   * the same values, but a top-level string property (what {@code count name} reads) comes from the
   * cache's string column, so that a repeated count does not follow every node to its string.
   */
  public static List<List<Object>> values(SnapshotCache cache, StateStore state, Instant now, Path path, int[] nodes) {
    return values(cache, state, now, path, nodes, Merged.NONE);
  }

  /**
   * {@link #values(SnapshotCache, StateStore, Instant, Path, int[])}, where a path that starts with a
   * merge name reads the merged value.
   *
   * @param cache the snapshot and its columns
   * @param state the state store
   * @param now the time ages are measured against
   * @param path the path to read
   * @param nodes the dense indices of the nodes
   * @param merged what the query's merge blocks found
   * @return the values per node, in order
   */
  public static List<List<Object>> values(SnapshotCache cache, StateStore state, Instant now, Path path, int[] nodes,
      Merged merged) {
    Run run = new Run(cache, state, now);
    run.merged = Objects.requireNonNull(merged, "merged");
    PathReader reader = new PathReader(path);
    StringColumn column = usesColumn(cache, path, merged)
        ? cache.strings(path.segments().get(0).name())
        : null;
    List<List<Object>> out = new ArrayList<>(nodes.length);
    for (int node : nodes) {
      if (column != null) {
        int code = column.code(node);
        if (code == StringColumn.ABSENT) {
          out.add(List.of());
          continue;
        }
        if (StringColumn.isString(code)) {
          out.add(column.values(code));
          continue;
        }
      }
      out.add(List.copyOf(reader.values(run, node)));
    }
    return java.util.Collections.unmodifiableList(out);
  }

  /**
   * How many of {@code nodes} have each distinct list of values of {@code path}, as {@link
   * #values(SnapshotCache, StateStore, Instant, Path, int[])} reads them; nodes without a value are
   * left out. A top-level string property is counted per code of the cache's string column (an
   * {@code int} per distinct string) instead of per node.
   */
  public static Map<List<Object>, Integer> valueCounts(SnapshotCache cache, StateStore state, Instant now, Path path,
      int[] nodes) {
    return valueCounts(cache, state, now, path, nodes, Merged.NONE);
  }

  /**
   * {@link #valueCounts(SnapshotCache, StateStore, Instant, Path, int[])}, where a path that starts
   * with a merge name reads the merged value.
   *
   * @param cache the snapshot and its columns
   * @param state the state store
   * @param now the time ages are measured against
   * @param path the path to read
   * @param nodes the dense indices of the nodes
   * @param merged what the query's merge blocks found
   * @return how many nodes have each list of values
   */
  public static Map<List<Object>, Integer> valueCounts(SnapshotCache cache, StateStore state, Instant now, Path path,
      int[] nodes, Merged merged) {
    Run run = new Run(cache, state, now);
    run.merged = Objects.requireNonNull(merged, "merged");
    PathReader reader = new PathReader(path);
    StringColumn column = usesColumn(cache, path, merged)
        ? cache.strings(path.segments().get(0).name())
        : null;
    Map<List<Object>, Integer> out = new HashMap<>();
    int[] histogram = new int[column == null ? 0 : 64];
    for (int node : nodes) {
      if (column != null) {
        int code = column.code(node);
        if (code == StringColumn.ABSENT) {
          continue;
        }
        if (StringColumn.isString(code)) {
          int o = StringColumn.ordinal(code);
          if (o >= histogram.length) {
            histogram = Arrays.copyOf(histogram, Math.max(o + 1, histogram.length * 2));
          }
          histogram[o]++;
          continue;
        }
      }
      List<Object> values = reader.values(run, node);
      if (!values.isEmpty()) {
        out.merge(List.copyOf(values), 1, Integer::sum);
      }
    }
    for (int o = 0; o < histogram.length; o++) {
      if (histogram[o] > 0) {
        out.merge(column.values(StringColumn.codeOf(o)), histogram[o], Integer::sum);
      }
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  /**
   * Sorts node indices by {@code keys} the way a query part sorts: missing values last in either
   * direction, ties in the given order.
   */
  /** Whether a string column can answer {@code path}: not where a merged value may shadow it. */
  private static boolean usesColumn(SnapshotCache cache, Path path, Merged merged) {
    return cache.remembers() && StringColumn.fits(path)
        && !(path.section() == dev.inventory.query.ast.Section.REPORTED && merged.names(path.segments().get(0).name()));
  }

  public static int[] sort(Inventory inventory, StateStore state, Instant now, List<Sort> keys, int[] nodes) {
    List<SortKey> compiled = keys.stream()
        .map(s -> new SortKey(new PathReader(s.path()), s.order() == Sort.Order.DESC)).toList();
    return sort(new Run(inventory, state, now), compiled, nodes.clone());
  }

  private int[] filter(Run run, CompiledPart p, int[] input) {
    int[] candidates;
    if (p.kinds().isPresent() && p.kinds().get().size() == 1 && input == null) {
      // ascending; the engine's shared array, which a time filter knows its aligned times by
      candidates = run.cache.kindIndices(p.kinds().get().get(0));
      if (p.term().isEmpty()) {
        return candidates.clone(); // the result is the caller's
      }
    } else if (p.kinds().isPresent()) {
      BitSet byKind = run.cache.kindSet(p.kinds().get()); // shared: read only
      if (input == null) {
        candidates = byKind.stream().toArray();
      } else {
        // The input of a part is every node or a navigation result: ascending either way.
        int[] kept = new int[input.length];
        int n = 0;
        for (int i : input) {
          if (byKind.get(i)) {
            kept[n++] = i;
          }
        }
        candidates = Arrays.copyOf(kept, n);
      }
    } else {
      candidates = input != null ? input : allNodes();
    }
    if (p.term().isEmpty()) {
      return candidates;
    }
    return p.term().get().filter(run, candidates);
  }

  private int[] allNodes() {
    int[] all = new int[inventory.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    return all;
  }

  private static int[] sort(Run run, List<SortKey> keys, int[] nodes) {
    if (keys.isEmpty() || nodes.length < 2) {
      return nodes;
    }
    // Read every key once; the first value of a multi-valued path decides.
    Object[][] values = new Object[nodes.length][keys.size()];
    Integer[] order = new Integer[nodes.length];
    for (int i = 0; i < nodes.length; i++) {
      order[i] = i;
      for (int k = 0; k < keys.size(); k++) {
        List<Object> v = keys.get(k).path().values(run, nodes[i]);
        values[i][k] = v.isEmpty() ? null : v.get(0);
      }
    }
    Comparator<Integer> cmp = (a, b) -> {
      for (int k = 0; k < keys.size(); k++) {
        Object x = values[a][k];
        Object y = values[b][k];
        if (x == null || y == null) {
          if (x != y) {
            return x == null ? 1 : -1; // missing last, whatever the direction
          }
          continue;
        }
        int c = Scalars.sortOrder(x, y);
        if (c != 0) {
          return keys.get(k).descending() ? -c : c;
        }
      }
      return 0;
    };
    Arrays.sort(order, cmp); // stable: ties keep the input order
    int[] out = new int[nodes.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = nodes[order[i]];
    }
    return out;
  }
}
