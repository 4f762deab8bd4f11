package dev.inventory.state;

import dev.inventory.InventoryException;

/**
 * A state store could not be read or written: an unreadable or corrupt state file (the message
 * names the file and the line and column), or a failed write (the old content is kept).
 */
public class StateException extends InventoryException {
  private static final long serialVersionUID = 1L;

  /**
   * The state could not be read or written.
   *
   * @param message what failed, naming the file
   */
  public StateException(String message) {
    super(message);
  }

  /**
   * The state could not be read or written because of another error.
   *
   * @param message what failed, naming the file
   * @param cause the underlying error
   */
  public StateException(String message, Throwable cause) {
    super(message, cause);
  }
}
