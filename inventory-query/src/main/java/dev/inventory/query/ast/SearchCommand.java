package dev.inventory.query.ast;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code search [--with-edges] [--explain] [aggregate(...):] <query>}.
 *
 * <pre>{@code
 * new SearchCommand(QueryParser.parse("is(user)")).toString();   // search is(user)
 * }</pre>
 *
 * @param query the query
 * @param aggregate the aggregation before the query, if any: the command's output are its rows
 * @param withEdges {@code --with-edges}: the output also lists the edges between the result nodes
 * @param explain {@code --explain}: print the canonical query and how it is evaluated; run nothing
 */
public record SearchCommand(Query query, Optional<Aggregate> aggregate, boolean withEdges, boolean explain)
    implements Command {

  /** Checks the query and the aggregate are given. */
  public SearchCommand {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(aggregate, "aggregate");
  }

  /**
   * {@code search <query>}.
   *
   * @param query the query
   */
  public SearchCommand(Query query) {
    this(query, Optional.empty(), false, false);
  }

  @Override
  public String toString() {
    return "search " + (withEdges ? "--with-edges " : "") + (explain ? "--explain " : "")
        + aggregate.map(a -> a + ": ").orElse("") + query;
  }
}
