package dev.inventory.cleanup;

/**
 * What a {@link dev.inventory.spi.Cleaner} throws when the source says, during an action, that the
 * resource no longer exists (AWS {@code NoSuchEntity}): someone else removed it between the refresh
 * and the call. The executor reports the node {@code already_gone}, not {@code failed}.
 *
 * <pre>{@code
 * } catch (NoSuchEntityException e) {
 *   throw new ResourceGoneException("access key " + id + " no longer exists", e);
 * }
 * }</pre>
 */
public class ResourceGoneException extends CleanupActionException {
  private static final long serialVersionUID = 1L;

  /**
   * The resource no longer exists, as another error says.
   *
   * @param message which resource, for people
   * @param cause the error that says so
   */
  public ResourceGoneException(String message, Throwable cause) {
    super(message, false, cause);
  }

  /**
   * The resource no longer exists.
   *
   * @param message which resource, for people
   */
  public ResourceGoneException(String message) {
    super(message, false, null);
  }
}
