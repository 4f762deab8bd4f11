package dev.inventory.query;

import dev.inventory.Edge;
import dev.inventory.Inventory;
import dev.inventory.Resource;
import dev.inventory.query.ast.Query;
import dev.inventory.query.parse.QueryParser;
import dev.inventory.spi.SelectionCheck;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The cleanup executor's re-check, done with this module's engine: the query text stored with a
 * {@code clean} mark is parsed and run against the snapshot in which the marked node is replaced by
 * its refreshed version, at the executor's {@code now}. The node must still be selected.
 *
 * <p>Registered as a {@link SelectionCheck} service, so a {@code CleanupExecutor} finds it whenever
 * {@code inventory-query} is on the class path. Marks written by the text commands and by {@link
 * Search#clean} store the canonical query text, which always parses. The {@code /desired} and
 * {@code /metadata} sections read as empty during the re-check: the executor checks protection
 * itself.
 *
 * <pre>{@code
 * CleanupExecutor executor = CleanupExecutor.builder().selectionCheck(new QuerySelectionCheck()).build();
 * }</pre>
 *
 * <p>Each check rebuilds the snapshot's index with the one node replaced (linear in the snapshot's
 * size), which is cheap next to the cloud calls around it.
 */
public final class QuerySelectionCheck implements SelectionCheck {

  @Override
  public boolean stillSelected(String queryText, Resource refreshed, Inventory snapshot, Instant now) {
    Objects.requireNonNull(queryText, "queryText");
    Objects.requireNonNull(refreshed, "refreshed");
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(now, "now");
    Query query = QueryParser.parse(queryText);
    Inventory.Builder b = Inventory.builder(snapshot.kinds());
    boolean replaced = false;
    for (Resource r : snapshot.nodes()) {
      if (r.id().equals(refreshed.id())) {
        b.add(refreshed);
        replaced = true;
      } else {
        b.add(r);
      }
    }
    if (!replaced) {
      return false;
    }
    for (Edge e : snapshot.edges()) {
      b.edge(e);
    }
    return QueryEngine.of(b.build()).compile(query).matches(refreshed.id(), Clock.fixed(now, ZoneOffset.UTC));
  }
}
