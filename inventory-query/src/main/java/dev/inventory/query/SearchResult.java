package dev.inventory.query;

import dev.inventory.Inventory;
import dev.inventory.Resource;
import dev.inventory.query.ast.Path;
import dev.inventory.query.ast.Query;
import dev.inventory.query.internal.eval.Merged;
import dev.inventory.query.internal.eval.Plan;
import dev.inventory.query.internal.eval.SnapshotCache;
import dev.inventory.state.StateStore;
import java.time.Instant;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The nodes a query found at one instant, in result order (ascending snapshot order unless the last
 * part sorts them), and how to read their values the way the engine does.
 *
 * <p>Immutable. {@link #values(Path, Resource)} reads the state store when it is called, so it sees
 * marks made after the search.
 *
 * <pre>{@code
 * SearchResult r = engine.search(QueryParser.parse("is(access_key) and last_access > 90days <-- is(user)"), clock);
 * r.size();                                            // 29 on the demo organisation
 * r.values(QueryParser.parsePath("name"), r.nodes().get(0));   // [ccm-sa]
 * }</pre>
 */
public final class SearchResult {
  private final Query query;
  private final Instant now;
  private final List<Resource> nodes;
  private final int[] indices; // dense snapshot indices of nodes, same order; never changed
  private final Inventory inventory;
  private final StateStore state;
  private final SnapshotCache cache; // the engine's: values(Path) reads its string columns
  private final Merged merged; // what the query's merge blocks found: values(Path) reads them

  SearchResult(Query query, Instant now, int[] indices, SnapshotCache cache, StateStore state) {
    this(query, now, indices, cache.inventory(), state, cache, Merged.NONE);
  }

  SearchResult(Query query, Instant now, Plan.Result result, SnapshotCache cache, StateStore state) {
    this(query, now, result.nodes(), cache.inventory(), state, cache, result.merged());
  }

  private SearchResult(Query query, Instant now, int[] indices, Inventory inventory, StateStore state,
      SnapshotCache cache, Merged merged) {
    this.merged = merged;
    this.query = query;
    this.now = now;
    this.indices = indices;
    this.nodes = new NodeList(inventory, indices); // a view: a count never touches the nodes
    this.inventory = inventory;
    this.state = state;
    this.cache = cache;
  }

  /** The query that was run. */
  public Query query() {
    return query;
  }

  /** The instant the query ran at: the clock, read once. */
  public Instant now() {
    return now;
  }

  /** The result nodes, distinct, in result order. */
  public List<Resource> nodes() {
    return nodes;
  }

  /** The number of result nodes. */
  public int size() {
    return nodes.size();
  }

  /**
   * The values of {@code path} on {@code node} as the engine reads them at {@link #now()}: sections
   * ({@code /desired}, {@code /metadata} from the state store), the nearest ancestor for {@code
   * /ancestors.<kind>...} (and the shorthands {@code account}, {@code region}, {@code cloud}), the
   * synthetic {@code age}, {@code last_update}, {@code last_access} as a {@link java.time.Duration}
   * until now. A path through {@code [*]} gives one value per element; a missing or null value gives
   * an empty list. Values are {@code String}, {@code Long}, {@code Double}, {@code Boolean}, {@code
   * Instant}, {@code Duration}, maps and lists.
   *
   * @throws IllegalArgumentException if the node is not in this result's snapshot
   */
  public List<Object> values(Path path, Resource node) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(node, "node");
    int index = inventory.indexOf(node.id());
    if (index < 0) {
      throw new IllegalArgumentException("node '" + node.id() + "' is not in this snapshot");
    }
    return Plan.values(inventory, state, now, path, index, merged);
  }

  /**
   * The values of {@code path} on every result node, in result order: the same as calling {@link
   * #values(Path, Resource)} for each node, but in one pass over the snapshot (what {@code count}
   * and {@code list} use).
   *
   * <pre>{@code
   * List<List<Object>> names = r.values(QueryParser.parsePath("name"));   // [[ccm-sa], [nancy], ...]
   * }</pre>
   */
  public List<List<Object>> values(Path path) {
    Objects.requireNonNull(path, "path");
    return Plan.values(cache, state, now, path, indices, merged);
  }

  /**
   * How many result nodes have each distinct list of values of {@code path}, the lists as {@link
   * #values(Path)} gives them; nodes without a value are left out. What {@code count} needs, without
   * a list per node: a top-level string property such as {@code name} is counted by the engine's
   * string column.
   *
   * <pre>{@code
   * Map<List<Object>, Integer> byName = r.valueCounts(QueryParser.parsePath("name"));   // {[ccm-sa]=1, ...}
   * }</pre>
   */
  public Map<List<Object>, Integer> valueCounts(Path path) {
    Objects.requireNonNull(path, "path");
    return Plan.valueCounts(cache, state, now, path, indices, merged);
  }

  /** The result nodes as an unmodifiable view over the snapshot and the result's indices. */
  private static final class NodeList extends AbstractList<Resource> implements RandomAccess {
    private final Inventory inventory;
    private final int[] indices;

    NodeList(Inventory inventory, int[] indices) {
      this.inventory = inventory;
      this.indices = indices;
    }

    @Override
    public Resource get(int i) {
      return inventory.node(indices[i]);
    }

    @Override
    public int size() {
      return indices.length;
    }
  }

  @Override
  public String toString() {
    return "SearchResult(" + nodes.size() + " nodes at " + now + " for " + query + ")";
  }
}
