package dev.inventory.query;

import dev.inventory.Inventory;
import dev.inventory.Resource;
import dev.inventory.query.ast.Query;
import dev.inventory.query.parse.QueryParser;
import dev.inventory.spi.SelectionCheck;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

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
 * <p>Each check works on {@link Inventory#withNode}: the snapshot with the one node replaced,
 * sharing the graph and the indices (one copy of the node array), so a check stays cheap next to
 * the cloud calls around it even on a large snapshot.
 */
public final class QuerySelectionCheck implements SelectionCheck {

  @Override
  public boolean stillSelected(String queryText, Resource refreshed, Inventory snapshot, Instant now) {
    Objects.requireNonNull(queryText, "queryText");
    Objects.requireNonNull(refreshed, "refreshed");
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(now, "now");
    Query query = QueryParser.parse(queryText);
    Optional<Resource> old = snapshot.node(refreshed.id());
    if (old.isEmpty()) {
      return false;
    }
    Inventory current;
    if (old.get().kind().equals(refreshed.kind()) && old.get().getClass() == refreshed.getClass()) {
      current = snapshot.withNode(refreshed);
    } else {
      // A refresh that changed the node's kind or type: rebuild the snapshot around it.
      Inventory.Builder b = Inventory.builder(snapshot.kinds());
      for (Resource r : snapshot.nodes()) {
        b.add(r.id().equals(refreshed.id()) ? refreshed : r);
      }
      snapshot.edges().forEach(b::edge);
      current = b.build();
    }
    return QueryEngine.of(current).compile(query).matches(refreshed.id(), Clock.fixed(now, ZoneOffset.UTC));
  }
}
