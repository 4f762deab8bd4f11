package dev.inventory.cleanup;

/**
 * Follows a cleanup run: its steps ({@code pre_cleanup}, {@code cleanup}, {@code post_cleanup}),
 * every node's outcome, and progress, so that a host or a shell can show it. Every method has an
 * empty default. {@link #onOutcome} and {@link #onProgress} are called from the pool's threads,
 * one call at a time and with {@code done} counting up; a listener that throws is logged and
 * ignored, never stopping the run.
 *
 * <pre>{@code
 * CleanupListener progress = new CleanupListener() {
 *   public void onProgress(int done, int total) {
 *     System.out.printf("\r%d/%d", done, total);
 *   }
 * };
 * CleanupExecutor.builder().listener(progress).build();
 * }</pre>
 */
public interface CleanupListener {

  /**
   * A step of the run begins (or, for {@code post_cleanup}, the actions are done).
   *
   * @param event the step and the plan (and, for {@code post_cleanup}, the report)
   */
  default void onEvent(CleanupEvent event) {}

  /**
   * A node is done.
   *
   * @param result the node's result
   */
  default void onOutcome(NodeResult result) {}

  /**
   * {@code done} of {@code total} planned nodes are done.
   *
   * @param done nodes done so far
   * @param total planned nodes
   */
  default void onProgress(int done, int total) {}
}
