package dev.inventory.cleanup;

import dev.inventory.InventoryException;

/**
 * A cleanup cannot be planned or started: a cycle of {@code delete} edges between planned nodes, a
 * plan larger than {@code cleanup_max_resources}, or an executor that cannot be built (two cleaners
 * for one kind, two selection checks). Nothing was changed when it is thrown.
 *
 * <pre>{@code
 * try {
 *   executor.run(plan);
 * } catch (CleanupException e) {
 *   log.error("cleanup refused: {}", e.getMessage());   // "the plan has 30 nodes, more than ..."
 * }
 * }</pre>
 *
 * <p>Failures of single nodes never throw: they are {@code failed} outcomes in the {@link
 * CleanupReport}.
 */
public class CleanupException extends InventoryException {
  private static final long serialVersionUID = 1L;

  /**
   * A cleanup refused or stopped, with a message for people.
   *
   * @param message what went wrong and what to do
   */
  public CleanupException(String message) {
    super(message);
  }

  /**
   * A cleanup refused or stopped because of another error.
   *
   * @param message what went wrong and what to do
   * @param cause the underlying error
   */
  public CleanupException(String message, Throwable cause) {
    super(message, cause);
  }
}
