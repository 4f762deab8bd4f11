package dev.inventory.cleanup;

import dev.inventory.InventoryException;

/**
 * What a {@link dev.inventory.spi.Cleaner} throws when a call to the resource's source fails, saying
 * whether trying again later may succeed (throttling, a timeout) or not (access denied). The executor
 * turns it into a {@code failed} outcome with this message and flag; the node stays marked. Any other
 * exception from a cleaner is a {@code failed} outcome that is not retryable.
 *
 * <pre>{@code
 * } catch (ThrottlingException e) {
 *   throw CleanupActionException.retryable("IAM throttled DeleteAccessKey", e);
 * } catch (AccessDeniedException e) {
 *   throw CleanupActionException.permanent("access denied to DeleteAccessKey", e);
 * }
 * }</pre>
 */
public class CleanupActionException extends InventoryException {
  private static final long serialVersionUID = 1L;

  /** Whether a later run may succeed. */
  private final boolean retryable;

  /**
   * A failure of a cleaner's action.
   *
   * @param message what failed, for people
   * @param retryable whether a later run may succeed
   * @param cause the underlying error, or null
   */
  public CleanupActionException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  /**
   * A failure that may go away on a later run.
   *
   * @param message what failed, for people
   * @param cause the underlying error
   * @return the exception
   */
  public static CleanupActionException retryable(String message, Throwable cause) {
    return new CleanupActionException(message, true, cause);
  }

  /**
   * A failure that may go away on a later run, without a cause.
   *
   * @param message what failed, for people
   * @return the exception
   */
  public static CleanupActionException retryable(String message) {
    return new CleanupActionException(message, true, null);
  }

  /**
   * A failure that will happen again until someone changes something.
   *
   * @param message what failed, for people
   * @param cause the underlying error
   * @return the exception
   */
  public static CleanupActionException permanent(String message, Throwable cause) {
    return new CleanupActionException(message, false, cause);
  }

  /**
   * A failure that will happen again until someone changes something, without a cause.
   *
   * @param message what failed, for people
   * @return the exception
   */
  public static CleanupActionException permanent(String message) {
    return new CleanupActionException(message, false, null);
  }

  /**
   * Whether a later run may succeed.
   *
   * @return whether the failure may go away by itself
   */
  public boolean retryable() {
    return retryable;
  }
}
