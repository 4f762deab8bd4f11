package dev.inventory.workflow;

import dev.inventory.InventoryException;

/**
 * A workflow cannot be run at all, for example an unknown name. Errors during a run are not thrown:
 * they are in its {@link WorkflowResult}.
 *
 * <pre>{@code
 * workflows.run("colect");   // WorkflowException: unknown workflow "colect"; known workflows: collect_and_cleanup, collect, cleanup
 * }</pre>
 */
public class WorkflowException extends InventoryException {
  private static final long serialVersionUID = 1L;

  /**
   * A workflow could not be run.
   *
   * @param message why, for people
   */
  public WorkflowException(String message) {
    super(message);
  }
}
