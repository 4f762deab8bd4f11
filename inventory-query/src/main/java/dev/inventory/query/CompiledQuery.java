package dev.inventory.query;

import dev.inventory.query.ast.Query;
import java.time.Clock;

/**
 * A query compiled against one snapshot: immutable, thread-safe, cheap to run again. Built by
 * {@link QueryEngine#compile(Query)}.
 *
 * <pre>{@code
 * CompiledQuery stale = engine.compile(QueryParser.parse("is(access_key) and last_access > 90days"));
 * SearchResult now = stale.run(clock);
 * boolean stillStale = stale.matches("AKIAEXAMPLE", clock);   // the fresh check before a cleanup action
 * }</pre>
 */
public interface CompiledQuery {

  /** The query as it was given. */
  Query query();

  /** Runs the query; reads {@code clock.instant()} once for the whole run. */
  SearchResult run(Clock clock);

  /**
   * Whether the node with this id would be in the result of {@link #run(Clock)} now; false for an
   * id the snapshot does not have.
   */
  boolean matches(String nodeId, Clock clock);

  /**
   * How the query is evaluated, one line per step, without running it: per part the candidates (a
   * kind index or the previous walk's nodes), the test of each candidate, sort, limit and walk.
   * What {@code search --explain} prints under the canonical query.
   *
   * <pre>{@code
   * engine.compile(QueryParser.parse("is(access_key) and last_access > 90days")).explain();
   * // part 1: is(access_key) and last_access > 90days
   * //   candidates: kind index of access_key (42 nodes)
   * //   test each candidate: last_access > 90days
   * }</pre>
   *
   * @return the description, lines separated by {@code \n}
   */
  String explain();
}
