package dev.inventory.spi;

import dev.inventory.collect.CollectContext;
import dev.inventory.collect.CollectResult;

/**
 * Produces a new snapshot of the resources of one or more sources (for AWS: accounts), so that a
 * workflow's {@code collect} step can replace the current one.
 *
 * <p>A collector reports what it is doing with {@link CollectContext#progress} and what failed for
 * a single source as a {@link dev.inventory.collect.SourceError} in the result: a source that
 * failed leaves the others collected, and a resource whose source failed to say something (for
 * example its last use) carries the unknown value rather than a guess. When nothing at all can be
 * collected (no credentials, an unreadable fixture) it throws an unchecked exception; the workflow
 * then keeps the previous snapshot and records the step as failed.
 *
 * <pre>{@code
 * Collector collector = context -> {
 *   context.progress("fixture", "reading prod.ndjson");
 *   return CollectResult.of(FixtureFormat.read(Path.of("prod.ndjson")).inventory());
 * };
 * CollectResult result = collector.collect(CollectContext.of(Clock.systemUTC()));
 * }</pre>
 */
@FunctionalInterface
public interface Collector {

  /**
   * Collects a new snapshot.
   *
   * @param context the run's id, clock and progress listener
   * @return the snapshot and the errors of the sources that failed
   * @throws dev.inventory.InventoryException (or another unchecked exception) when nothing could be
   *     collected at all
   */
  CollectResult collect(CollectContext context);
}
