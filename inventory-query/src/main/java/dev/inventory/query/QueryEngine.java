package dev.inventory.query;

import dev.inventory.Inventory;
import dev.inventory.query.ast.Query;
import dev.inventory.query.internal.eval.Plan;
import dev.inventory.query.internal.eval.SnapshotCache;
import dev.inventory.query.parse.Parsed;
import dev.inventory.query.parse.QueryParser;
import dev.inventory.query.parse.QuerySyntaxException;
import dev.inventory.query.parse.QueryValidator;
import dev.inventory.state.StateStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs queries over one immutable snapshot and a state store. Thread-safe:
 * compile once, run from any number of threads.
 *
 * <pre>{@code
 * QueryEngine engine = QueryEngine.of(inventory, StateStore.inMemory());
 * SearchResult stale = engine.search(
 *     QueryParser.parse("is(access_key) and last_access > 90days and /ancestors.user.reported.name not in [jenkins, ci]"),
 *     clock);
 * stale.nodes();   // the keys, in snapshot order
 * }</pre>
 */
public final class QueryEngine {
  private final Inventory inventory;
  private final StateStore state;
  private final SnapshotCache cache; // shared by every query this engine compiles

  private QueryEngine(Inventory inventory, StateStore state) {
    this.inventory = Objects.requireNonNull(inventory, "inventory");
    this.state = Objects.requireNonNull(state, "state");
    this.cache = SnapshotCache.of(inventory);
  }

  /** An engine over {@code inventory} with an empty in-memory state store. */
  public static QueryEngine of(Inventory inventory) {
    return new QueryEngine(inventory, StateStore.inMemory());
  }

  /** An engine over {@code inventory} that reads {@code /desired} and {@code /metadata} from {@code state}. */
  public static QueryEngine of(Inventory inventory, StateStore state) {
    return new QueryEngine(inventory, state);
  }

  /** The snapshot. */
  public Inventory inventory() {
    return inventory;
  }

  /** The state store. */
  public StateStore state() {
    return state;
  }

  /**
   * Checks and compiles a query. Errors point into the query's canonical text.
   *
   * @throws QuerySyntaxException {@code UNKNOWN_KIND} for a kind the snapshot does not know (with the
   *     closest known kinds), {@code BAD_REGEX} for a regular expression that does not compile
   */
  public CompiledQuery compile(Query query) {
    Objects.requireNonNull(query, "query");
    QueryValidator.checkKinds(query, inventory.kinds());
    try {
      return compileChecked(query, query, Optional.empty());
    } catch (QuerySyntaxException e) {
      // Only a failing query is printed and parsed again: its canonical text parses back to an
      // equal query whose nodes have source positions, so the error points at the culprit.
      Parsed<Query> parsed = QueryParser.parseWithSource(query.toString());
      compileChecked(query, parsed.value(), Optional.of(parsed));
      throw e;
    }
  }

  /**
   * Checks and compiles a query parsed from text, so that errors point into that text (for a command
   * line: the whole line). {@code parsed.value()} must be the query object whose nodes the source
   * map knows.
   */
  public CompiledQuery compile(Parsed<Query> parsed) {
    Objects.requireNonNull(parsed, "parsed");
    return compileChecked(parsed.value(), parsed.value(), Optional.of(parsed));
  }

  private CompiledQuery compileChecked(Query original, Query withSource, Optional<Parsed<?>> source) {
    source.ifPresent(s -> QueryValidator.checkKinds(s, inventory.kinds()));
    Plan plan = Plan.compile(withSource, cache, state, source);
    return new Compiled(original, plan);
  }

  /** Compiles and runs {@code query}, reading the clock once. */
  public SearchResult search(Query query, Clock clock) {
    Objects.requireNonNull(clock, "clock");
    return compile(query).run(clock);
  }

  /** Compiles and runs {@code query} at the current UTC time. */
  public SearchResult search(Query query) {
    return search(query, Clock.systemUTC());
  }

  @Override
  public String toString() {
    return "QueryEngine(" + inventory + ")";
  }

  private final class Compiled implements CompiledQuery {
    private final Query query;
    private final Plan plan;

    Compiled(Query query, Plan plan) {
      this.query = query;
      this.plan = plan;
    }

    @Override
    public Query query() {
      return query;
    }

    @Override
    public SearchResult run(Clock clock) {
      Instant now = Objects.requireNonNull(clock, "clock").instant();
      return new SearchResult(query, now, plan.execute(now), cache, state);
    }

    @Override
    public String explain() {
      return plan.explain();
    }

    @Override
    public boolean matches(String nodeId, Clock clock) {
      Objects.requireNonNull(nodeId, "nodeId");
      Instant now = Objects.requireNonNull(clock, "clock").instant();
      return plan.matches(inventory.indexOf(nodeId), now);
    }

    @Override
    public String toString() {
      return "CompiledQuery(" + query + ")";
    }
  }
}
