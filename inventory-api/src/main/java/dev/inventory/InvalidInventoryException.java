package dev.inventory;

/**
 * A resource graph could not be built: a duplicate node id, an edge to a node that is not in the
 * graph, or a resource whose kind does not fit its Java type.
 */
public class InvalidInventoryException extends InventoryException {
  private static final long serialVersionUID = 1L;

  /**
   * An inventory that cannot be built, with a message for people.
   *
   * @param message what is wrong, naming the node or edge
   */
  public InvalidInventoryException(String message) {
    super(message);
  }
}
