package dev.inventory.cleanup;

import dev.inventory.Inventory;
import dev.inventory.state.NodeState;
import java.time.Instant;
import java.util.Objects;

/**
 * What a {@link dev.inventory.spi.Cleaner} may want to know while it refreshes or acts on one node.
 *
 * <pre>{@code
 * public Optional<Resource> refresh(Resource key, CleanupContext context) {
 *   Resource owner = context.snapshot().predecessors(key.id(), EdgeType.DEFAULT).get(0);
 *   ...
 * }
 * }</pre>
 *
 * @param snapshot the snapshot the plan was made from (the resource's graph context)
 * @param state the node's state as the executor read it just before this call
 * @param now the executor's clock at the start of this node
 * @param dryRun whether this is a dry run (only {@code refresh} is ever called then)
 */
public record CleanupContext(Inventory snapshot, NodeState state, Instant now, boolean dryRun) {
  /**
   * Checks that the values are present.
   *
   * @param snapshot the snapshot the run plans over
   * @param state the node's state when the action starts
   * @param now the run's time
   * @param dryRun whether the run is a dry run
   */
  public CleanupContext {
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(now, "now");
  }
}
