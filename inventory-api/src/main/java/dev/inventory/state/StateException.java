package dev.inventory.state;

import dev.inventory.InventoryException;

/**
 * A state store could not be read or written: an unreadable or corrupt state file (the message
 * names the file and the line and column), or a failed write (the old content is kept).
 */
public class StateException extends InventoryException {
  private static final long serialVersionUID = 1L;

  public StateException(String message) {
    super(message);
  }

  public StateException(String message, Throwable cause) {
    super(message, cause);
  }
}
