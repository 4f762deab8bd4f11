package dev.inventory.cleanup;

/**
 * The executor refused a whole run before acting: nothing was refreshed, no cleaner was called and
 * the state store was not changed. Thrown for a real run while {@code cleanup} is false, and for a
 * real run whose plan is larger than {@code cleanup_max_resources}. The message says which key
 * refused the run and how to change it, in words a person reads.
 *
 * <pre>{@code
 * try {
 *   executor.run(inventory, state);
 * } catch (CleanupRefusedException e) {
 *   System.err.println(e.getMessage());   // "cleanup is disabled (worker.cleanup: false): nothing was changed. ..."
 * }
 * }</pre>
 */
public class CleanupRefusedException extends CleanupException {
  private static final long serialVersionUID = 1L;

  /**
   * A refusal.
   *
   * @param message why the run was refused and how to allow it
   */
  public CleanupRefusedException(String message) {
    super(message);
  }
}
