package dev.inventory.spi;

import dev.inventory.Inventory;
import dev.inventory.Resource;
import java.time.Instant;

/**
 * Re-runs the query that marked a node against the node as it is now, so that the cleanup executor
 * never acts on a resource that changed since it was marked (the check runs right before
 * each action, after the refresh). {@code
 * inventory-api} knows no query language; {@code inventory-query} implements this with its engine.
 *
 * <p>Register one on {@code CleanupExecutor.builder().selectionCheck(...)} or in {@code
 * META-INF/services/dev.inventory.spi.SelectionCheck}. Without one, an executor skips every node
 * whose mark carries a query (it cannot re-check it) and keeps the mark.
 *
 * <pre>{@code
 * SelectionCheck check = (query, refreshed, snapshot, now) -> engine.selects(query, refreshed, snapshot, now);
 * CleanupExecutor executor = CleanupExecutor.builder().selectionCheck(check).build();
 * }</pre>
 *
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface SelectionCheck {

  /**
   * Whether {@code queryText} still selects {@code refreshed}, evaluated in {@code snapshot}'s
   * context (its ancestors, edges and other nodes) with {@code refreshed} in place of the node of
   * the same id, at time {@code now}.
   *
   * @param queryText the query stored with the mark
   * @param refreshed the node as just read again
   * @param snapshot the run's snapshot
   * @param now the run's time
   * @return whether the query still selects the node
   */
  boolean stillSelected(String queryText, Resource refreshed, Inventory snapshot, Instant now);
}
