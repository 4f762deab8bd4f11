package dev.inventory.collect;

import dev.inventory.Inventory;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link dev.inventory.spi.Collector} produced: the new snapshot and the sources that
 * failed. Immutable.
 *
 * <pre>{@code
 * CollectResult result = collector.collect(context);
 * result.inventory().ofKind("access_key");
 * result.errors().forEach(e -> log.warn("{}", e));
 * }</pre>
 *
 * @param inventory the new snapshot
 * @param errors one entry per source that failed, in the order they failed
 */
public record CollectResult(Inventory inventory, List<SourceError> errors) {
  /**
   * Copies the errors.
   *
   * @param inventory the collected snapshot
   * @param errors the sources that failed, empty when all succeeded
   */
  public CollectResult {
    Objects.requireNonNull(inventory, "inventory");
    errors = List.copyOf(Objects.requireNonNull(errors, "errors"));
  }

  /**
   * A result without errors.
   *
   * @param inventory the collected snapshot
   * @return the result
   */
  public static CollectResult of(Inventory inventory) {
    return new CollectResult(inventory, List.of());
  }

  /**
   * Whether some source failed.
   *
   * @return whether there are errors
   */
  public boolean hasErrors() {
    return !errors.isEmpty();
  }
}
