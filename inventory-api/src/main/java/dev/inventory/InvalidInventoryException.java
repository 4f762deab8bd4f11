package dev.inventory;

/**
 * A resource graph could not be built: a duplicate node id, an edge to a node that is not in the
 * graph, or a resource whose kind does not fit its Java type.
 */
public class InvalidInventoryException extends InventoryException {
  private static final long serialVersionUID = 1L;

  public InvalidInventoryException(String message) {
    super(message);
  }
}
