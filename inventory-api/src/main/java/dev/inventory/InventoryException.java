package dev.inventory;

/**
 * Root of every exception this library throws on purpose.
 *
 * <p>All are unchecked. Subtypes name the failing area: {@link InvalidInventoryException} for a graph
 * that cannot be built, {@link dev.inventory.fixture.FixtureException} for bad fixture input,
 * {@link dev.inventory.state.StateException} for an unreadable or unwritable state store.
 */
public class InventoryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * An error of the library, with a message for people.
   *
   * @param message what went wrong
   */
  public InventoryException(String message) {
    super(message);
  }

  /**
   * An error of the library caused by another one.
   *
   * @param message what went wrong
   * @param cause the underlying error
   */
  public InventoryException(String message, Throwable cause) {
    super(message, cause);
  }
}
